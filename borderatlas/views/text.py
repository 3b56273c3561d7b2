"""Escaping for HTML built from data: every data string passes through here before markup."""

from __future__ import annotations

import html
from typing import Any


def esc(value: Any) -> str:
    """HTML-escape any data value (None -> empty string)."""
    if value is None or (isinstance(value, float) and value != value):
        return ""
    return html.escape(str(value), quote=True)
