"""Precise errors for one seed; the batch turns each into a reported failure and goes on."""


class SeedError(Exception):
    """A seed that cannot become a page; the message is the reason shown to the user."""


class SeedTooLargeError(SeedError):
    """The seed is over the configured size limit."""


class NotTextError(SeedError):
    """The seed is binary (an image, a PDF, ...), not article text."""


class SeedDecodeError(SeedError):
    """No text encoding decodes the seed cleanly."""


class NoArticleTextError(SeedError):
    """After removing page chrome nothing of an article is left."""


class SeedTimeoutError(SeedError):
    """A step of the seed ran past the per-seed time limit (`--seed-timeout`)."""
