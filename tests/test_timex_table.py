"""Table-driven checks of TIMEX3 recognition and normalisation.

Each row: a sentence, the publication date, the expression expected in it (its exact
extent), and the TIMEX3 type, value and mod it should get. Values follow TimeML:
weekdays in news default to the past, "next"/"will" point forward, "late 2017" is
2017 with mod END, decades are three digits, durations are ISO 8601 periods.
"""

from __future__ import annotations

import pytest

from geowire.timex.recognise import extract_times

FRI = "1998-08-07"   # a Friday, ISO week 32
WSJ = "1989-10-26"   # a Thursday in the fourth quarter
JAN = "1990-01-15"

ROWS = [
    # explicit calendar dates
    ("The attack happened on August 7, 1998.", FRI, "August 7, 1998", "DATE", "1998-08-07", None),
    ("It was signed on Aug. 7, 1998, in Nairobi.", FRI, "Aug. 7, 1998", "DATE", "1998-08-07", None),
    ("Talks began on 7 August 1998 in Geneva.", FRI, "7 August 1998", "DATE", "1998-08-07", None),
    ("He arrived on the 5th of August 1998.", FRI, "the 5th of August 1998", "DATE", "1998-08-05", None),
    ("Elections were held on March 5, 1946.", FRI, "March 5, 1946", "DATE", "1946-03-05", None),
    ("The report is dated 1998-08-05.", FRI, "1998-08-05", "DATE", "1998-08-05", None),
    ("The memo was dated 08/05/1998.", FRI, "08/05/1998", "DATE", "1998-08-05", None),
    ("The memo was dated 25/12/1997.", FRI, "25/12/1997", "DATE", "1997-12-25", None),
    ("It happened in July 1997.", FRI, "July 1997", "DATE", "1997-07", None),
    ("The strike started in March of 1990.", FRI, "March of 1990", "DATE", "1990-03", None),
    ("The verdict came Friday, Oct. 23, 1998.", FRI, "Friday, Oct. 23, 1998", "DATE", "1998-10-23", None),
    ("The deal is due to close on Sept. 30.", FRI, "Sept. 30", "DATE", "1998-09-30", None),
    ("The dividend is payable Jan. 2 to holders.", "1989-11-02", "Jan. 2", "DATE", "1990-01-02", None),
    ("Rebels seized the town on July 20.", FRI, "July 20", "DATE", "1998-07-20", None),
    ("The ceasefire was signed on Dec. 20.", FRI, "Dec. 20", "DATE", "1997-12-20", None),
    ("The summit will open on Dec. 20.", FRI, "Dec. 20", "DATE", "1998-12-20", None),
    ("Voting ends June 30, 1990, officials said.", FRI, "June 30, 1990", "DATE", "1990-06-30", None),
    ("In January this year, police raided the office.", FRI, "January this year", "DATE", "1998-01", None),
    ("But in June last year, the leadership split.", FRI, "June last year", "DATE", "1997-06", None),
    # months and seasons without a year
    ("Sales in January rose sharply.", FRI, "January", "DATE", "1998-01", None),
    ("The summit will be held in December.", FRI, "December", "DATE", "1998-12", None),
    ("He resigned in May after the scandal.", FRI, "May", "DATE", "1998-05", None),
    ("The vote was held in November amid protests.", FRI, "November", "DATE", "1997-11", None),
    ("Loans were extended through January.", "1989-10-30", "January", "DATE", "1990-01", None),
    ("The offensive resumed in early September.", FRI, "early September", "DATE", "1998-09", "START"),
    ("Fighting flared in late July.", FRI, "late July", "DATE", "1998-07", "END"),
    ("The talks stalled in mid-July.", FRI, "mid-July", "DATE", "1998-07", "MID"),
    ("Crops failed last February.", FRI, "last February", "DATE", "1998-02", None),
    ("Observers will return next March.", FRI, "next March", "DATE", "1999-03", None),
    ("Tourism grew this summer.", FRI, "this summer", "DATE", "1998-SU", None),
    ("Snow closed the pass last winter.", FRI, "last winter", "DATE", "1997-WI", None),
    ("The road will reopen next spring.", FRI, "next spring", "DATE", "1999-SP", None),
    ("Prices peaked in the summer of 1995.", FRI, "the summer of 1995", "DATE", "1995-SU", None),
    ("Talks collapsed in the fall.", FRI, "the fall", "DATE", "1997-FA", None),
    ("The offensive began in the spring of 1991.", FRI, "the spring of 1991", "DATE", "1991-SP", None),
    # weekdays and deictic days
    ("Suspected bombs exploded Friday, killing dozens.", FRI, "Friday", "DATE", "1998-08-07", None),
    ("Police arrested him Wednesday in Mombasa.", FRI, "Wednesday", "DATE", "1998-08-05", None),
    ("The minister met rebel leaders on Monday.", FRI, "Monday", "DATE", "1998-08-03", None),
    ("The minister will visit Kenya on Tuesday.", FRI, "Tuesday", "DATE", "1998-08-11", None),
    ("The talks will resume on Monday.", FRI, "Monday", "DATE", "1998-08-10", None),
    ("Last Friday, the rebels withdrew.", FRI, "Last Friday", "DATE", "1998-07-31", None),
    ("The ceasefire starts next Monday.", FRI, "next Monday", "DATE", "1998-08-10", None),
    ("Voters go to the polls this coming Sunday.", FRI, "this coming Sunday", "DATE", "1998-08-09", None),
    ("Protesters gathered on Sunday morning.", FRI, "Sunday morning", "TIME", "1998-08-02TMO", None),
    ("The meeting ended late Thursday.", FRI, "late Thursday", "DATE", "1998-08-06", "END"),
    ("Shots were fired Tuesday night near the border.", FRI, "Tuesday night", "TIME", "1998-08-04TNI", None),
    ("A car bomb exploded yesterday in the capital.", FRI, "yesterday", "DATE", "1998-08-06", None),
    ("The president spoke today in parliament.", FRI, "today", "DATE", "1998-08-07", None),
    ("The talks will resume tomorrow.", FRI, "tomorrow", "DATE", "1998-08-08", None),
    ("Shelling resumed tonight in the north.", FRI, "tonight", "TIME", "1998-08-07TNI", None),
    ("Officials met this morning in Nairobi.", FRI, "this morning", "TIME", "1998-08-07TMO", None),
    ("Gunfire was heard last night.", FRI, "last night", "TIME", "1998-08-06TNI", None),
    ("Rescuers dug through the rubble yesterday morning.", FRI, "yesterday morning", "TIME", "1998-08-06TMO",
     None),
    ("The army crossed the river the day before yesterday.", FRI, "the day before yesterday", "DATE",
     "1998-08-05", None),
    ("Rioting spread over the weekend.", FRI, "the weekend", "DATE", "1998-W31-WE", None),
    ("Rallies are planned this weekend.", FRI, "this weekend", "DATE", "1998-W32-WE", None),
    # weeks, months, years relative to the publication date
    ("Prices fell last week in Nairobi.", FRI, "last week", "DATE", "1998-W31", None),
    ("Prices rose this week.", FRI, "this week", "DATE", "1998-W32", None),
    ("Talks continue next week in Geneva.", FRI, "next week", "DATE", "1998-W33", None),
    ("Exports fell last month.", FRI, "last month", "DATE", "1998-07", None),
    ("The law takes effect next month.", FRI, "next month", "DATE", "1998-09", None),
    ("Inflation slowed this month.", FRI, "this month", "DATE", "1998-08", None),
    ("Growth slowed last year.", FRI, "last year", "DATE", "1997", None),
    ("Elections are due next year.", FRI, "next year", "DATE", "1999", None),
    ("This year, exports grew.", FRI, "This year", "DATE", "1998", None),
    ("The project will end early next year.", FRI, "early next year", "DATE", "1999", "START"),
    ("The plant closed late last year.", FRI, "late last year", "DATE", "1997", "END"),
    ("The company was founded earlier this year.", FRI, "earlier this year", "DATE", "1998", "START"),
    ("A decision is expected later this month.", FRI, "later this month", "DATE", "1998-08", "END"),
    ("The deal should close by year-end.", FRI, "year-end", "DATE", "1998", "END"),
    ("Troops will leave by the end of the year.", FRI, "the end of the year", "DATE", "1998", "END"),
    ("The crisis deepened in this century.", FRI, "this century", "DATE", "19", None),
    ("The rebels were routed two years ago.", FRI, "two years ago", "DATE", "1996", None),
    ("The dam was built five months ago.", FRI, "five months ago", "DATE", "1998-03", None),
    ("The war ended 10 years ago.", FRI, "10 years ago", "DATE", "1988", None),
    ("The army advanced two days ago.", FRI, "two days ago", "DATE", "1998-08-05", None),
    ("The embassy reopened three weeks ago.", FRI, "three weeks ago", "DATE", "1998-W29", None),
    ("The group formed about two years ago.", FRI, "two years ago", "DATE", "1996", "APPROX"),
    ("The group formed a decade ago.", FRI, "a decade ago", "DATE", "1988", None),
    ("Talks are due to resume two weeks from now.", FRI, "two weeks from now", "DATE", "1998-W34", None),
    # absolute years, decades, centuries
    ("Violence rose in late 2017.", FRI, "late 2017", "DATE", "2017", "END"),
    ("Troops will withdraw by the end of 2018.", FRI, "the end of 2018", "DATE", "2018", "END"),
    ("Production peaked in mid-1996.", FRI, "mid-1996", "DATE", "1996", "MID"),
    ("The regime collapsed in early 1991.", FRI, "early 1991", "DATE", "1991", "START"),
    ("Since 2013, the group has grown.", FRI, "2013", "DATE", "2013", None),
    ("In 1990, Iraq invaded Kuwait.", FRI, "1990", "DATE", "1990", None),
    ("Sales rose in the 1990s.", FRI, "the 1990s", "DATE", "199", None),
    ("The movement began in the 1960s.", FRI, "the 1960s", "DATE", "196", None),
    ("In the late 1980s, the clinics closed.", FRI, "the late 1980s", "DATE", "198", "END"),
    ("Rents doubled in the mid-1990s.", FRI, "the mid-1990s", "DATE", "199", "MID"),
    ("It was the music of the '80s.", FRI, "the '80s", "DATE", "198", None),
    ("It was popular in the nineties.", FRI, "the nineties", "DATE", "199", None),
    ("It began in the early nineties.", FRI, "the early nineties", "DATE", "199", "START"),
    ("The city grew in the 20th century.", FRI, "the 20th century", "DATE", "19", None),
    ("The palace dates from the nineteenth century.", FRI, "the nineteenth century", "DATE", "18", None),
    ("It is an 11th century temple.", FRI, "11th century", "DATE", "10", None),
    ("Prices last peaked in nineteen ninety-seven.", FRI, "nineteen ninety-seven", "DATE", "1997", None),
    ("Planning began for the year two thousand.", FRI, "the year two thousand", "DATE", "2000", None),
    ("Revenue fell in fiscal 1989.", FRI, "fiscal 1989", "DATE", "1989", None),
    # quarters and halves
    ("Profit rose in the third quarter.", WSJ, "the third quarter", "DATE", "1989-Q3", None),
    ("The company's third-quarter results disappointed.", WSJ, "third-quarter", "DATE", "1989-Q3", None),
    ("It reported the third-quarter loss on Monday.", WSJ, "third-quarter", "DATE", "1989-Q3", None),
    ("Net fell in the fourth quarter of 1988.", WSJ, "the fourth quarter of 1988", "DATE", "1988-Q4", None),
    ("Sales should rise in the first quarter of next year.", WSJ, "the first quarter of next year", "DATE",
     "1990-Q1", None),
    ("Shipments resume in next year's first quarter.", WSJ, "next year's first quarter", "DATE", "1990-Q1", None),
    ("Output grew in the first half of 1990.", WSJ, "the first half of 1990", "DATE", "1990-H1", None),
    ("Earnings fell in the fourth quarter.", JAN, "the fourth quarter", "DATE", "1989-Q4", None),
    ("Revenue rose in Q3 2017.", FRI, "Q3 2017", "DATE", "2017-Q3", None),
    ("Margins improved in the current quarter.", WSJ, "the current quarter", "DATE", "1989-Q4", None),
    ("Margins narrowed in the latest quarter.", WSJ, "the latest quarter", "DATE", "1989-Q3", None),
    ("Net rose in the third quarter from $5 million a year ago.", WSJ, "a year ago", "DATE", "1988-Q3", None),
    ("It posted a loss in the year-ago quarter.", WSJ, "the year-ago quarter", "DATE", "1988-Q3", None),
    ("That compares with a year-earlier loss.", WSJ, "year-earlier", "DATE", "1988", None),
    # references
    ("The city is now calm.", FRI, "now", "DATE", "PRESENT_REF", None),
    ("He currently lives in Paris.", FRI, "currently", "DATE", "PRESENT_REF", None),
    ("Fighting recently intensified.", FRI, "recently", "DATE", "PAST_REF", None),
    ("In the past, the army stayed out of politics.", FRI, "the past", "DATE", "PAST_REF", None),
    ("In the future, talks may resume.", FRI, "the future", "DATE", "FUTURE_REF", None),
    ("The country is at present stable.", FRI, "at present", "DATE", "PRESENT_REF", None),
    ("Few people travel these days.", FRI, "these days", "DATE", "PRESENT_REF", None),
    ("Attacks have grown in recent years.", FRI, "recent years", "DATE", "PAST_REF", None),
    ("Aid will arrive in the near future.", FRI, "the near future", "DATE", "FUTURE_REF", None),
    # durations
    ("The siege lasted five years.", FRI, "five years", "DURATION", "P5Y", None),
    ("The town was cut off for three months.", FRI, "three months", "DURATION", "P3M", None),
    ("Talks went on for 48 hours.", FRI, "48 hours", "DURATION", "PT48H", None),
    ("They signed a two-year deal.", FRI, "two-year", "DURATION", "P2Y", None),
    ("After a 16-hour flight she landed.", FRI, "16-hour", "DURATION", "PT16H", None),
    ("Poverty fell over the past 20 years.", FRI, "the past 20 years", "DURATION", "P20Y", None),
    ("Net rose in the first nine months.", WSJ, "the first nine months", "DURATION", "P9M", None),
    ("Talks will continue for the next two weeks.", FRI, "the next two weeks", "DURATION", "P2W", None),
    ("The feud has gone on for years.", FRI, "years", "DURATION", "PXY", None),
    ("He was held for several days.", FRI, "several days", "DURATION", "PXD", None),
    ("He stayed for a few weeks.", FRI, "a few weeks", "DURATION", "PXW", None),
    ("The trial took 2 1/2 years.", FRI, "2 1/2 years", "DURATION", "P2Y6M", None),
    ("The trial took a year and a half.", FRI, "a year and a half", "DURATION", "P1Y6M", None),
    ("The vote took half an hour.", FRI, "half an hour", "DURATION", "PT30M", None),
    ("The conflict lasted two decades.", FRI, "two decades", "DURATION", "P20Y", None),
    ("The dynasty ruled for a century.", FRI, "a century", "DURATION", "P100Y", None),
    ("He was jailed for more than two years.", FRI, "more than two years", "DURATION", "P2Y", "MORE_THAN"),
    ("The truce held less than a week.", FRI, "less than a week", "DURATION", "P1W", "LESS_THAN"),
    ("Detainees are held at least 30 days.", FRI, "at least 30 days", "DURATION", "P30D", "EQUAL_OR_MORE"),
    ("The war lasted nearly two years.", FRI, "nearly two years", "DURATION", "P2Y", "EQUAL_OR_LESS"),
    ("The camp has stood almost a decade.", FRI, "almost a decade", "DURATION", "P10Y", "LESS_THAN"),
    ("The march took about three weeks.", FRI, "three weeks", "DURATION", "P3W", "APPROX"),
    ("Suspects can be held up to 180 days.", FRI, "up to 180 days", "DURATION", "P180D", "EQUAL_OR_LESS"),
    ("The blockade lasted over a week.", FRI, "over a week", "DURATION", "P1W", "MORE_THAN"),
    ("The plant will close over the next year or so.", FRI, "the next year or so", "DURATION", "P1Y", "APPROX"),
    ("In recent weeks, the rebels regrouped.", FRI, "recent weeks", "DURATION", "PXW", None),
    ("Hate groups grew over the past year.", FRI, "the past year", "DURATION", "P1Y", None),
    ("Prices will rise in the coming months.", FRI, "the coming months", "DURATION", "PXM", None),
    ("The cease-fire lasted two to three weeks.", FRI, "two to three weeks", "DURATION", "PXW", None),
    # sets
    ("The council meets every Monday.", FRI, "every Monday", "SET", "XXXX-WXX-1", None),
    ("A flight leaves each Thursday.", FRI, "each Thursday", "SET", "XXXX-WXX-4", None),
    ("The council meets weekly.", FRI, "weekly", "SET", "P1W", None),
    ("Militias patrol the streets daily.", FRI, "daily", "SET", "P1D", None),
    ("Water is delivered every day.", FRI, "every day", "SET", "P1D", None),
    ("Elections are held every two years.", FRI, "every two years", "SET", "P2Y", None),
    ("Inspectors visit twice a year.", FRI, "twice a year", "SET", "P1Y", None),
    ("Patrols leave every morning.", FRI, "every morning", "SET", "XXXX-XX-XXTMO", None),
    ("Output grows 5% annually.", FRI, "annually", "SET", "P1Y", None),
    ("The market opens on Mondays.", FRI, "Mondays", "SET", "XXXX-WXX-1", None),
    ("Soldiers earn $300 a month.", FRI, "a month", "SET", "P1M", None),
    # clock times
    ("The blast occurred at 10 p.m. Friday.", FRI, "10 p.m. Friday", "TIME", "1998-08-07T22:00", None),
    ("Markets opened at 7:15 a.m. in Tokyo.", FRI, "7:15 a.m.", "TIME", "1998-08-07T07:15", None),
    ("The curfew began around 7:15 p.m. in the city.", FRI, "around 7:15 p.m.", "TIME", "1998-08-07T19:15",
     "APPROX"),
    ("The deadline passed at noon Thursday.", FRI, "noon Thursday", "TIME", "1998-08-06T12:00", None),
    ("Fighting stopped at noon in the capital.", FRI, "noon", "TIME", "1998-08-07T12:00", None),
    ("The bulletin was issued at 14:35 GMT.", FRI, "14:35 GMT", "TIME", "1998-08-07T14:35", None),
    ("The offer expires at 5 p.m. EST, Nov. 6.", WSJ, "5 p.m. EST, Nov. 6", "TIME", "1989-11-06T17:00", None),
    # accounting periods, present and future references, everyday sets
    ("Net income for the year ended Sept. 30 rose 5%.", WSJ, "the year", "DURATION", "P1Y", None),
    ("Sales in the fiscal year ending June 30 will fall.", WSJ, "the fiscal year", "DURATION", "P1Y", None),
    ("The stock set a high for the year in June.", WSJ, "the year", "DATE", "1989", None),
    ("Output in the first nine months of the year fell.", WSJ, "the year", "DATE", "1989", None),
    ("Analysts blamed current market conditions.", WSJ, "current", "DATE", "PRESENT_REF", None),
    ("The firm will soon start selling cheaper boxes.", WSJ, "soon", "DATE", "FUTURE_REF", None),
    ("Protesters hold daily rallies outside the embassy.", FRI, "daily", "SET", "P1D", None),
    ("He spoke in his weekly radio address.", FRI, "weekly", "SET", "P1W", None),
    # tense of the clause, sentence bounds and deadlines
    ("The offer was to lapse at midnight Friday.", "1989-10-30", "midnight Friday", "TIME", "1989-10-27T24:00",
     None),
    ("The bid had been due to expire Friday evening.", "1989-10-30", "Friday evening", "TIME", "1989-10-27TEV",
     None),
    ("On Tuesday, the league plans to hold a rally.", "1998-10-26", "Tuesday", "DATE", "1998-10-27", None),
    ("The airline will double its flights by August.", "1998-02-13", "August", "DATE", "1998-08", None),
    ("In January, a week after the Roe vs. Wade anniversary, a bomb went off.", "1998-10-25", "January", "DATE",
     "1998-01", None),
    ("In January, the board brought in a new chief.", "1989-10-27", "January", "DATE", "1989-01", None),
    ("Profit fell from a year earlier.", WSJ, "a year earlier", "DATE", "1988", None),
    ("Kirschner earned $376,000 in the 1988 quarter.", WSJ, "the 1988 quarter", "DATE", "1988-Q3", None),
    ("Earnings will be lower for the last half of 1989.", WSJ, "the last half of 1989", "DATE", "1989-H2", None),
    ("The firm hopes to hold 5% of the market by 1992.", WSJ, "1992", "DATE", "1992", None),
    ("He was arrested at protests from 1991 to 1997.", WSJ, "1997", "DATE", "1997", None),
    ("The deal followed a June agreement with the union.", WSJ, "June", "DATE", "1989-06", None),
    ("Casualties rose in the last twenty four hours.", FRI, "the last twenty four hours", "DURATION", "PT24H",
     None),
    ("Flights leave on Tuesday nights.", FRI, "Tuesday nights", "SET", "XXXX-WXX-2TNI", None),
    ("Flights leave on Monday and Tuesday nights.", FRI, "Monday", "SET", "XXXX-WXX-1TNI", None),
    ("January nineteen ninety-seven. A bomb hit a clinic.", FRI, "January nineteen ninety-seven", "DATE",
     "1997-01", None),
    ("It snowed in the winter of nineteen ninety-four.", FRI, "the winter of nineteen ninety-four", "DATE",
     "1994-WI", None),
    ("The site went down in October 1998 and was removed that same day.", "1999-02-06", "that same day", "DATE",
     "1998-10-XX", None),
    # holidays
    ("Voters go to the polls on Election Day.", "1998-10-26", "Election Day", "DATE", "1998-11-03", None),
    ("The troops will be home by Christmas.", FRI, "Christmas", "DATE", "1998-12-25", None),
    ("He died on Thanksgiving Day 1999.", FRI, "Thanksgiving Day 1999", "DATE", "1999-11-25", None),
    ("Pilgrims gathered at Easter 1998.", FRI, "Easter 1998", "DATE", "1998-04-12", None),
]


def _find(text: str, published: str | None, expression: str):
    times = extract_times(text, published)
    matches = [t for t in times if t.text == expression]
    assert matches, f"{expression!r} not found in {text!r}; got {[t.text for t in times]}"
    return matches[0]


def test_table_is_large_enough():
    assert len(ROWS) >= 150
    assert len({(r[0], r[2]) for r in ROWS}) == len(ROWS)


@pytest.mark.parametrize("text, published, expression, kind, value, mod", ROWS,
                         ids=[f"{i:03d}-{r[2]}" for i, r in enumerate(ROWS)])
def test_expression(text, published, expression, kind, value, mod):
    found = _find(text, published, expression)
    assert text[found.start:found.end] == found.text
    assert (found.type, found.value, found.mod) == (kind, value, mod)
