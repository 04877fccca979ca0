"""`archive convert | build | serve`: thin commands over the library API."""

from __future__ import annotations

import signal
import subprocess
import sys
import threading
from collections.abc import Iterable, Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import click
from tqdm import tqdm

from converter.batch import RunReport, check_directory, convert_directory
from converter.lock import RunLockedError, run_lock
from converter.report import write_report
from converter.settings import Settings

DEFAULT_SEEDS = Path("seeds")
DEFAULT_DOCS = Path("docs")


def _progress(results: Iterable[Any], total: int) -> Iterator[Any]:
    """A progress bar on a terminal; one line when stderr is a file or a CI log."""
    bar = tqdm(results, total=total, unit="seed", desc="converting", disable=None, file=sys.stderr)
    if bar.disable:
        click.echo(f"converting {total} seed(s)", err=True)
    return iter(bar)


def print_summary(report: RunReport) -> None:
    if report.stamp_changed:
        click.echo(
            "converter or curated data changed since the last run: every page re-checked, "
            f"{len(report.converted)} re-rendered"
        )
    for group in report.duplicates:
        click.echo(f"  duplicate text, one page: {', '.join(group)}")
    for group in report.near_duplicates:
        click.echo(f"  near duplicates (same story): {', '.join(group)}")
    click.echo(
        f"converted {len(report.converted)}, unchanged {len(report.unchanged)}, "
        f"failed {len(report.failed)}, removed {len(report.removed)}"
    )
    for failure in report.failed:
        click.echo(f"  failed: {failure.seed_file}: {failure.reason}", err=True)
    if report.manifest_error:
        click.echo(
            f"error: the manifest could not be saved ({report.manifest_error}): the next run "
            "converts again what this one wrote",
            err=True,
        )


@dataclass(slots=True)
class _Stop:
    """A SIGTERM or Ctrl-C asks the run to stop; which signal, for the exit status."""

    event: threading.Event = field(default_factory=threading.Event)
    signal: int = 0


@contextmanager
def _stop_on_signals() -> Iterator[_Stop]:
    """SIGTERM or Ctrl-C stop the run between seeds: the pages converted so far are written and
    every other seed keeps its page. A second signal acts at once, as it would without us."""
    stop = _Stop()
    signals = (signal.SIGTERM, signal.SIGINT)

    def request(signum: int, frame: object) -> None:
        stop.signal = stop.signal or signum
        stop.event.set()
        signal.signal(signum, previous[signum])

    previous = {signum: signal.signal(signum, request) for signum in signals}
    try:
        yield stop
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)


@contextmanager
def _one_run_at_a_time(out_dir: Path, wait: bool) -> Iterator[None]:
    """Hold the lock on the docs directory, saying so when it waits or takes over a stale one."""

    def waiting(holder: str) -> None:
        click.echo(f"waiting for another run to finish with {out_dir} ({holder})", err=True)

    with ExitStack() as held:
        try:
            stale = held.enter_context(run_lock(out_dir, wait, waiting))
        except RunLockedError as error:
            click.echo(f"error: {error}; not waiting (--no-wait)", err=True)
            sys.exit(2)
        except OSError as error:
            click.echo(f"error: cannot take the lock on {out_dir}: {error}", err=True)
            sys.exit(1)
        if stale:
            click.echo(f"took over the lock of a run that is gone ({stale})", err=True)
        yield


def run_convert(
    seeds_dir: Path, out_dir: Path, settings: Settings, report_file: Path | None = None
) -> int:
    """Convert, print the summary (and the report); the exit status: 0, 1 when some seed
    failed, the manifest could not be saved or the machine refused the run something (a
    full disk before any page), or 128 + the signal that stopped the run."""
    try:
        with _stop_on_signals() as stop:
            report = convert_directory(
                seeds_dir, out_dir, settings, progress=_progress, stop=stop.event
            )
    except OSError as error:  # the machine's, not a seed's: a full disk, no permission
        click.echo(
            f"error: the run could not finish: {error}. Every page in {out_dir} is whole, as "
            "it was or as converted; run again once that is fixed",
            err=True,
        )
        return 1
    print_summary(report)
    status = report.exit_code
    if report_file is not None:
        try:
            write_report(report, seeds_dir, out_dir, report_file)
        except OSError as error:
            click.echo(f"error: the report could not be written: {error}", err=True)
            status = 1
    if stop.signal:
        click.echo(
            f"stopped by {signal.Signals(stop.signal).name}: the seeds not converted keep "
            "their pages; run again to finish",
            err=True,
        )
        return 128 + stop.signal
    return status


@click.group()
def main() -> None:
    """Turn raw scraped news articles into a searchable, tag-indexed static site."""


