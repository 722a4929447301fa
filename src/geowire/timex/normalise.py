"""Turn a matched time expression into a TIMEX3 type, value and mod: one reader per rule of
:mod:`geowire.timex.patterns`, gathered here from the modules that hold them (``dates``, ``clock``,
``relative``, ``periods``, ``durations``; what they share is in ``reading``).

Deictic expressions ("yesterday", "last week", "Friday") are resolved against the publication date;
narrative ones ("the next day", "two weeks later") against the last point in time the text mentioned.
Without a publication date a deictic expression gets no value and ``anchored=False``; calendar
expressions missing their year keep an ``X``.
"""

from __future__ import annotations

from geowire.timex.clock import (
    read_clock,
    read_clock24,
    read_clock_part,
    read_early_hours,
    read_noon,
    read_overnight,
    read_part_of_day,
)
from geowire.timex.dates import (
    read_century,
    read_decade,
    read_decade_word,
    read_deictic,
    read_holiday,
    read_iso_date,
    read_month,
    read_month_day,
    read_month_relative_year,
    read_month_year,
    read_nth_weekday,
    read_ordinal_day,
    read_slash_date,
    read_week_of,
    read_weekday,
    read_year,
    read_year_words,
)
from geowire.timex.durations import (
    read_bare_units,
    read_duration,
    read_reference,
    read_set_adverb,
    read_set_every,
    read_set_frequency,
    read_set_weekdays,
)
from geowire.timex.periods import (
    read_fiscal_year,
    read_period_ended,
    read_quarter,
    read_quarter_code,
    read_season,
    read_two_quarters,
    read_whole_year,
    read_year_end,
)
from geowire.timex.reading import Context, Reader, Reading
from geowire.timex.relative import (
    read_ago,
    read_compound_ago,
    read_day_around,
    read_day_around_date,
    read_edge_of_period,
    read_relative_unit,
    read_the_period,
    read_the_weekend,
)

__all__ = ["READERS", "Context", "Reading"]

READERS: dict[str, Reader] = {
    "date_mdy": read_month_day, "date_dmy": read_month_day, "week_of": read_week_of,
    "two_quarters": read_two_quarters, "nth_weekday": read_nth_weekday, "ordinal_day": read_ordinal_day,
    "date_iso": read_iso_date,
    "date_slash": read_slash_date, "month_year": read_month_year, "month": read_month,
    "month_relative_year": read_month_relative_year, "compound_ago": read_compound_ago,
    "weekday": read_weekday, "clock": read_clock, "clock24": read_clock24, "clock_part": read_clock_part,
    "noon": read_noon,
    "decade": read_decade, "decade_word": read_decade_word, "century": read_century,
    "quarter": read_quarter, "quarter_code": read_quarter_code, "fiscal_year": read_fiscal_year,
    "season": read_season, "relative_unit": read_relative_unit, "edge_of_period": read_edge_of_period,
    "year_end": read_year_end, "deictic": read_deictic, "reference": read_reference, "ago": read_ago,
    "day_around": read_day_around, "day_around_date": read_day_around_date,
    "early_hours": read_early_hours, "overnight": read_overnight, "part_of_day": read_part_of_day,
    "duration": read_duration, "bare_units": read_bare_units,
    "set_every": read_set_every, "set_adverb": read_set_adverb, "set_frequency": read_set_frequency,
    "set_weekdays": read_set_weekdays, "holiday": read_holiday, "year": read_year,
    "year_words": read_year_words, "the_period": read_the_period, "the_weekend": read_the_weekend,
    "whole_year": read_whole_year, "period_ended": read_period_ended,
}
