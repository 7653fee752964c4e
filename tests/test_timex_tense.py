"""Direction of names without a year, anchors and sets: one sentence per cue."""

from __future__ import annotations

from datetime import date

import pytest

from conftest import timex_named
from dateline.model import Timex
from dateline.timex import tag
from dateline.timex.tense import FUTURE, PAST, PRESENT, lexical_tense, sentence_bounds


def find(text: str, dct: date, surface: str) -> Timex:
    found: Timex = timex_named(text, dct, surface)
    return found


@pytest.mark.parametrize(
    ("text", "dct", "surface", "value"),
    [
        # an occasion called for a day lies ahead of the call
        (
            "Opposition parties have called a nationwide strike for Thursday.",
            date(2026, 3, 2),
            "Thursday",
            "2026-03-05",
        ),
        ("The union called a strike on Thursday.", date(2026, 3, 2), "Thursday", "2026-02-26"),
        # a deadline preposition governs the expression: forward, whatever the main verb
        ("The court extended the deadline until March.", date(2025, 5, 21), "March", "2026-03"),
        # the time belongs to the infinitive of a past verb, which looks forward
        (
            "The group announced a plan to sell the unit in February.",
            date(2025, 10, 30),
            "February",
            "2026-02",
        ),
        # an initial ("P.") or a title ("Mr.") ends no sentence, so "will" still counts
        (
            "Mr. Smith will succeed Daniel P. Jones Feb. 1, the company said.",
            date(2025, 10, 26),
            "Feb. 1",
            "2026-02-01",
        ),
        # "unspecified" describes a noun: it is no past-tense cue
        (
            "The split is payable on an unspecified date in January.",
            date(2025, 10, 26),
            "January",
            "2026-01",
        ),
        # "next to" is a place, not a time: the past verb decides (DCT a Saturday)
        (
            "Dozens were wounded in the blast next to the station on Friday.",
            date(2025, 6, 7),
            "Friday",
            "2025-06-06",
        ),
        # a verb after "and" heads another clause; the plan before the expression decides
        (
            "Unions planned a march on Saturday and were hoping for a large turnout.",
            date(2025, 6, 6),
            "Saturday",
            "2025-06-07",
        ),
        # a present-tense verb in the clause schedules the weekday (DCT a Monday)
        (
            "Kickoff on Thursday is at 3 p.m. local time.",
            date(2025, 6, 16),
            "Thursday",
            "2025-06-19",
        ),
        # ... but a possessive weekday names an occasion already reported
        (
            "Its stake before Friday's purchase is 7 percent.",
            date(2025, 6, 2),
            "Friday",
            "2025-05-30",
        ),
        # the simple present of a scheduled occasion is its future (DCT a Friday) ...
        (
            "The two envoys meet separately Monday with the mediator.",
            date(2025, 5, 2),
            "Monday",
            "2025-05-05",
        ),
        ("The squad flies home on Sunday.", date(2025, 5, 2), "Sunday", "2025-05-04"),
        # ... also when the verb follows the weekday, or a hyphenated object comes between
        (
            "On Friday the riders face a long time trial.",
            date(2025, 7, 16),
            "Friday",
            "2025-07-18",
        ),
        (
            "The top seed plays her fourth-round match on Sunday.",
            date(2026, 1, 24),
            "Sunday",
            "2026-01-25",
        ),
        # a present modal governs the weekday: "can register from Monday" (DCT a Saturday)
        ("Candidates can register from Monday.", date(2024, 2, 3), "Monday", "2024-02-05"),
        # ... its past tense is not
        ("The two envoys met separately Monday.", date(2025, 5, 2), "Monday", "2025-04-28"),
        # "would" after a reporting verb: the future seen from the report (DCT a Sunday)
        (
            "The minister said the cabinet would declare the areas disaster zones on Tuesday.",
            date(2025, 8, 31),
            "Tuesday",
            "2025-09-02",
        ),
        # a trailing reporting clause tells when it was said, not when the ruling is read
        (
            "The judges will deliver their ruling in the long-running maritime border dispute "
            "between the two states on Wednesday, the court said Friday.",
            date(2025, 7, 18),
            "Wednesday",
            "2025-07-23",
        ),
        # ... while a fronted expression belongs to the reporting verb itself
        (
            "In September, the company announced plans to buy a rival.",
            date(2025, 10, 30),
            "September",
            "2025-09",
        ),
        # a move to a weekday looks forward (DCT a Saturday)
        (
            "The agency postponed the launch of its new rocket to Thursday.",
            date(2026, 3, 21),
            "Thursday",
            "2026-03-26",
        ),
        # an order told in the past, its infinitive pointing ahead (DCT a Monday)
        (
            "Officials told residents to stay alert until Thursday.",
            date(2024, 8, 5),
            "Thursday",
            "2024-08-08",
        ),
        # "is set for" schedules a day without a year
        ("The next meeting is set for May 28.", date(2024, 12, 6), "May 28", "2025-05-28"),
        # a plan told in the past: the nearest month, here the one just gone
        (
            "The group had been due to start unwinding its cuts in October.",
            date(2024, 12, 6),
            "October",
            "2024-10",
        ),
        # a state lasting until a weekday runs into the days ahead (DCT a Tuesday) ...
        (
            "Flights to the islands were cancelled until Thursday.",
            date(2025, 10, 21),
            "Thursday",
            "2025-10-23",
        ),
        # ... unless the clause is a past perfect
        (
            "Police had kept the road closed until Thursday.",
            date(2025, 10, 21),
            "Thursday",
            "2025-10-16",
        ),
        # a participle before a noun is no past-tense cue ('a locally made shot')
        (
            "Clinics will begin giving a locally made shot to teenagers on Monday, "
            "the ministry said on Friday.",
            date(2026, 2, 20),
            "Monday",
            "2026-02-23",
        ),
        # no cue at all: the nearest November, not the DCT year's, eleven months ahead
        ("The ceasefire of late November holds.", date(2025, 1, 6), "late November", "2024-11"),
        # a year the same sentence named wins over the tense
        ("In 2027 the plant will open in June.", date(2025, 5, 21), "June", "2027-06"),
        # ... also when fronted before a comma, and over a deadline preposition
        (
            "In 2020, the networks did not call the race until Nov. 7.",
            date(2024, 11, 3),
            "Nov. 7",
            "2020-11-07",
        ),
        # next month's name with a past reporting verb is the coming month
        (
            "Officials told oil companies of a cut in supply in September.",
            date(2025, 8, 16),
            "September",
            "2025-09",
        ),
        # ... but a month two months ahead in a past clause is last year's
        ("Prices have fallen since their October peak.", date(2025, 8, 20), "October", "2024-10"),
        # a period's closing day after "ended" lies behind, even when the next one is nearer
        (
            "In the fiscal year ended Jan. 31, the chain earned $2 million.",
            date(2025, 10, 31),
            "Jan. 31",
            "2025-01-31",
        ),
        # a deadline granted or extended "until" a weekday lies ahead
        (
            "The agency has given the family until 9 a.m. Tuesday to sign.",
            date(2025, 5, 19),
            "9 a.m. Tuesday",
            "2025-05-20T09:00",
        ),
        (
            "The judge extended the deadline until Friday.",
            date(2025, 5, 21),
            "Friday",
            "2025-05-23",
        ),
        # ... but a stay that lasted "until" a weekday is over, and so is a past perfect deadline
        (
            "The agency had given the family until Tuesday, but they refused.",
            date(2025, 5, 22),
            "Tuesday",
            "2025-05-20",
        ),
        ("He stayed in the capital until Friday.", date(2025, 5, 21), "Friday", "2025-05-16"),
        # a plan told in the past may have been called off before its time came: the
        # weekday nearest the DCT, ahead (Sunday DCT, Tuesday) or behind (Monday DCT, Friday)
        (
            "The minister had been due to land in Lima on Tuesday, but the visit was called off.",
            date(2025, 5, 18),
            "Tuesday",
            "2025-05-20",
        ),
        (
            "The vote was scheduled for Friday, and the chairman postponed it.",
            date(2025, 5, 19),
            "Friday",
            "2025-05-16",
        ),
        (
            "The talks had been expected to resume on Thursday.",
            date(2025, 5, 20),
            "Thursday",
            "2025-05-22",
        ),
        (
            "Aides were planning to hold a rally on Monday, but the police banned it.",
            date(2025, 5, 23),
            "Monday",
            "2025-05-26",
        ),
        # a plan's day in a sentence that has just called the plan off lies ahead, even
        # when the day behind is nearer (DCT a Monday; a Wednesday)
        (
            "Pilots have called off a national strike that had been set for Friday.",
            date(2025, 5, 19),
            "Friday",
            "2025-05-23",
        ),
        (
            "A round of talks that had been set for Thursday in Oslo has been scrapped.",
            date(2025, 5, 21),
            "Thursday",
            "2025-05-22",
        ),
        # ... while a plain past clause still looks back
        ("The minister landed in Lima on Tuesday.", date(2025, 5, 18), "Tuesday", "2025-05-13"),
        # "the weekend": the coming one in a future clause or after "ahead of"
        (
            "Negotiators said a deal could be reached over the weekend.",
            date(2025, 5, 21),
            "the weekend",
            "2025-W21-WE",
        ),
        ("Traders sold ahead of the weekend.", date(2025, 5, 21), "the weekend", "2025-W21-WE"),
        ("Storms hit the coast over the weekend.", date(2025, 5, 21), "the weekend", "2025-W20-WE"),
    ],
)
def test_name_without_year_takes_the_clause_direction(
    text: str, dct: date, surface: str, value: str
) -> None:
    assert find(text, dct, surface).value == value


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Prices have come down from the peak in October.", PAST),
        ("The case is heard in May.", PRESENT),
        ("The offer was extended until Friday.", FUTURE),
        ("The results were hampered by problems in April.", PAST),
    ],
)
def test_lexical_tense_cues(text: str, expected: str) -> None:
    start = text.rindex(" ") + 1
    assert lexical_tense(text, start, len(text) - 1) == expected


