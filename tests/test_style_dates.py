"""The shared calendar-value helpers (geowire.dates): what the store, the exports and the event stage read
from a TIMEX3 value, without reaching into the time stage."""

import ast
import datetime as dt
from pathlib import Path

from geowire.dates import add_months, day_span, span_of_value, value_holding

SRC = Path(__file__).resolve().parents[1] / "src" / "geowire"


def test_value_holding_a_day():
    sunday = dt.date(2024, 12, 29)       # ISO week 2024-W52; the next day opens 2025-W01
    assert value_holding(sunday, "week") == "2024-W52"
    assert value_holding(sunday, "weekend") == "2024-W52-WE"
    assert value_holding(dt.date(2024, 12, 30), "week") == "2025-W01"
    assert value_holding(sunday, "month") == "2024-12"
    assert value_holding(sunday, "day") == "2024-12-29"
    for grain in ("week", "weekend", "month", "day"):
        first, last = span_of_value(value_holding(sunday, grain))
        assert first <= sunday <= last


def test_month_arithmetic_keeps_inside_the_month():
    assert add_months(dt.date(2024, 1, 31), 1) == dt.date(2024, 2, 29)
    assert add_months(dt.date(2024, 3, 31), -13) == dt.date(2023, 2, 28)
    assert add_months(dt.date(9998, 6, 11), 18) == dt.date(9999, 12, 11)   # the hand-written one raised here


def test_spans_of_values():
    assert day_span("2024-WI") == ("2024-12-01", "2025-02-28")
    assert day_span("2024-H1") == ("2024-01-01", "2024-06-30")
    assert day_span("9999-12") is None          # its end is past the calendar datetime knows
    assert day_span("XXXX-03") is None


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return {node.module for node in ast.walk(tree) if isinstance(node, ast.ImportFrom) and node.module}


def test_only_the_time_stage_imports_its_calendar():
    """Arrows point down: outside timex/, nothing imports geowire.timex (the store, exports and other stages
    read values through geowire.dates)."""
    borrowers = sorted(str(path.relative_to(SRC)) for path in SRC.rglob("*.py")
                       if "timex" not in path.relative_to(SRC).parts[:1]
                       and any(m.startswith("geowire.timex") for m in _imports(path)))
    assert borrowers == []
