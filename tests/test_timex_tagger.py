"""Normalisation behaviour: tense, anaphora, intervals, mods, the spaCy component."""

from __future__ import annotations

from datetime import date

import pytest
import spacy

from dateline.model import Timex
from dateline.timex import tag

DCT = date(2025, 5, 21)  # a Wednesday


def one(text: str, dct: date = DCT, *, surface: str | None = None) -> Timex:
    found = tag(text, dct)
    if surface is not None:
        found = [t for t in found if t.text == surface]
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("The ministry said on Monday that talks failed.", "2025-05-19"),
        ("The minister will travel on Monday.", "2025-05-26"),
        ("The minister is to travel on Friday.", "2025-05-23"),
        ("The minister arrived on Friday.", "2025-05-16"),
    ],
)
def test_weekday_follows_tense(text: str, value: str) -> None:
    assert one(text).value == value


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("The summit was held in March.", "2025-03"),
        ("The leaders met in August.", "2024-08"),
        ("The leaders will meet in August.", "2025-08"),
        ("Elections are scheduled for February.", "2026-02"),
    ],
)
def test_month_without_year_follows_tense(text: str, value: str) -> None:
    assert one(text).value == value


@pytest.mark.parametrize("dct", [date(2025, 11, 3), date(2025, 5, 21), date(2025, 2, 1)])
def test_postponed_until_early_next_year_before_june(dct: date) -> None:
    """The June is the one after the (future) year the sentence just named."""
    text = "The vote was postponed until early next year, before the budget session in June."
    found = {t.text: t for t in tag(text, dct)}
    assert found["early next year"].value == "2026"
    assert found["early next year"].mod == "START"
    assert found["June"].value == "2026-06"


@pytest.mark.parametrize(
    ("text", "surface", "value"),
    [
        (
            "Troops crossed on March 3, 2022. The following day they retreated.",
            "The following day",
            "2022-03-04",
        ),
        # a day-unit anaphor never takes a coarser anchor: back to the last day named
        (
            "Officials said on Monday that aid would arrive next week, and the EU "
            "announced new funding the same day.",
            "the same day",
            "2025-05-19",
        ),
        # the day a report was made is no anchor for the narrative
        (
            "The quake struck on Monday morning, officials said on Wednesday. "
            "Rescuers arrived the following day.",
            "the following day",
            "2025-05-20",
        ),
        (
            "Troops crossed on March 3, 2022. Two days later they retreated.",
            "Two days later",
            "2022-03-05",
        ),
        (
            "The treaty was signed in 1990. Later that year it was ratified.",
            "Later that year",
            "1990",
        ),
        ("The treaty was signed in 1990. That year the wall fell.", "That year", "1990"),
        (
            "They met on 4 July 2019. The day before, they had argued.",
            "The day before",
            "2019-07-03",
        ),
    ],
)
def test_anaphora_uses_last_mentioned_time(text: str, surface: str, value: str) -> None:
    assert one(text, surface=surface).value == value


@pytest.mark.parametrize(
    ("text", "value", "granularity", "earliest", "latest"),
    [
        ("It happened last week.", "2025-W20", "week", "2025-05-12", "2025-05-18"),
        (
            "It will happen in the third quarter of 2025.",
            "2025-Q3",
            "quarter",
            "2025-07-01",
            "2025-09-30",
        ),
        ("It happened in the 1990s.", "199", "decade", "1990-01-01", "1999-12-31"),
        ("It happens this summer.", "2025-SU", "season", "2025-06-01", "2025-08-31"),
        ("Sales fell yesterday.", "2025-05-20", "day", "2025-05-20", "2025-05-20"),
        ("It happened in February 2024.", "2024-02", "month", "2024-02-01", "2024-02-29"),
    ],
)
def test_calendar_interval(
    text: str, value: str, granularity: str, earliest: str, latest: str
) -> None:
    timex = one(text)
    assert (timex.value, timex.granularity, timex.earliest, timex.latest) == (
        value,
        granularity,
        earliest,
        latest,
    )


def test_mod_narrows_the_interval() -> None:
    timex = one("Talks resume in late November 2025.")
    assert (timex.value, timex.mod) == ("2025-11", "END")
    assert timex.earliest is not None and timex.earliest > "2025-11-15"
    assert timex.latest == "2025-11-30"


@pytest.mark.parametrize(
    ("text", "value", "mod"),
    [
        ("The strike lasted three days.", "P3D", None),
        ("He served 16 years in office.", "P16Y", None),
        ("The talks took more than five hours.", "PT5H", "MORE_THAN"),
        ("The war lasted nearly two decades.", "P20Y", "EQUAL_OR_LESS"),
    ],
)
def test_durations_have_no_interval(text: str, value: str, mod: str | None) -> None:
    timex = one(text)
    assert (timex.type, timex.value, timex.mod) == ("DURATION", value, mod)
    assert timex.earliest is None and timex.latest is None