def test_abbreviations_do_not_split_sentences() -> None:
    text = "Gen. Smith met Mr. Jones on Friday. Talks resume Monday."
    friday = text.index("Friday")
    assert sentence_bounds(text, friday, friday + 6) == (0, text.index(" Talks"))


def test_quarter_named_by_its_closing_day() -> None:
    text = "Profit for the quarter ended Sept. 30 rose. A year earlier it fell."
    found = {t.text: t.value for t in tag(text, date(1989, 10, 25))}
    assert found["the quarter"] == "1989-Q3"
    # the closing day does not replace the quarter as the anchor
    assert found["A year earlier"] == "1988-Q3"


@pytest.mark.parametrize(
    ("text", "dct", "value"),
    [
        # May to July is mostly the second quarter
        ("In the quarter ended July 31, sales fell.", date(1989, 10, 30), "1989-Q2"),
        # a 52-week year closing on Oct. 1 reports July to September
        ("Sales in the quarter ended Oct. 1 rose.", date(1989, 10, 30), "1989-Q3"),
        # November to January: the quarter began in the previous year
        ("In the quarter ended Jan. 31, it lost money.", date(1990, 3, 1), "1989-Q4"),
    ],
)
def test_quarter_ended_off_calendar_is_the_quarter_holding_most_of_it(
    text: str, dct: date, value: str
) -> None:
    assert find(text, dct, "the quarter").value == value


