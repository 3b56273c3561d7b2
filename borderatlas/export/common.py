"""What every exporter shares: JSON-ready values, deterministic JSON bytes, the atlas argument."""

from __future__ import annotations

import json
import math
from collections.abc import Mapping
from typing import Any

import pandas as pd

from borderatlas.data.loader import Atlas
from borderatlas.errors import WrongTypeError

AtlasLike = object
"""What exporters accept: ``borderatlas.open()``'s BorderAtlas or a loaded ``data.loader.Atlas``."""


def plain(value: Any) -> Any:
    """pandas/numpy values as JSON-ready Python ones (NaN, NA and NaT mean missing)."""
    if value is None:
        return None
    if isinstance(value, float):
        return None if math.isnan(value) else value
    if isinstance(value, Mapping):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [plain(v) for v in value]
    if hasattr(value, "tolist"):  # numpy scalars and arrays
        return plain(value.tolist())
    if value is pd.NA or value is pd.NaT:
        return None
    return value


def json_bytes(obj: Any) -> bytes:
    """Compact, key-sorted UTF-8 JSON ending in a newline: the same data gives the same bytes."""
    text = json.dumps(obj, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return (text + "\n").encode("utf-8")


def as_atlas(atlas: AtlasLike) -> Atlas:
    """The loaded data behind ``borderatlas.open()``'s object (its ``.data``) or a raw Atlas."""
    data = getattr(atlas, "data", atlas)
    if isinstance(data, Atlas):
        return data
    raise WrongTypeError(
        f"atlas must come from borderatlas.open(); got {type(atlas).__name__}"
    )
