"""The named errors of the public API, in the base layer so every layer can raise them.

Each is a :class:`BorderAtlasError` and also the built-in exception a caller would expect
(``KeyError``, ``ValueError`` or ``TypeError``). ``InvalidDataError`` (bad data trees) lives in
:mod:`borderatlas.api`, the only place that raises it.
"""

from __future__ import annotations


class BorderAtlasError(Exception):
    """Base class of every error the API raises for bad data or bad input."""


class UnknownIdError(BorderAtlasError, KeyError):
    """An id (or a name from a fixed list) that the data does not know."""

    def __str__(self) -> str:
        """Show the message without KeyError's quotes."""
        return str(self.args[0])


class BadDateError(BorderAtlasError, ValueError):
    """A date that does not parse, or a range whose start is after its end."""


class DateOutOfRangeError(BadDateError):
    """A date outside the span the data covers (its first record .. today)."""


class WrongTypeError(BorderAtlasError, TypeError):
    """An argument of a type the API does not accept."""
