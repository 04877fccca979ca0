"""Embedded-video blocks: caption, a mm:ss duration, a description (often twice), a credit."""

from __future__ import annotations

import re

from converter.model import Video
from converter.rules.source_credit import credit_on_line
from converter.rules.state import Line, SeedState

DURATION = re.compile(r"^\(?(\d{1,2}:\d{2}(?::\d{2})?)\)?$")


def lift_video_blocks(state: SeedState) -> SeedState:
    """Move each video block out of the body into `media`, keeping every field it had."""
    lines = list(state.lines)
    media = list(state.media)
    kept: list[Line] = []
    index = 0
    while index < len(lines):
        following = lines[index + 1] if index + 1 < len(lines) else None
        if (
            following is not None
            and DURATION.match(following.text)
            and _is_caption(lines[index], following)
        ):
            video, used = _read_block(lines, index)
            media.append(video)
            index += used
            continue
        if DURATION.match(lines[index].text):
            video, used = _read_block(lines, index, has_caption=False)
            media.append(video)
            index += used
            continue
        kept.append(lines[index])
        index += 1
    return state.with_lines(kept, media=tuple(media))


def _read_block(lines: list[Line], start: int, has_caption: bool = True) -> tuple[Video, int]:
    """Read caption?, duration, description, repeated description?, `Source: X`? from `start`."""
    position = start
    caption = ""
    if has_caption:
        caption = lines[position].text
        position += 1
    match = DURATION.match(lines[position].text)
    duration = match.group(1) if match else ""
    position += 1
    description = ""
    if (
        position < len(lines)
        and credit_on_line(lines[position].text) is None
        and (_same_block(lines, start, position) or _is_repeated(lines, position))
    ):
        description = lines[position].text
        position += 1
        if position < len(lines) and lines[position].text == description:
            position += 1
    source = ""
    if position < len(lines):
        credit = credit_on_line(lines[position].text)
        if credit:
            source = credit
            position += 1
    return Video(
        caption=caption, duration=duration, description=description, source=source
    ), position - start


def _is_caption(line: Line, duration: Line) -> bool:
    """A caption sits right above the duration, in its block, or reads as a headline."""
    if DURATION.match(line.text):
        return False
    return line.group == duration.group or not line.text.endswith((".", "!", "?", ";", ","))


def _same_block(lines: list[Line], start: int, position: int) -> bool:
    return lines[position].group == lines[start].group


def _is_repeated(lines: list[Line], position: int) -> bool:
    return position + 1 < len(lines) and lines[position + 1].text == lines[position].text