def test_year_earlier_after_nine_months_is_a_year() -> None:
    """The year-earlier span of "the nine months" is no quarter: the year holds it."""
    text = (
        "Profit rose in the third quarter. For the nine months, net was $5 million, "
        "up from $4 million a year earlier. In the quarter, sales were flat a year earlier."
    )
    found = [(t.text, t.value) for t in tag(text, date(1989, 10, 26))]
    assert found[1:] == [
        ("the nine months", "P9M"),
        ("a year earlier", "1988"),
        ("the quarter", "1989-Q3"),
        ("a year earlier", "1988-Q3"),
    ]


def test_the_quarter_means_the_article_quarter_across_sentences() -> None:
    text = (
        "Third-quarter net rose 20%. After a flat second quarter, sales grew. "
        "Charges in the year-earlier period were high."
    )
    found = {t.text: t.value for t in tag(text, date(1989, 11, 1))}
    assert found["the year-earlier period"] == "1988-Q3"


@pytest.mark.parametrize(
    ("text", "value", "quant"),
    [
        ("They meet every Monday.", "XXXX-WXX-1", "EVERY"),
        ("Orangemen march each July.", "XXXX-07", "EACH"),
        ("Flights leave on Tuesday nights.", "XXXX-WXX-2TNI", None),
        ("The paper appears daily.", "P1D", None),
    ],
)
def test_sets_carry_quant(text: str, value: str, quant: str | None) -> None:
    (timex,) = tag(text, date(1998, 2, 13))
    assert (timex.type, timex.value, timex.quant) == ("SET", value, quant)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("It extended the offer until 5 p.m. EST Nov. 9.", "1989-11-09T17:00-05:00"),
        ("The offer will expire at midnight Friday.", "1989-11-03T24:00"),
        ("He will leave at 4 in the morning.", "1989-11-02T04:00"),
    ],
)
def test_clock_times_take_their_day(text: str, value: str) -> None:
    (timex,) = tag(text, date(1989, 11, 2))
    assert (timex.type, timex.value) == ("TIME", value)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("A minute and a half later the pilot called.", "PT1.5M"),
        ("Talks lasted two and a half hours.", "PT2.5H"),
        ("Shares rose for eight trading days.", "P8D"),
        ("Revenue for the year ended March 31 rose.", "P1Y"),
        ("Growth will slow over the next couple of years.", "P2Y"),
    ],
)
def test_duration_values(text: str, value: str) -> None:
    timex = tag(text, date(1989, 11, 2))[0]
    assert (timex.type, timex.value) == ("DURATION", value)