@pytest.mark.parametrize(
    ("text", "value", "earliest", "latest"),
    [
        ("Prices are falling now.", "PRESENT_REF", "2025-05-21", "2025-05-21"),
        ("He recently moved.", "PAST_REF", None, "2025-05-21"),
        ("Rates may rise in the future.", "FUTURE_REF", "2025-05-21", None),
    ],
)
def test_reference_words(text: str, value: str, earliest: str | None, latest: str | None) -> None:
    timex = one(text)
    assert (timex.value, timex.earliest, timex.latest) == (value, earliest, latest)


def test_record_date_after_payable_date_stays_near_the_dct() -> None:
    text = "The dividend is payable Jan. 2 to stock of record Dec. 15."
    found = {t.text: t.value for t in tag(text, date(1989, 11, 2))}
    assert found == {"Jan. 2": "1990-01-02", "Dec. 15": "1989-12-15"}


def test_set_has_type_and_frequency() -> None:
    timex = one("The council meets every week.")
    assert (timex.type, timex.value, timex.freq) == ("SET", "P1W", "1X")


def test_time_of_day() -> None:
    # "on" keeps the clock time and its day two expressions; the clock time takes the day
    clock = one("The blast came at 10:35 a.m. on Friday.", date(1998, 8, 7), surface="10:35 a.m.")
    assert (clock.type, clock.value) == ("TIME", "1998-08-07T10:35")
    day = one("The blast came at 10:35 a.m. on Friday.", date(1998, 8, 7), surface="Friday")
    assert (day.type, day.value) == ("DATE", "1998-08-07")
    evening = one("He spoke this evening.", date(2025, 5, 21))
    assert (evening.type, evening.value) == ("TIME", "2025-05-21TEV")


def test_same_text_other_dct_gives_other_value() -> None:
    """Nothing comes from the clock: the DCT alone anchors relative expressions."""
    assert one("It rained yesterday.", date(1999, 1, 1)).value == "1998-12-31"
    assert one("It rained yesterday.", date(2030, 3, 1)).value == "2030-02-28"


def test_anniversary_from_text_and_table() -> None:
    text = (
        "The pact was signed in Hanoi on March 2, 2024. "
        "The two leaders met again on the first anniversary of the Hanoi pact."
    )
    found = {t.text: t.value for t in tag(text, date(2025, 2, 1))}
    assert found["the first anniversary of the Hanoi pact"] == "2025-03-02"
    bastille = one(
        "Paris marked the 236th anniversary of the storming of the Bastille.", date(2025, 7, 10)
    )
    assert bastille.value == "2025-07-14"


def test_component_sets_doc_timexes() -> None:
    import dateline.pipeline  # noqa: F401 - registers the factory

    nlp = spacy.blank("en")
    nlp.add_pipe("dateline_timex")
    doc = nlp.make_doc("The ministry said on Monday that talks will resume next month.")
    doc._.dct = DCT
    doc = nlp.get_pipe("dateline_timex")(doc)
    assert [(t.text, t.value) for t in doc._.timexes] == [
        ("Monday", "2025-05-19"),
        ("next month", "2025-06"),
    ]
    no_dct = nlp("Talks resume next month.")
    assert no_dct._.timexes == []


@pytest.mark.model
def test_parsed_doc_gives_tense() -> None:
    from dateline.annotate import find_model

    _, module = find_model()
    nlp = module.load()
    text = "Officials who spoke on Monday said the minister will arrive on Friday."
    doc = nlp(text)
    found = {t.text: t.value for t in tag(text, DCT, doc=doc)}
    assert found == {"Monday": "2025-05-19", "Friday": "2025-05-23"}


@pytest.mark.model
def test_parsed_doc_keeps_past_plans_and_coming_weekends() -> None:
    from dateline.annotate import find_model

    _, module = find_model()
    nlp = module.load()
    monday = date(2025, 5, 19)
    text = (
        "The envoy had been due to reach Lima on Tuesday for talks. "
        "Aides said a new date would be chosen over the weekend."
    )
    found = {t.text: t.value for t in tag(text, monday, doc=nlp(text))}
    # Tuesday the day after the Monday DCT, not six days before; the weekend
    # closing the DCT's week (ISO week 21), not the one just past
    assert found == {"Tuesday": "2025-05-20", "the weekend": "2025-W21-WE"}


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "dct", "surface", "value"),
    [
        ("A donors' meeting that Peru was to host in Lima on November 16 has been postponed"
         " to January, the ministry said.", date(2026, 11, 3), "January", "2027-01"),
        ("The joint commission, which was due to meet in Quito this month, has been postponed"
         " to September.", date(2017, 5, 10), "September", "2017-09"),
        ("The fifth round, which had been set for October 8 in Quito, has been pushed back to"
         " November at Colombia's request.", date(2015, 9, 22), "November", "2015-11"),
    ],
)  # fmt: skip
def test_a_plan_moved_to_a_month_lies_ahead_of_its_old_plan(
    text: str, dct: date, surface: str, value: str
) -> None:
    """The old plan told in the past ('was to host', 'was due') does not pull the month a
    plan has been moved to into the past."""
    from dateline.annotate import find_model

    nlp = find_model()[1].load()
    found = {t.text: t.value for t in tag(text, dct, doc=nlp(text))}
    assert found[surface] == value


