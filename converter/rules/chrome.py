"""Page chrome (share buttons, player errors, 'read more' links) is not article text."""

from __future__ import annotations

from converter.rules.state import SeedState

# Whole lines only: a sentence that merely contains one of these words is never touched.
CHROME_LINES = frozenset(
    {
        "share",
        "share this",
        "share this article",
        "share article",
        "share this story",
        "share on facebook",
        "share on twitter",
        "share on x",
        "share on whatsapp",
        "share via email",
        "tweet",
        "email",
        "e-mail",
        "print",
        "copy link",
        "link copied",
        "loading",
        "loading...",
        "loading error",
        "error loading",
        "refresh",
        "retry",
        "try again",
        "reload",
        "advertisement",
        "advert",
        "ad",
        "sponsored",
        "skip advert",
        "skip ad",
        "read more",
        "show more",
        "see more",
        "more",
        "load more",
        "comments",
        "comment",
        "view comments",
        "play",
        "play video",
        "watch",
        "watch video",
        "replay",
        "pause",
        "mute",
        "unmute",
        "close",
        "menu",
        "subscribe",
        "sign up",
        "sign in",
        "log in",
        "login",
        "next",
        "previous",
        "back to top",
        "related",
        "related stories",
        "related articles",
        "most read",
        "top stories",
        "follow",
        "follow us",
        "listen",
        "video",
        "image",
        "getty images",
        "skip to content",
        "skip to main content",
        "cookies",
        "accept cookies",
        "accept",
        "open",
        "expand",
        "collapse",
        "more on this",
        "media playback is unsupported on your device",
        "this video can not be played",
    }
)
# Stripped with str.strip, not a `[...]+$` regex: that backtracks quadratically on a long run.
_TRAILING_MARKS = " \t.:!…»›>|•·-"
_LEADING_MARKS = " \t«‹<|•·-"


def is_chrome(text: str) -> bool:
    """True for a line that is only a UI label, whatever its case or trailing arrows/dots."""
    folded = text.casefold()
    label = folded.rstrip(_TRAILING_MARKS).lstrip(_LEADING_MARKS)
    return label in CHROME_LINES or folded in CHROME_LINES


def drop_chrome(state: SeedState) -> SeedState:
    """Remove every chrome line, wherever it sits."""
    return state.with_lines([line for line in state.lines if not is_chrome(line.text)])
