"""The one shape every data problem takes, so CLI, app and tests report alike."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    """A problem found in ``geodata/``, named by file, feature id and field."""

    file: str
    feature_id: str | None
    field: str | None
    message: str
    left_out: bool = False

    def sort_key(self) -> tuple[str, str, str, str]:
        """Order reports by file, then feature, then field (None sorts first)."""
        return (self.file, self.feature_id or "", self.field or "", self.message)

    def __str__(self) -> str:
        """Render as ``file: feature: field: message`` for one-line reports."""
        suffix = " (left out)" if self.left_out else ""
        return f"{self.file}: {self.feature_id or '-'}: {self.field or '-'}: {self.message}{suffix}"