@pytest.mark.parametrize(
    "text",
    [
        "The party daily Granma printed the letter.",
        "Thousands joined the March for Life.",
        "It would be a second betrayal.",
        "The march this march was peaceful.",
        "Protesters have marched for the past three summers.",
        # names and titles: a TV show, a film, a radio programme
        'Baker said on ABC\'s "This Week" that talks were over.',
        "He spoke on CBS's ''60 Minutes.''",
        "The poster showed Gary Cooper from the film ``High Noon.''",
        "This is VOA Today with the latest reports from the region.",
        # an age, not a decade
        "She married him when he was in his early 30s.",
        # a fraction, not a period
        "Funds account for more than a quarter of the market.",
    ],
)
def test_not_a_time(text: str) -> None:
    """Nouns that look like time words: a newspaper, a march, an ordinal, a vague span."""
    assert tag(text, date(1998, 1, 9)) == []


@pytest.mark.parametrize(
    ("text", "surface", "value"),
    [
        ("Today the talks resume in Geneva.", "Today", "1998-01-09"),
        ('"Next week we will decide," he said.', "Next week", "1998-W03"),
        ("Talks Resume Today", "Today", "1998-01-09"),
    ],
)
def test_capitals_at_a_sentence_start_or_in_a_headline_are_times(
    text: str, surface: str, value: str
) -> None:
    assert find(text, date(1998, 1, 9), surface).value == value


