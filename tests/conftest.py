"""Shared fixtures (a tiny, valid geodata tree that single tests break in one way each) and markers by folder."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from mini_geodata import mini_geodata_files, write_geodata


@pytest.fixture
def mini_files() -> dict[str, Any]:
    """A fresh copy of the mini atlas, to be broken in one way by a test."""
    return mini_geodata_files()


@pytest.fixture
def make_geodata(tmp_path: Path) -> Callable[[dict[str, Any]], Path]:
    """Write a geodata tree into a temp dir and return its root."""
    return lambda files: write_geodata(tmp_path / "geodata", files)


MARKERS = {"app": "app", "e2e": "e2e", "tools": "tools", "build": "build"}


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark each test by the folder it lives in (``-m "not e2e"`` runs without a browser)."""
    for item in items:
        folder = Path(str(item.fspath)).parent.name
        if folder in MARKERS:
            item.add_marker(MARKERS[folder])
