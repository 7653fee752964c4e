"""Stories told far from their DCT (histories, biographies): the story's own time anchors.

All sentences are our own. The DCT of a history article is its writing date,
decades after what it tells.
"""

from __future__ import annotations

from datetime import date

import pytest

from dateline.timex import tag

HISTORY_DCT = date(2010, 5, 1)


def value_of(text: str, surface: str, dct: date = HISTORY_DCT) -> str:
    found = [t for t in tag(text, dct) if t.text == surface]
    assert len(found) == 1, tag(text, dct)
    return found[0].value


@pytest.mark.parametrize(
    ("text", "surface", "value"),
    [
        # a month without a year continues the story's year ...
        (
            "The offensive began on 5 July 1943. By the end of August the army had withdrawn.",
            "the end of August",
            "1943-08",
        ),
        # ... or the next one, when that month would lie well before the story's time
        (
            "The siege began in December 1944. In January, the defenders surrendered.",
            "January",
            "1945-01",
        ),
        # a day and month without a year too
        (
            "The landings were planned for 1944. On 6 June, troops went ashore.",
            "6 June",
            "1944-06-06",
        ),
        # "the following" / "the next" season or month comes after the story's time
        (
            "The offensive began in August 1943. The following spring, the army crossed.",
            "The following spring",
            "1944-SP",
        ),
        (
            "The landing failed in the spring of 1915. By the following January it was over.",
            "the following January",
            "1916-01",
        ),
        (
            "The fleet sailed in May 1588. The previous winter had been spent in port.",
            "The previous winter",
            "1587-WI",
        ),
        # a past perfect looks back: no new year for a month before the story's time
        (
            "The retreat began on 19 October 1812. The men who had crossed in June were gone.",
            "June",
            "1812-06",
        ),
        # a weekday in a story is the first such day from the last day it named
        (
            "Fighting began on Thursday, 9 March 1848. On the Sunday, the guard refused.",
            "Sunday",
            "1848-03-12",
        ),
        # "that night" is the night of the last day named, a shifted one included
        (
            "Riots began on 9 March 1848. Troops fired two days later; barricades rose that night.",
            "that night",
            "1848-03-11TNI",
        ),
        # "two weeks later" is a week, as "two weeks ago" is
        (
            "The retreat began on 19 October 1812. Two weeks later the first snow fell.",
            "Two weeks later",
            "1812-W45",
        ),
        # months counted from a season start at its first month
        (
            "The battle was fought in the summer of 1863. They had met eleven months earlier.",
            "eleven months earlier",
            "1862-07",
        ),
        # deictic words and plans stay with the DCT, even inside a story
        (
            "The fort fell in May 1759. Veterans met there for a ceremony last summer.",
            "last summer",
            "2009-SU",
        ),
        (
            "The fort fell in May 1759. Exhibitions are planned in the town this summer.",
            "this summer",
            "2010-SU",
        ),
        # a range's first date takes the year written after the range
        ("The battle was fought June 12–14, 1863, near the creek.", "June 12", "1863-06-12"),
        ("Treaties were signed between January and October 1648.", "January", "1648-01"),
        # "the following day" counts from a day the story moved to ("six days later")
        (
            "The siege began on 15 August 1759. The commander asked for terms six days later,"
            " and his men marched out the following day.",
            "the following day",
            "1759-08-22",
        ),
        # "the end of the year" in a story is the story's year
        (
            "Independence was proclaimed on 5 July 1961, and most settlers left before the end"
            " of the year.",
            "the end of the year",
            "1961",
        ),
        # the part of a dated day is one TIME expression
        (
            "The war began on the night of 31 October 1954 with attacks on police posts.",
            "the night of 31 October 1954",
            "1954-10-31TNI",
        ),
        # any decade, not only those of the last two centuries
        ("Fort Delorme was built in the 1730s on a rocky point.", "the 1730s", "173"),
        # "on a Saturday": some Saturday, which one the text does not say
        (
            "Fighting began in 1911. The king sailed on a Saturday, in fog.",
            "Saturday",
            "XXXX-WXX-6",
        ),
        # a range that crosses a new year: the first month lies in the year before
        ("Snow halted operations from December until March 1916.", "December", "1915-12"),
        # "two years later" in a story is a year
        (
            "The fort fell in August 1757. The British returned two years later.",
            "two years later",
            "1759",
        ),
        # a story's clock time before its day is named takes that day, and anchors nothing
        (
            "The war began in 1984. Marines landed at 4.30 a.m. on 29 March and took the town"
            " the same day.",
            "the same day",
            "1984-03-29",
        ),
        # a weekday written with a year-less date picks the year in which it falls so
        (
            "The Nationalists attacked in June 1936. The offensive opened on Tuesday, 24 August.",
            "Tuesday, 24 August",
            "1937-08-24",
        ),
        # a past verb of intention and a present judgement still belong to the story
        (
            "Fighting began in March 1913. The bey agreed to surrender on 22 April.",
            "22 April",
            "1913-04-22",
        ),
        (
            "The Front was founded in June 1965, and its ambush on 9 June is taken as the start.",
            "9 June",
            "1965-06-09",
        ),
        # "the coming winter" in a story is the story's
        (
            "The raid began in September 1864 to burn forage for the coming winter.",
            "the coming winter",
            "1864-WI",
        ),
        # a clock time before "on Monday, 26 May" takes the date's day
        (
            "The war began in 1919. Gunboats landed at 3 a.m. on Monday, 26 May.",
            "3 a.m.",
            "1919-05-26T03:00",
        ),
        # in a story, the end of a range is no point the story has reached
        (
            "The invasion began on 22 June 1941. From 22 June until mid-December the invaders"
            " advanced. On 8 September they cut the last road.",
            "8 September",
            "1941-09-08",
        ),
        # the first day of a range whose month and year come after it
        ("The battle was fought from 23 to 26 October 1944.", "23", "1944-10-23"),
        # a leap day no year near the DCT has
        (
            "The offensive began in February 1984, and on 29 February a brigade was caught.",
            "29 February",
            "1984-02-29",
        ),
        # a clock time takes the day named right after it
        (
            "The armistice was signed at 5 a.m. on 11 November 1918 in a railway carriage.",
            "5 a.m.",
            "1918-11-11T05:00",
        ),
    ],
)
def test_a_story_anchors_its_own_times(text: str, surface: str, value: str) -> None:
    assert value_of(text, surface) == value