@pytest.mark.parametrize(
    ("text", "surface", "value"),
    [
        ("The match lasted four hours and 38 minutes.", "four hours and 38 minutes", "PT4H38M"),
        (
            "He rode the stage in three hours, 41 minutes and 12 seconds.",
            "three hours, 41 minutes and 12 seconds",
            "PT3H41M12S",
        ),
        ("She leads by 1 minute 48 seconds.", "1 minute 48 seconds", "PT1M48S"),
        ("The war lasted two years and three months.", "two years and three months", "P2Y3M"),
    ],
)
def test_compound_durations_are_one_expression(text: str, surface: str, value: str) -> None:
    assert find(text, date(2025, 7, 16), surface).value == value


def test_separate_durations_stay_apart() -> None:
    """Two durations whose units do not descend are two expressions."""
    found = tag("He waited three days, and two days later he left.", date(2025, 7, 16))
    assert [t.text for t in found] == ["three days", "two days later"]


def test_a_clock_range_shares_the_day_of_its_end() -> None:
    text = "The warning runs from 3 a.m. to 11 a.m. Saturday, forecasters said."
    assert (
        find(text, date(2024, 12, 6), "3 a.m.").value[:10]
        == find(text, date(2024, 12, 6), "11 a.m. Saturday").value[:10]
    )


def test_a_bare_second_half_is_no_half_year() -> None:
    """A match's second half is no time; 'first-half profit' is the year's first half."""
    assert tag("The visitors were transformed in the second half.", date(2024, 4, 21)) == []
    assert find("It reported first-half profit.", date(2024, 8, 22), "first-half").value == (
        "2024-H1"
    )


@pytest.mark.parametrize(
    ("text", "dct", "surface", "value"),
    [
        # the simple present of a scheduled occasion points ahead, even after a past verb
        (
            "He signed on Sunday, two days before the transfer window closes on Tuesday.",
            date(2023, 1, 29),
            "Tuesday",
            "2023-01-31",
        ),
        ("The window reopens on June 14.", date(2023, 1, 29), "June 14", "2023-06-14"),
        # a deadline in a past perfect clause looks back ...
        (
            "Most people had received a vaccine by the end of February.",
            date(2023, 3, 8),
            "the end of February",
            "2023-02",
        ),
        # ... but not one in another clause
        (
            "The summit, which had been scheduled for October 20, has been postponed until"
            " December.",
            date(2025, 10, 8),
            "December",
            "2025-12",
        ),
        # the time a plan has been moved to lies ahead, though the text tells a story
        # years before (the parsed forms: tests/test_timex_tagger.py)
        (
            "Fighting broke out on April 15, 2023. The latest round, set for January 20, has"
            " been pushed back to February 10.",
            date(2026, 1, 28),
            "February 10",
            "2026-02-10",
        ),
        # ... unless an infinitive looks ahead from it
        (
            "Traders had chosen to square positions ahead of the weekend.",
            date(1989, 10, 26),
            "the weekend",
            "1989-W43-WE",
        ),
        # a year a range runs to does not scope the clause
        (
            "Projections stretching to 2028 will be presented in December.",
            date(2025, 10, 30),
            "December",
            "2025-12",
        ),
        # a past clock time does not take a day still ahead
        (
            "Its next meeting is on Dec. 18. The decision, announced at 2:15 p.m., was expected.",
            date(2025, 10, 30),
            "2:15 p.m.",
            "2025-10-30T14:15",
        ),
        # hours after a clock time are a clock time
        (
            "The quake hit at 4:32 a.m. The warning was lifted two hours later.",
            date(2021, 11, 16),
            "two hours later",
            "2021-11-16T06:32",
        ),
    ],
)
def test_more_direction_cues(text: str, dct: date, surface: str, value: str) -> None:
    assert find(text, dct, surface).value == value


def test_the_day_before_a_date_is_one_expression() -> None:
    text = "The day before last Tuesday's hearing, Manuel went to the house."
    found = find(text, date(2000, 2, 24), "The day before last Tuesday")
    assert found.value == "2000-02-21"