_SEEDS_ARGUMENT = click.argument(
    "seeds_dir",
    required=False,
    default=DEFAULT_SEEDS,
    type=click.Path(exists=True, file_okay=False, path_type=Path),
)
_OUT_OPTION = click.option(
    "--out",
    "out_dir",
    default=DEFAULT_DOCS,
    show_default=True,
    type=click.Path(file_okay=False, path_type=Path),
    help="Docs directory the pages go under.",
)


def _settings_options(command):  # noqa: ANN001, ANN202 - a click decorator
    """The options that become Settings, shared by `convert` and `build`."""
    options = [
        click.option(
            "--max-seed-bytes",
            default=Settings().max_seed_bytes,
            show_default=True,
            type=click.IntRange(min=1),
            help="Seeds larger than this are refused.",
        ),
        click.option(
            "--engine",
            type=click.Choice(["local", "dask"]),
            default="local",
            show_default=True,
            help="Run the NER model on this machine's cores or on a Dask cluster.",
        ),
        click.option(
            "--dask-address", default="", help="Scheduler address; default: a LocalCluster."
        ),
        click.option(
            "--workers", default=0, type=click.IntRange(min=0), help="Processes; 0: one per core."
        ),
        click.option(
            "--seed-timeout",
            default=Settings().seed_timeout,
            show_default=True,
            type=click.FloatRange(min=0, min_open=True),
            help="Seconds a seed may take in one step before it fails by name.",
        ),
        click.option(
            "--no-wait",
            is_flag=True,
            help="If another run is converting into the same docs, exit 2 instead of waiting.",
        ),
        click.option(
            "--merge-near-duplicates",
            is_flag=True,
            help="Give near-duplicate stories one page (they are always reported).",
        ),
    ]
    for option in reversed(options):
        command = option(command)
    return command


def _settings(options: dict) -> Settings:
    return Settings(
        max_seed_bytes=options["max_seed_bytes"],
        engine=options["engine"],
        dask_address=options["dask_address"],
        workers=options["workers"],
        seed_timeout=options["seed_timeout"],
        merge_near_duplicates=options["merge_near_duplicates"],
    )


_REPORT_OPTION = click.option(
    "--report",
    "report_file",
    default=None,
    type=click.Path(dir_okay=False, path_type=Path),
    help="Also write the run as JSON: every seed's outcome (page or reason) and counts.",
)

_CONFIG_OPTION = click.option(
    "--config",
    "config_file",
    default="mkdocs.yml",
    show_default=True,
    type=click.Path(exists=True, dir_okay=False),
    help="The MkDocs configuration.",
)


@main.command()
@_SEEDS_ARGUMENT
@_OUT_OPTION
@_settings_options
@_REPORT_OPTION
@click.option("--check", is_flag=True, help="Change nothing; exit 1 naming stale or missing pages.")
def convert(
    seeds_dir: Path, out_dir: Path, report_file: Path | None, check: bool, **options: object
) -> None:
    """Convert every seed in SEEDS_DIR (default: seeds/) into Markdown pages."""
    if check:
        problems = check_directory(seeds_dir, out_dir)
        for problem in problems:
            click.echo(f"stale: {problem}", err=True)
        click.echo(
            f"{len(problems)} seed(s) need converting" if problems else "all pages up to date"
        )
        sys.exit(1 if problems else 0)
    with _one_run_at_a_time(out_dir, not options["no_wait"]):
        status = run_convert(seeds_dir, out_dir, _settings(options), report_file)
    sys.exit(status)


@main.command()
@_SEEDS_ARGUMENT
@_OUT_OPTION
@_settings_options
@_REPORT_OPTION
@_CONFIG_OPTION
def build(
    seeds_dir: Path,
    out_dir: Path,
    report_file: Path | None,
    config_file: str,
    **options: object,
) -> None:
    """Convert the seeds, then build the site with `mkdocs build --strict`."""
    with _one_run_at_a_time(out_dir, not options["no_wait"]):
        status = run_convert(seeds_dir, out_dir, _settings(options), report_file)
        if status > 1:  # stopped by a signal: no build
            sys.exit(status)
        built = subprocess.run(
            [sys.executable, "-m", "mkdocs", "build", "--strict", "--config-file", config_file]
        )
    sys.exit(built.returncode or status)


@main.command()
@_CONFIG_OPTION
@click.option("--dev-addr", default="127.0.0.1:8000", show_default=True)
def serve(config_file: str, dev_addr: str) -> None:
    """Preview the site with live reload (`mkdocs serve`)."""
    sys.exit(
        subprocess.run(
            [
                sys.executable,
                "-m",
                "mkdocs",
                "serve",
                "--config-file",
                config_file,
                "--dev-addr",
                dev_addr,
            ]
        ).returncode
    )
