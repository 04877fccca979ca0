"""Pages read and rendered by a forked child on the second core while MkDocs does the rest.

MkDocs reads and renders every page in one process. Once the nav is built (every page has its
Page), the plugin forks a child that reads and renders a share of the pages outside the nav with
MkDocs' own page functions (the same plugins' events, templates and context: the same bytes),
while the parent's `SplitFiles` hides that share from MkDocs' loops. The share (`split_pages`):
the archive's generated pages, and articles up to half of the pages when nothing but the archive
plugin sees the pages (another plugin, Material's search say, would miss what the child reads).
The child sends what the parent needs of its pages once they are read (the plugin's payload:
their search documents; their anchors, for the parent to check links to them) and, once they
are written, the plugin's second payload (the icons and scripts they share). Its warnings and
errors are logged by the parent, so `--strict` counts them, and a child that fails or dies
fails the build. Before the nav exists, `on_both_cores` has a child read half of the articles'
headers.
"""

from __future__ import annotations

import logging
import multiprocessing
import sys
import threading
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from multiprocessing.connection import Connection
from typing import TypeVar

from mkdocs.commands.build import _build_page, _populate_page
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from converter.engines import exit_reason

T = TypeVar("T")
R = TypeVar("R")
# The child's share of the pages it may take: entry pages cost about what an article costs
# (read and rendered), and the parent has the rest of the build besides.
CHILD_SHARE = 0.5
# on_both_cores forks for at least this many items a process: below, the fork costs more.
HALF_AT_LEAST = 500


class ForkedPagesError(RuntimeError):
    """The child reading and rendering a share of the pages failed or died."""


class SplitFiles(Files):
    """The site's files, of which MkDocs' page loops see only the pages this process renders."""

    def __init__(self, files: Iterable[File]) -> None:
        super().__init__(files)
        self.elsewhere: frozenset[str] = frozenset()

    def documentation_pages(
        self, *, inclusion: Callable[[InclusionLevel], bool] = InclusionLevel.is_included
    ) -> Sequence[File]:
        pages = super().documentation_pages(inclusion=inclusion)
        if not self.elsewhere:
            return pages
        return [file for file in pages if file.src_uri not in self.elsewhere]

    def every_documentation_page(self) -> Sequence[File]:
        """The pages of both processes (the sitemap lists them all)."""
        return super().documentation_pages()


def split_pages(
    files: Files, nav: Navigation, generated: Iterable[str], *, articles_too: bool
) -> list[Page]:
    """The child's share: the generated pages outside the nav and, if `articles_too`, the last
    pages outside the nav until it holds CHILD_SHARE of them. Drafts stay with MkDocs."""
    in_nav = {id(page) for page in nav.pages}
    outside = [
        file.page
        for file in files.documentation_pages()
        if file.page is not None and id(file.page) not in in_nav
    ]
    made = set(generated)
    share = [page for page in outside if page.file.src_uri in made]
    if articles_too:
        others = [page for page in outside if page.file.src_uri not in made]
        wanted = max(0, round(CHILD_SHARE * len(outside)) - len(share))
        share = others[len(others) - min(wanted, len(others)) :] + share
    return share


@dataclass(frozen=True, slots=True)
class LogLine:
    """A warning or error the child logged, for the parent to log."""

    logger: str
    level: int
    message: str


@dataclass(frozen=True, slots=True)
class Anchors:
    """What the parent needs to check links into and out of a page the child read."""

    present: frozenset[str] | None
    links: Mapping[str, Mapping[str, str]]  # target page's src_uri -> anchor -> link as written


@dataclass(frozen=True, slots=True)
class Message:
    """A report of the child, once its pages are read (with their anchors), then once they are
    written, or the error that stopped it; with what it logged since its last report."""

    payload: object
    logged: tuple[LogLine, ...]
    anchors: Mapping[str, Anchors] | None = None
    error: str | None = None


class _Forwarded(logging.Filter):
    """In the child: warnings and errors kept for the parent, not printed here."""

    def __init__(self) -> None:
        super().__init__()
        self.lines: list[LogLine] = []
        self._last: logging.LogRecord | None = None

    def filter(self, record: logging.LogRecord) -> bool:
        if record.levelno < logging.WARNING:
            return True
        if record is not self._last:  # one record passes every handler in turn
            self._last = record
            self.lines.append(LogLine(record.name, record.levelno, record.getMessage()))
        return False

    def take(self) -> tuple[LogLine, ...]:
        lines, self.lines = tuple(self.lines), []
        return lines


def _forward_warnings() -> _Forwarded:
    """Route the child's warnings to the parent: every handler MkDocs' records reach drops them,
    and one handler is always there (else Python's last resort would print them)."""
    forwarded = _Forwarded()
    mkdocs_logger = logging.getLogger("mkdocs")
    catch = logging.NullHandler()
    mkdocs_logger.addHandler(catch)
    for handler in [*mkdocs_logger.handlers, *logging.getLogger().handlers]:
        handler.addFilter(forwarded)
    return forwarded