def test_or_so_ago_is_approximate() -> None:
    found = find(
        "Then, a week or so ago, the general decided.", date(1991, 2, 25), "a week or so ago"
    )
    assert (found.value, found.mod) == ("1991-W08", "APPROX")


@pytest.mark.parametrize(
    ("text", "dct", "surface", "value"),
    [
        # a past clause's year-end is the last one; a future one's the coming one
        ("Bad loans fell to $1.9 billion at year-end.", date(1995, 1, 19), "year-end", "1994"),
        ("Rules should be in place by year's end.", date(1989, 10, 26), "year's end", "1989"),
        # "would" reaches a weekday several words on
        (
            "He said the bill would remain the pending business at least until Friday.",
            date(1990, 2, 8),
            "Friday",
            "1990-02-09",
        ),
        # spoken dates and a clock time with "today"
        (
            "Leaders are scheduled to be picked on November eighteenth.",
            date(1998, 11, 5),
            "November eighteenth",
            "1998-11-18",
        ),
        (
            "It will discuss the results at 4 p.m. EST today.",
            date(1995, 1, 19),
            "4 p.m. EST today",
            "1995-01-19T16:00-05:00",
        ),
        # business news' bare half is the year's
        (
            "Analysts expect more deals in the second half.",
            date(1999, 6, 27),
            "the second half",
            "1999-H2",
        ),
    ],
)
def test_wire_copy_conventions(text: str, dct: date, surface: str, value: str) -> None:
    assert find(text, dct, surface).value == value


def test_a_present_clause_under_a_future_one_looks_ahead() -> None:
    text = "About 1,700 jobs will be lost when the furnace is shut down in September."
    assert find(text, date(2011, 2, 12), "September").value == "2011-09"


def test_a_season_of_something_is_no_season() -> None:
    found = tag(
        "Cuts were the harshest since the fall of the military government.", date(2010, 6, 23)
    )
    assert found == []


@pytest.mark.parametrize(
    ("text", "dct", "surface", "value"),
    [
        # a negated past "until" is no deadline: the wait is over
        ("The shop did not reopen until July.", date(2021, 11, 28), "July", "2021-07"),
        # "later when" is still a shift
        (
            "A plan drawn up in 1987 was shelved two years later when funds ran out.",
            date(2024, 2, 18),
            "two years later",
            "1989",
        ),
        (
            "The journey will take less than half an hour.",
            date(2024, 2, 18),
            "less than half an hour",
            "PT30M",
        ),
        (
            "By the Fourth of July 1993 the river was high.",
            date(2015, 12, 20),
            "Fourth of July 1993",
            "1993-07-04",
        ),
    ],
)
def test_until_later_half_an_hour_and_the_fourth_of_july(
    text: str, dct: date, surface: str, value: str
) -> None:
    assert find(text, dct, surface).value == value


def test_ages_in_pairs_are_no_decades() -> None:
    assert tag("Many buyers were in their twenties and thirties.", date(2017, 6, 11)) == []


@pytest.mark.parametrize(
    ("text", "surface", "value"),
    [
        # a "that" clause after the expression is another clause: its "would" does not
        # outweigh the reporting verb before the month
        (
            "The lender told investors in October that it would replace the system.",
            "October",
            "2022-10",
        ),
        (
            "The city told its residents in September that it would shut the bridge.",
            "September",
            "2022-09",
        ),
        # ... nor does its past verb turn a future clause back
        ("The board will announce on Monday that the plant closed.", "Monday", "2023-01-02"),
        # "that year" is a time of its own, not a clause
        ("The minister will decide in March that year.", "March that year", "2022-03"),
    ],
)
def test_a_cue_in_a_that_clause_after_the_expression_is_another_clauses(
    text: str, surface: str, value: str
) -> None:
    assert find(text, date(2022, 12, 27), surface).value == value
