"""A run as machine-readable JSON (`archive convert --report report.json`): every seed file with
its outcome, the pages touched, and counts; the same run always gives the same bytes."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from converter.batch import RunReport
from converter.manifest import load_manifest
from converter.scan import list_seed_files, seed_name
from converter.write import write_if_changed

NO_PAGE = "no page was made and no failure was reported"


def report_document(report: RunReport, seeds_dir: Path, out_dir: Path) -> dict[str, Any]:
    """Per seed: `converted` or `unchanged` with its page, or `failed` with the reason (and the
    page it keeps from an earlier run, if any). Pages come from the manifest the run wrote."""
    manifest = load_manifest(out_dir)
    records = manifest.seeds if manifest else {}
    failures = {failure.seed_file: failure.reason for failure in report.failed}
    converted = set(report.converted)
    seeds = []
    listed = set()
    for path in list_seed_files(seeds_dir):
        file = path.relative_to(seeds_dir).as_posix()
        name = seed_name(path, seeds_dir)
        listed |= {file, name}
        record = records.get(name)
        entry: dict[str, Any] = {"file": _escaped(file)}
        reason = failures.get(file, failures.get(name))
        if reason is not None:
            entry |= {"outcome": "failed", "reason": _escaped(reason)}
        elif record is None:
            entry |= {"outcome": "failed", "reason": NO_PAGE}
        else:
            entry["outcome"] = "converted" if record.page in converted else "unchanged"
        if record is not None:
            entry["page"] = record.page
            if record.duplicate_of:
                entry["duplicate_of"] = _escaped(record.duplicate_of)
        seeds.append(entry)
    # A failure for a file the listing no longer shows (deleted mid-run) is still reported.
    seeds += [
        {"file": _escaped(file), "outcome": "failed", "reason": _escaped(reason)}
        for file, reason in sorted(failures.items())
        if file not in listed
    ]
    counts = {"seeds": len(seeds)} | {
        outcome: sum(1 for entry in seeds if entry["outcome"] == outcome)
        for outcome in ("converted", "unchanged", "failed")
    }
    document = {
        "counts": counts,
        "seeds": seeds,
        "pages": {
            "converted": sorted(report.converted),
            "unchanged": sorted(report.unchanged),
            "removed": sorted(report.removed),
        },
        "duplicates": [[_escaped(seed) for seed in group] for group in report.duplicates],
    }
    if report.manifest_error:  # the pages named are the last saved manifest's
        document["manifest_error"] = report.manifest_error
    return document


def dump_report(document: dict[str, Any]) -> str:
    return json.dumps(document, indent=1, sort_keys=True, ensure_ascii=False) + "\n"


def write_report(report: RunReport, seeds_dir: Path, out_dir: Path, path: Path) -> None:
    write_if_changed(path, dump_report(report_document(report, seeds_dir, out_dir)))


def _escaped(name: str) -> str:
    """A name with undecodable bytes (held as lone surrogates) escaped, so the JSON is UTF-8."""
    return name.encode("utf-8", errors="backslashreplace").decode("utf-8")
