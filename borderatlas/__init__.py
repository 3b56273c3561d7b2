"""Border Atlas: the former Sino-Soviet border and its negotiation, as sourced data and an app.

The public API is re-exported here and loaded on first use, so ``import borderatlas`` stays
cheap (no pandas, Streamlit or folium until asked for)::

    import borderatlas
    atlas = borderatlas.open()
    atlas.line_at("1995-06-01")
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

__version__ = "0.2.0"  # the one version source: pyproject reads it, CITATION.cff is tested against it

# public name -> module that defines it
_PUBLIC = {
    "open": "borderatlas.api",
    "BorderAtlas": "borderatlas.api",
    "InvalidDataError": "borderatlas.api",
    "BorderAtlasError": "borderatlas.errors",
    "UnknownIdError": "borderatlas.errors",
    "BadDateError": "borderatlas.errors",
    "DateOutOfRangeError": "borderatlas.errors",
    "WrongTypeError": "borderatlas.errors",
}
__all__ = [
    "BadDateError",
    "BorderAtlas",
    "BorderAtlasError",
    "DateOutOfRangeError",
    "InvalidDataError",
    "UnknownIdError",
    "WrongTypeError",
    "__version__",
    "open",
]

if TYPE_CHECKING:
    from borderatlas.api import BorderAtlas, InvalidDataError, open
    from borderatlas.errors import (
        BadDateError,
        BorderAtlasError,
        DateOutOfRangeError,
        UnknownIdError,
        WrongTypeError,
    )


def __getattr__(name: str) -> Any:
    """Import a public name's module on first use."""
    module = _PUBLIC.get(name)
    if module is None:
        raise AttributeError(f"module 'borderatlas' has no attribute {name!r}")
    return getattr(importlib.import_module(module), name)


def __dir__() -> list[str]:
    """List the public names with the module's own."""
    return sorted({*globals(), *_PUBLIC})
