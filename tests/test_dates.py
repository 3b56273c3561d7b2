"""Dates for readers: the same ISO date and precision, written as each language writes it."""

import pytest

from borderatlas.dates import format_when, when_label


@pytest.mark.parametrize(("lang", "day", "month", "year"), [
    ("en", "16 May 1991", "May 1991", "1991"),
    ("ru", "16 мая 1991 г.", "май 1991 г.", "1991 г."),
    ("zh", "1991年5月16日", "1991年5月", "1991年"),
])
def test_each_precision_in_each_language(lang, day, month, year):
    assert format_when("1991-05-16", lang) == day
    assert format_when("1991-05", lang) == month
    assert format_when("1991", lang) == year
    assert format_when("1991-05-16", lang, "month") == month  # an event's date_precision wins


def test_compare_labels_use_the_language_and_keep_version_labels():
    assert when_label("1995-03-01", lang="ru") == "1 марта 1995 г."
    assert when_label("2001", {"2001": "2001 treaty"}, "zh") == "2001 treaty"
    assert format_when("not a date", "zh") == "not a date"