def test_news_with_a_time_near_its_dct_is_no_story() -> None:
    """Once a time near the DCT was named, year-less months are the DCT's (news)."""
    text = "The ministry said on Tuesday the war began in 1991. In June, talks resume."
    assert value_of(text, "June", date(1998, 5, 1)) == "1998-06"


def test_one_old_year_long_before_is_background_not_a_story() -> None:
    filler = " The company's board praised his work and his long service to the firm." * 5
    text = f"Mr. Lortie joined in 1985.{filler} For the six months ended Aug. 12, profit rose."
    assert value_of(text, "Aug. 12", date(1989, 11, 1)) == "1989-08-12"


def test_a_clock_time_before_a_named_day_takes_that_day() -> None:
    text = "Polls in the state close at 7 p.m. on Election Day, officials said."
    assert value_of(text, "7 p.m.", date(2024, 11, 1)) == "2024-11-05T19:00"


def test_today_in_a_history_is_the_present() -> None:
    """An encyclopedia article's "Today the battlefields are visited" is the present;
    "Today's ceremony" is still the day it was written."""
    text = (
        "The war began in 1914. The offensive opened in 1915 and failed in 1916. The armistice"
        " came in 1918, and the treaty in 1919. Today the battlefields are visited by thousands."
        " Today's ceremony marks the anniversary."
    )
    todays = [t.value for t in tag(text, date(2008, 11, 11)) if t.text == "Today"]
    assert todays == ["PRESENT_REF", "2008-11-11"]


def test_a_story_weekday_does_not_count_from_a_day_before_the_story() -> None:
    """A day named in the news part ("Lunar New Year fell on January 29") is no day of
    the story that follows; a bare weekday after it is news again."""
    text = (
        "Lunar New Year fell on January 29. The family came in the autumn of 1972, opened the"
        " shop in 1984 and thrived in the 1980s. The festivities ended on Wednesday."
    )
    assert value_of(text, "Wednesday", date(2025, 2, 16)) == "2025-02-12"


# An "on this day" column: each entry's year is the column's day in that year, and the
# entry's relative times count from that day. Our own sentences.
_COLUMN = (
    "A look back at what happened on this date in years past.\n\n"
    "1962: Two ministers open talks in Geneva. The talks collapse two days later.\n\n"
    "1985 — A trade pact is signed in Oslo. Parliament ratifies it the next day.\n\n"
    "Born on this day in 1911: a poet.\n"
)
_COLUMN_DCT = date(2009, 6, 14)


@pytest.mark.parametrize(
    ("surface", "value"),
    [
        ("1962", "1962-06-14"),
        ("two days later", "1962-06-16"),
        ("1985", "1985-06-14"),
        ("the next day", "1985-06-15"),
        ("1911", "1911"),  # inside a sentence: a year, no entry
    ],
)
def test_an_anniversary_columns_entry_year_is_its_day_in_that_year(
    surface: str, value: str
) -> None:
    assert value_of(_COLUMN, surface, _COLUMN_DCT) == value


def test_entry_years_outside_an_anniversary_column_stay_years() -> None:
    text = _COLUMN.replace("on this date in years past", "in the decades past")
    assert value_of(text, "1962", _COLUMN_DCT) == "1962"
    assert value_of("In this day and age ...\n\n1962: Talks open in Geneva.", "1962") == "1962"