@pytest.mark.model
def test_the_governing_present_verb_outweighs_a_later_past_cue() -> None:
    from dateline.annotate import find_model

    nlp = find_model()[1].load()
    monday = date(2008, 3, 31)
    text = (
        "On Wednesday, President Bush goes to Bucharest for the NATO summit where Hadley "
        "says the alliance will change."
    )
    found = {t.text: t.value for t in tag(text, monday, doc=nlp(text))}
    assert found == {"Wednesday": "2008-04-02"}
    # a past verb that governs the weekday still looks back
    text = "On Wednesday, President Bush went to Bucharest, where Hadley says the alliance met."
    found = {t.text: t.value for t in tag(text, monday, doc=nlp(text))}
    assert found == {"Wednesday": "2008-03-26"}


def _raising(exc: Exception):  # type: ignore[no-untyped-def]
    def normalize(ctx, groups, args):  # type: ignore[no-untyped-def]
        raise exc

    return normalize


def test_a_normalizer_key_error_is_a_bug_that_reaches_the_caller(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from dateline.timex.context import NORMALIZERS

    monkeypatch.setitem(NORMALIZERS, "duration", _raising(KeyError("unit")))
    with pytest.raises(KeyError):
        tag("The talks lasted three years.", DCT)


def test_a_date_the_calendar_cannot_hold_drops_only_that_expression(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from dateline.timex.context import NORMALIZERS

    monkeypatch.setitem(NORMALIZERS, "duration", _raising(ValueError("day is out of range")))
    found = tag("The talks lasted three years and ended on Friday.", DCT)
    assert [t.text for t in found] == ["Friday"]


@pytest.mark.parametrize(
    ("text", "earliest", "latest"),
    [
        ("The plant will open later this year.", "2025-05-21", "2025-12-31"),
        ("He visited earlier this month.", "2025-05-01", "2025-05-21"),
        ("A vote is expected early next year.", "2026-01-01", "2026-05-01"),
        ("Sales should recover by the end of the quarter.", "2025-06-01", "2025-06-30"),
    ],
)
def test_granularity_words_keep_the_interval_they_give(
    text: str, earliest: str, latest: str
) -> None:
    timex = one(text)
    assert (timex.earliest, timex.latest) == (earliest, latest)


def test_an_anchored_span_is_a_duration_with_the_days_it_covers() -> None:
    timex = one("Output fell in the first six months of the year.")
    assert (timex.type, timex.value) == ("DURATION", "P6M")
    assert (timex.earliest, timex.latest) == ("2025-01-01", "2025-06-30")


@pytest.mark.parametrize(
    ("text", "surface", "kind", "value"),
    [
        ("He will visit next year.", "next year", "DATE", "2026"),
        ("The minister travelled last month.", "last month", "DATE", "2025-04"),
        # the month's first week with four of its days in February, as ISO counts weeks
        (
            "Gas demand in the first week of February was high.",
            "the first week of February",
            "DATE",
            "2025-W06",
        ),
        ("Both sides have wasted the past year arguing.", "the past year", "DURATION", "P1Y"),
    ],
)
def test_the_past_year_is_a_span_but_last_and_next_year_are_periods(
    text: str, surface: str, kind: str, value: str
) -> None:
    timex = one(text, surface=surface)
    assert (timex.type, timex.value) == (kind, value)


def test_a_clock_time_and_its_bracketed_equivalent_take_the_day_named_after_them() -> None:
    found = tag("The court will hear it at 2 p.m. AEDT (0300 GMT) on Tuesday.", date(2021, 12, 6))
    assert [t.value for t in found] == [
        "2021-12-07T14:00+11:00",
        "2021-12-07T03:00Z",
        "2021-12-07",
    ]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # "-ended" in a compound adjective is no past verb
        ("Rail workers will walk off the job from Thursday in an open-ended strike.", "2019-11-07"),
        # a bracketed aside is no clause boundary between "scheduled" and the day
        ("The plenary is scheduled for 6 p.m. KST (0900 GMT) on Sunday.", "2019-11-10"),
    ],
)
def test_weekday_direction_ignores_compound_adjectives_and_asides(text: str, value: str) -> None:
    found = [t for t in tag(text, date(2019, 11, 5)) if t.type == "DATE"]
    assert [t.value for t in found] == [value]


@pytest.mark.parametrize(
    ("text", "value", "freq", "quant"),
    [
        ("The committee meets eight times a year.", "P1Y", "8X", None),
        ("Officials urged staff to work from home two days a week.", "P1W", "2D", None),
        ("Droughts used to strike once every 20 years.", "P20Y", "1X", "EVERY"),
        ("The list is reviewed each five years.", "P5Y", None, "EACH"),
    ],
)
def test_sets_carry_the_count_in_freq_and_the_quantifier_in_quant(
    text: str, value: str, freq: str | None, quant: str | None
) -> None:
    timex = one(text)
    assert (timex.type, timex.value, timex.freq, timex.quant) == ("SET", value, freq, quant)