def _anchors(page: Page) -> Anchors:
    return Anchors(
        frozenset(page.present_anchor_ids) if page.present_anchor_ids is not None else None,
        {target.src_uri: dict(links) for target, links in (page.links_to_anchors or {}).items()},
    )


def _render(
    pages: Sequence[Page],
    files: SplitFiles,
    config: MkDocsConfig,
    nav: Navigation,
    start: Callable[[], None],
    read: Callable[[], object],
    written: Callable[[], object],
    channel: Connection,
) -> None:
    """The child: read its pages, report, render them as MkDocs would, report."""
    forwarded = _forward_warnings()
    start()
    sending: threading.Thread | None = None
    try:
        for page in pages:
            _populate_page(page, config, files)
        report = Message(
            read(),
            forwarded.take(),
            anchors={page.file.src_uri: _anchors(page) for page in pages},
        )
        # Sent beside the rendering: the parent reads it only when its own pages are read.
        sending = threading.Thread(target=channel.send, args=(report,))
        sending.start()
        env = config.plugins.on_env(config.theme.get_env(), config=config, files=files)
        every_page = files.every_documentation_page()
        for page in pages:
            _build_page(page, config, every_page, nav, env)
        sending.join()
        channel.send(Message(written(), forwarded.take()))
    except Exception as error:  # any failure is the parent's to report: the build must stop
        if sending is not None:
            sending.join()
        channel.send(Message(None, forwarded.take(), error=str(error)))
        sys.exit(1)


class Child:
    """A forked child working beside MkDocs, seen from the parent: its reports, in turn. It
    holds the only writer of the pipe, so its death ends the parent's reads."""

    def __init__(self, doing: str, target: Callable[..., None], *args: object) -> None:
        receiving, sending = multiprocessing.Pipe(duplex=False)
        self._doing = doing
        self._process = multiprocessing.get_context("fork").Process(
            target=target, args=(*args, sending), daemon=True
        )
        self._process.start()
        sending.close()
        self._channel = receiving

    def receive(self) -> Message:
        """The child's next report, its lines logged here; its error or death raised."""
        try:
            message: Message = self._channel.recv()
        except EOFError:
            self._process.join()
            raise ForkedPagesError(
                f"the process {self._doing} beside MkDocs died ({exit_reason(self._process)})"
            ) from None
        for line in message.logged:
            logging.getLogger(line.logger).log(line.level, line.message)
        if message.error is not None:
            self._process.join()
            raise ForkedPagesError(
                f"the process {self._doing} beside MkDocs failed: {message.error}"
            )
        return message

    def finish(self) -> object:
        """Wait for the child's last report and its end: the payload it sent."""
        message = self.receive()
        self._process.join()
        return message.payload

    def cancel(self) -> None:
        self._process.kill()
        self._process.join()


def on_both_cores(
    work: Callable[[T], R], items: Sequence[T], *, at_least: int = HALF_AT_LEAST
) -> list[R]:
    """`[work(item) for item in items]`, the second half worked out by a forked child meanwhile
    (the articles' headers, before the pages exist); `work`'s results must pickle."""
    half = len(items) // 2
    if half < at_least:
        return [work(item) for item in items]
    child = Child("reading pages", _work_through, work, items[half:])
    try:
        first = [work(item) for item in items[:half]]
    except BaseException:
        child.cancel()  # it would wait on the pipe for ever under `mkdocs serve`
        raise
    second: list[R] = child.finish()  # type: ignore[assignment]
    return first + second


def _work_through(work: Callable[[T], R], items: Sequence[T], channel: Connection) -> None:
    try:
        channel.send(Message([work(item) for item in items], ()))
    except Exception as error:  # the parent's to report
        channel.send(Message(None, (), error=str(error)))
        sys.exit(1)


def fork_pages(
    pages: Sequence[Page],
    files: SplitFiles,
    config: MkDocsConfig,
    nav: Navigation,
    *,
    start: Callable[[], None],
    read: Callable[[], object],
    written: Callable[[], object],
) -> Child:
    """Fork the child for `pages` and hide them from this process's loops. In the child `start`
    runs first, `read` gives what it sends once its pages are read, `written` once written."""
    child = Child("rendering pages", _render, pages, files, config, nav, start, read, written)
    files.elsewhere = frozenset(page.file.src_uri for page in pages)
    return child


def take_read(message: Message, files: Files, config: MkDocsConfig) -> None:
    """Give the parent's Pages of the child's pages their anchors, and check the links to
    anchors they hold (the parent's pages are read: every target is known now)."""
    pages = []
    for src_uri, anchors in (message.anchors or {}).items():
        file = files.get_file_from_path(src_uri)
        if file is None or file.page is None:
            continue
        file.page.present_anchor_ids = set(anchors.present) if anchors.present is not None else None
        file.page.links_to_anchors = {
            target: dict(links)
            for target_uri, links in anchors.links.items()
            if (target := files.get_file_from_path(target_uri)) is not None
        }
        pages.append(file.page)
    for page in pages:  # once every page has its anchors
        page.validate_anchor_links(files=files, log_level=config.validation.links.anchors)
