"""Data problems as a headline and plain rows, so every page can say what was left out and why.

Pure Python (no Streamlit): :func:`borderatlas.ui.glue.problems_notice` renders the result. Rows are
plain text, shown in a table widget, never as HTML.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from borderatlas.data.problems import Problem
from borderatlas.views.messages import N_, gettext, ngettext

COLUMNS = (N_("File"), N_("Feature"), N_("Field"), N_("Problem"), N_("Left out"))
MAX_ROWS = 200  # beyond this the table is cut, and the headline says how many more there are


@dataclass(frozen=True)
class DataNotice:
    """What a page shows about data problems: one headline and a table of rows."""

    headline: str
    rows: list[dict[str, str]] = field(default_factory=list)
    more: int = 0


def problem_row(problem: Problem, lang: str = "en") -> dict[str, str]:
    """One problem as a table row (file, feature id, field, message, left out?), headers in ``lang``.

    The message itself is the validator's (English, as ``borderatlas validate`` prints it).
    """
    _ = gettext(lang)
    values = (problem.file, problem.feature_id or "—", problem.field or "—", problem.message,
              _("yes") if problem.left_out else _("no (shown, flagged)"))
    return {_(c): v for c, v in zip(COLUMNS, values, strict=True)}


def data_notice(problems: Sequence[Problem], limit: int = MAX_ROWS,
                lang: str = "en") -> DataNotice | None:
    """Summarise problems for readers (left-out first); None when the data is clean."""
    if not problems:
        return None
    _, _n = gettext(lang), ngettext(lang)
    ordered = sorted(problems, key=lambda p: (not p.left_out, p.file, p.feature_id or ""))
    left = sum(1 for p in problems if p.left_out)
    flagged = len(problems) - left
    parts = []
    if left:
        parts.append(_("%(n)s left out (not shown)") % {"n": left})
    if flagged:
        parts.append(_("%(n)s flagged but still shown") % {"n": flagged})
    headline = _n("The data has %(n)s problem: %(parts)s.", "The data has %(n)s problems: %(parts)s.",
                  len(problems)) % {"n": len(problems), "parts": ", ".join(parts)}
    headline += " " + _("Everything else is shown as usual; see the list of what and why.")
    rows = [problem_row(p, lang) for p in ordered[:limit]]
    return DataNotice(headline=headline, rows=rows, more=max(0, len(ordered) - limit))


MARKDOWN_SPECIALS = frozenset("\\`*_{}[]()<>#+-.!|~:$&\"'")


def markdown_literal(text: str) -> str:
    """Backslash-escape Markdown so text from a link (or data) shows as typed, never as markup.

    ``st.warning`` renders Markdown: without this a crafted link such as
    ``?feature=[Log in](https://evil.example)`` or ``![x](https://tracker/p.png)`` would put a
    clickable link or a remote image on our page.
    """
    return "".join(f"\\{c}" if c in MARKDOWN_SPECIALS else c for c in text)
