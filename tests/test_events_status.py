"""Status of an event: past plans, cancellations and what they cover (events/status.py)."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from conftest import events_of

pytestmark = pytest.mark.model
DCT = date(2026, 4, 14)  # a Tuesday


def _events(nlp: Any, text: str, dct: date = DCT) -> list[dict[str, Any]]:
    return events_of(nlp, text, dct)


def test_was_to_is_a_plan_not_an_occurrence(nlp: Any) -> None:
    found = _events(nlp, "Lula was to visit Japan on April 20.")
    assert [(e["type"], e["status"], e["cue"]) for e in found] == [("VISIT", "planned", "was to")]
    assert found[0]["time"]["value"] == "2026-04-20"
    assert _events(nlp, "Lula is to visit Japan on Friday.")[0]["status"] == "planned"


def test_a_called_off_signing_that_was_to_happen_is_negated_with_its_time(nlp: Any) -> None:
    text = (
        "Putin was to sign the treaty on April 20. The Kremlin called off the signing on Tuesday."
    )
    signing = [e for e in _events(nlp, text) if e["type"] == "AGREE"]
    assert [(e["status"], e["time"]["value"]) for e in signing] == [("negated", "2026-04-20")]


def test_a_past_plan_whose_day_is_gone_is_no_event(nlp: Any) -> None:
    text = "German Foreign Minister Johann Wadephul was to meet President Joseph Aoun on Monday."
    assert [e for e in _events(nlp, text) if e["type"] == "MEET"] == []


def test_a_cancelled_trip_cancels_the_talks_its_plan_names(nlp: Any) -> None:
    text = (
        "German Chancellor Friedrich Merz had been set to arrive in Brasilia next Monday for "
        "two days of talks with President Luiz Inacio Lula da Silva. "
        "Berlin called off the trip on Tuesday."
    )
    found = _events(nlp, text, date(2026, 5, 19))
    visit = next(e for e in found if e["type"] == "VISIT")
    talks = next(e for e in found if e["type"] == "MEET")
    assert visit["status"] == talks["status"] == "negated"
    # the trip's two days of talks: the visit keeps both days it was planned for
    assert visit["time"]["value"] == "2026-05-25/2026-05-26"
    assert talks["time"]["earliest"] == visit["time"]["earliest"] == "2026-05-25"


def test_what_became_of_the_plan_travels_with_the_event(nlp: Any) -> None:
    moved = _events(nlp, "The summit between Lee and Ishiba has been postponed until June.")
    assert [(e["type"], e["status"], e["change"]) for e in moved] == [
        ("MEET", "planned", "postponed")
    ]
    off = _events(nlp, "Olaf Scholz called off his visit to Brazil on Tuesday.")
    assert [(e["type"], e["status"], e["change"]) for e in off] == [
        ("VISIT", "negated", "cancelled")
    ]
    held = _events(nlp, "Olaf Scholz visited Brazil on Monday.")
    assert [e["change"] for e in held] == [None]


@pytest.mark.parametrize(
    ("text", "status", "change"),
    [
        ("Australian Prime Minister Anthony Albanese has axed his trip to Indonesia.",
         "negated", "cancelled"),
        ("Prime Minister Shigeru Ishiba shelved his visit to Seoul on Monday.",
         "negated", "cancelled"),
        ("Chancellor Friedrich Merz deferred his visit to Brazil.", "planned", "postponed"),
        ("Chancellor Friedrich Merz put off his visit to Brazil until June.",
         "planned", "postponed"),
    ],
)  # fmt: skip
def test_news_words_for_calling_off_and_putting_off(
    nlp: Any, text: str, status: str, change: str
) -> None:
    visits = [e for e in _events(nlp, text) if e["type"] == "VISIT"]
    assert [(e["status"], e["change"]) for e in visits] == [(status, change)]


def test_a_stop_taken_off_the_programme_is_called_off(nlp: Any) -> None:
    text = (
        "Prime Minister Lena Karlsson arrived in Bamako on Monday. A planned stop in Niamey "
        "was taken off her programme."
    )
    visits = [e for e in _events(nlp, text, date(2026, 9, 21)) if e["type"] == "VISIT"]
    assert sorted((e["location"], e["status"], e["change"]) for e in visits) == [
        ("Bamako", "ongoing", None),
        ("Niamey", "negated", "cancelled"),
    ]
    # the plane that took off is no plan taken off a list
    from dateline.events.arguments import governor_key

    for said, key in (
        ("Her plane took off for Riga on Friday.", "take off"),
        ("The stop was struck from the schedule.", "take off the programme"),
    ):
        verb = next(t for t in nlp(said) if t.lemma_ in ("take", "strike"))
        assert governor_key(verb) == key


def test_has_arrived_without_a_date_is_a_visit_under_way(nlp: Any) -> None:
    now = _events(nlp, "U.S. President George Bush has arrived in Seoul, South Korea.")
    assert [(e["type"], e["status"]) for e in now] == [("VISIT", "ongoing")]
    before = _events(nlp, "U.S. President George Bush had arrived in Seoul before the vote.")
    assert [(e["type"], e["status"]) for e in before] == [("VISIT", "occurred")]


def test_a_particle_parsed_as_an_adverb_still_makes_the_phrasal_verb(nlp: Any) -> None:
    text = (
        "Ethiopian Prime Minister Abiy Ahmed's state visit to Kenya, which had been scheduled "
        "for March 9-10, has been pushed back to March 24."
    )
    [visit] = _events(nlp, text, date(2026, 3, 3))
    assert (visit["status"], visit["change"], visit["time"]["value"]) == (
        "planned",
        "postponed",
        "2026-03-24",
    )


def test_has_yet_to_confirm_negates_the_confirming_not_the_visit(nlp: Any) -> None:
    text = "The Kremlin has yet to confirm the date of Kim Jong-un's visit to Moscow."
    found = _events(nlp, text, date(2026, 2, 17))
    assert [(e["type"], e["status"]) for e in found] == [("VISIT", "planned")]
    signed = _events(nlp, "Russia has yet to sign the treaty.", date(2026, 2, 17))
    assert [(e["type"], e["status"]) for e in signed] == [("AGREE", "negated")]


@pytest.mark.model
def test_a_present_tense_event_on_a_future_day_is_planned_not_under_way(nlp: Any) -> None:
    text = "On Wednesday, President Bush goes to Bucharest for the NATO summit."
    found = events_of(nlp, text, date(2008, 3, 31))
    assert {(e["type"], e["status"]) for e in found} == {("VISIT", "planned"), ("MEET", "planned")}


def test_the_purpose_of_a_journey_under_way_is_still_planned(nlp: Any) -> None:
    text = "President Bush is heading to Asia this week to discuss trade with Pacific Rim leaders."
    found = events_of(nlp, text, date(2006, 11, 13))
    assert {e["type"]: e["status"] for e in found} == {"VISIT": "ongoing", "DISCUSS": "planned"}
    done = "President Bush flew to Asia last week to discuss trade with Pacific Rim leaders."
    found = events_of(nlp, done, date(2006, 11, 13))
    assert {e["type"]: e["status"] for e in found} == {"VISIT": "occurred", "DISCUSS": "occurred"}


def test_a_headline_that_moves_a_trip_moves_the_trips_it_names(nlp: Any) -> None:
    from dateline.extract import extract
    from dateline.model import Article

    body = (
        "President Joe Biden will travel to Germany from October 17-18, where he will meet "
        "German leaders. Secretary Blinken will travel to Peru on October 20."
    )
    moved = Article(
        text=body, dct=date(2024, 10, 16), title="Biden's Rescheduled Travel to Germany"
    )
    changes = {
        (e["type"], tuple(e["target"])): e["change"]
        for e in extract(moved, nlp=nlp)["events"]
        if e["type"] == "VISIT"
    }
    assert changes == {("VISIT", ("DEU",)): "postponed", ("VISIT", ("PER",)): None}
    plain = Article(text=body, dct=date(2024, 10, 16), title="Biden to travel to Germany")
    assert all(e["change"] is None for e in extract(plain, nlp=nlp)["events"])


def test_what_is_threatened_is_no_event_but_names_the_threats_target(nlp: Any) -> None:
    text = "Trump threatened on Sunday to impose sanctions on Colombia."
    found = events_of(nlp, text, date(2025, 1, 27))
    assert [e["type"] for e in found] == ["THREATEN"]
    assert found[0]["target"] == ["COL"]


def test_a_statement_by_an_unnamed_speaker_is_one_event_with_no_participant(nlp: Any) -> None:
    text = (
        "Police said 23 people were detained. "
        "President Lula will visit India next year, officials said."
    )
    found = events_of(nlp, text, date(2015, 3, 12))
    statements = [e for e in found if e["type"] == "STATEMENT"]
    assert len(statements) == 2 and all(not e["source"] for e in statements)
    assert any(e["type"] == "VISIT" and e["status"] == "planned" for e in found)
    twice = "Police said 23 people were detained. Police later said the march had ended."
    again = [e for e in events_of(nlp, twice, date(2015, 3, 12)) if e["type"] == "STATEMENT"]
    assert len(again) == 1 and len(again[0]["evidence"]) == 2


def test_people_a_common_noun_names_speak_unnamed_but_a_document_or_a_question_does_not(
    nlp: Any,
) -> None:
    dct = date(2016, 4, 2)
    for text in (
        "Hospital managers said that all appointments would go ahead.",
        "Exporters in Darwin say the backlog has grown.",
        '"We lose more than they do," said one, who asked not to be named.',
    ):
        statements = [e for e in events_of(nlp, text, dct) if e["type"] == "STATEMENT"]
        assert len(statements) == 1 and not statements[0]["source"], text
    for text in ("The report said exports fell in May.", "What are exporters saying in Darwin?"):
        assert not [e for e in events_of(nlp, text, dct) if e["type"] == "STATEMENT"], text


def test_according_to_a_source_is_that_sources_statement(nlp: Any) -> None:
    text = "The talks were called off, according to the Turkish Foreign Ministry."
    found = events_of(nlp, text, date(2017, 6, 7))
    statement = next(e for e in found if e["type"] == "STATEMENT")
    assert statement["source"] == ["tur-foreign-ministry"] and not statement["target"]
    unnamed = "The strike was called off, according to two diplomats."
    statements = [e for e in events_of(nlp, unnamed, date(2017, 6, 7)) if e["type"] == "STATEMENT"]
    assert len(statements) == 1 and not statements[0]["source"]
    assert not [e for e in events_of(nlp, "The vote went according to plan.", date(2017, 6, 7))]


def test_calling_off_a_leg_of_a_tour_cancels_the_planned_visit_there(nlp: Any) -> None:
    text = (
        "German Chancellor Friedrich Merz had been set to arrive in Brasilia next Monday for "
        "two days of talks with President Luiz Inacio Lula da Silva. Berlin called off the "
        "Brazilian leg of the tour, a government spokesman said on Tuesday."
    )
    found = events_of(nlp, text, date(2026, 5, 19))
    visits = [e for e in found if e["type"] == "VISIT"]
    assert [(e["status"], e["target"], e["time"]["value"]) for e in visits] == [
        ("negated", ["BRA"], "2026-05-25/2026-05-26")
    ]


@pytest.mark.parametrize(
    ("text", "kind", "status"),
    [
        ("Talks between Kenya and Uganda entered a second day in Kisumu on Tuesday.", "MEET",
         "ongoing"),
        ("The strike by Kenyan doctors went into its third week on Monday.", "PROTEST",
         "ongoing"),
        ("Talks between Kenya and Uganda entered a new phase on Tuesday.", "MEET", "occurred"),
    ],
)  # fmt: skip
def test_a_lasting_event_carried_into_another_day_is_under_way(
    nlp: Any, text: str, kind: str, status: str
) -> None:
    found = [e for e in _events(nlp, text) if e["type"] == kind]
    assert [e["status"] for e in found] == [status]


def test_looking_forward_to_an_event_plans_it(nlp: Any) -> None:
    text = (
        "Thibodeau and Alvear look forward to seeing each other at the G20 foreign ministers' "
        "meeting in Rio de Janeiro."
    )
    found = [e for e in _events(nlp, text) if e["type"] == "MEET"]
    assert [e["status"] for e in found] == ["planned"]


def test_a_host_set_to_receive_him_is_the_cancelled_trip_of_the_guest(nlp: Any) -> None:
    # 'him' is never the subject of its own clause ('had been set to host him' is the
    # guest's visit), and 'to host him' parsed as an adverbial clause is still the plan
    # that 'had been set' governs: the planned stay joins the axed trip with its days
    text = (
        "Prime Minister Anthony Albanese has axed his trip to Indonesia, a day before he was "
        "due to fly out. President Prabowo Subianto had been set to host him in Jakarta on "
        "Friday and Saturday for the annual leaders' meeting."
    )
    visits = [e for e in _events(nlp, text, date(2026, 8, 6)) if e["type"] == "VISIT"]
    assert [(e["status"], e["source"], e["time"]["value"]) for e in visits] == [
        ("negated", ["anthony-albanese"], "2026-08-07/2026-08-08")
    ]


def test_a_past_clause_the_parser_hangs_on_an_invitation_is_no_plan(nlp: Any) -> None:
    text = (
        "Albanese spoke to President Prabowo by phone last night to explain the decision, "
        "and, this is the interesting bit, he invited Prabowo to come to Canberra instead."
    )
    call = next(e for e in _events(nlp, text, date(2026, 8, 6)) if e["type"] == "MEET")
    assert (call["status"], call["time"]["value"][:10]) == ("occurred", "2026-08-05")


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Toyota rejected the accusation in a statement on Tuesday.", "STATEMENT"),
        ("Thai troops shelled the village, a charge Bangkok rejected.", "STATEMENT"),
        ("The minister repeated the claim, which Beijing dismissed on Monday.", "STATEMENT"),
        ("Iran rejected the proposal from France.", "REJECT"),
        ("Russia vetoed the resolution.", "REJECT"),
    ],
)  # fmt: skip
def test_a_denial_is_a_statement_and_a_refusal_a_rejection(nlp: Any, text: str, kind: str) -> None:
    # docs/annotation.md, Types: denials of an accusation, report or claim are statements
    found = {e["type"] for e in _events(nlp, text)} - {"ATTACK"}
    assert found == {kind}


def test_suspending_permits_is_a_sanction_and_suspending_talks_a_postponement(nlp: Any) -> None:
    permits = _events(nlp, "Indonesia suspended import permits for Australian cattle on Monday.")
    assert [(e["type"], e["status"]) for e in permits] == [("SANCTION", "occurred")]
    talks = _events(nlp, "Kenya and Uganda suspended their talks on Monday.")
    assert [(e["type"], e["status"]) for e in talks] == [("MEET", "planned")]


@pytest.mark.parametrize(
    "text",
    [
        "Egypt accuses Ethiopia of filling the reservoir without an agreement.",
        "The opposition party, which accuses President Ruto of neglect, tabled a motion.",
        "Kenya rejects the proposal of Uganda on fishing rights.",
    ],
)
def test_an_accusation_or_rejection_told_in_the_present_is_made(nlp: Any, text: str) -> None:
    found = [e for e in _events(nlp, text) if e["type"] in ("ACCUSE", "REJECT")]
    assert [(e["status"], e["cue"]) for e in found] == [("occurred", "speech act")]


def test_a_negated_simple_present_is_a_habit_not_an_event_that_did_not_happen(nlp: Any) -> None:
    habit = "Eritrea does not negotiate its judicial processes with foreign partners."
    assert [e for e in _events(nlp, habit) if e["type"] == "DISCUSS"] == []
    for text in ("Kenya did not negotiate with Uganda.", "Kenya will not negotiate with Uganda."):
        found = [e for e in _events(nlp, text) if e["type"] == "DISCUSS"]
        assert [e["status"] for e in found] == ["negated"], text


@pytest.mark.parametrize(
    "text",
    [
        "The Kremlin did not rule out that Putin could visit Pyongyang in June.",
        "Moscow did not deny that Lavrov would visit Seoul.",
    ],
)
def test_a_denial_or_ruling_out_that_is_negated_leaves_the_event_possible(
    nlp: Any, text: str
) -> None:
    found = [e for e in _events(nlp, text) if e["type"] == "VISIT"]
    assert [e["status"] for e in found] == ["possible"]


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # the plan's own event sits in a relative clause of the noun called off
        (
            "A joint commission of Chile and Peru that was to have met in Arica this month "
            "was called off.",
            "MEET",
        ),
        ("The ceremony at which Chile and Peru were to sign the treaty was cancelled.", "AGREE"),
        # ... of a place inside the noun called off ('his trip to Beira, where …')
        (
            "Her trip to Kisumu, where she was to meet President Ruto, was scrapped on Monday.",
            "MEET",
        ),
        # ... or of a noun said not to take place
        ("A forum at which Chile and Peru were to sign the treaty will not take place.", "AGREE"),
    ],
)
def test_a_plan_told_in_a_relative_clause_is_called_off_with_its_noun(
    nlp: Any, text: str, kind: str
) -> None:
    found = [e for e in _events(nlp, text) if e["type"] == kind]
    assert [e["status"] for e in found] == ["negated"]


def test_what_a_relative_clause_tells_of_a_noun_called_off_keeps_its_own_status(nlp: Any) -> None:
    text = "The summit, which Chile announced on Monday, was cancelled."
    statements = [e for e in _events(nlp, text) if e["type"] == "STATEMENT"]
    assert [e["status"] for e in statements] == ["occurred"]


def test_a_plan_told_in_a_relative_clause_is_put_off_with_its_noun(nlp: Any) -> None:
    text = "The tariff protocol that Georgia and Armenia were to sign on Thursday was put off."
    signing = [e for e in _events(nlp, text) if e["type"] == "AGREE"]
    assert [(e["status"], e["change"], e["time"]["value"]) for e in signing] == [
        ("planned", "postponed", None)
    ]


def test_a_trip_called_off_without_its_traveller_is_the_trip_the_text_is_about(
    nlp: Any,
) -> None:
    text = (
        "Foreign Minister Ana Brnabic arrived in Rabat on Monday. "
        "A stop in Tunis, planned for Friday, was cancelled on Tuesday."
    )
    called_off = [e for e in _events(nlp, text) if e["status"] == "negated"]
    assert [(e["type"], e["source"], e["location"]) for e in called_off] == [
        ("VISIT", ["ana-brnabic"], "Tunis")
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Protests over beef imports delayed the president's visit to Seoul in March.",
        "The president's visit to Seoul was delayed by protests over beef imports.",
    ],
)
def test_what_puts_off_a_plan_is_not_itself_put_off(nlp: Any, text: str) -> None:
    protests = [e for e in events_of(nlp, text, DCT) if e["type"] == "PROTEST"]
    assert [e["status"] for e in protests] == ["occurred"]


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        (
            "Q: There are reports that Norway will expel Russian diplomats.\n\n"
            "A: That is not true. We have not expelled anyone.",
            "SANCTION",
        ),
        (
            "Reports in Washington say Canada threatened to walk away from the trade review. "
            "Is that true?\n\nThat is false. Nobody has threatened anything.",
            "THREATEN",
        ),
        (
            "QUESTION: Is Chile negotiating a defence pact with Peru, as reported in Lima?\n\n"
            "FOREIGN MINISTER ROJAS: There is no such negotiation.",
            "DISCUSS",
        ),
    ],
)
def test_what_the_next_answer_flatly_denies_did_not_happen(nlp: Any, text: str, kind: str) -> None:
    found = [e for e in events_of(nlp, text, DCT) if e["type"] == kind]
    assert [e["status"] for e in found] == ["negated"]


def test_a_claim_answered_with_something_else_stands(nlp: Any) -> None:
    text = (
        "Q: There are reports that Norway will expel Russian diplomats.\n\n"
        "A: We will decide next week."
    )
    found = [e for e in events_of(nlp, text, DCT) if e["type"] == "SANCTION"]
    assert found and all(e["status"] != "negated" for e in found)


def test_a_plan_in_a_relative_clause_of_what_was_called_off_is_cancelled(nlp: Any) -> None:
    text = (
        "A joint commission of Morocco and Algeria that was to have met in Oujda this month "
        "was called off, and neither side has suggested a new date."
    )
    meetings = [e for e in events_of(nlp, text, DCT) if e["type"] == "MEET"]
    assert [e["status"] for e in meetings] == ["negated"]


def test_a_headlines_subject_with_a_bare_infinitive_tells_a_plan(nlp: Any) -> None:
    text = "URGENT - ASEAN Secretary-General to travel to Phnom Penh on Saturday"
    visits = [e for e in events_of(nlp, text, DCT) if e["type"] == "VISIT"]
    assert [e["status"] for e in visits] == ["planned"]


def test_a_reported_would_in_a_second_clause_is_a_plan(nlp: Any) -> None:
    # backshifted 'will' in the second of two reported clauses, and in a clause the parser
    # hangs on the reporting verb's day: each tells a plan, as the first clause's would
    joined = _events(
        nlp,
        "Its chairman told the Herald that his party would vote against the bill and would "
        "bring supporters to a protest outside parliament on Friday.",
    )
    assert [e["status"] for e in joined if e["type"] == "PROTEST"] == ["planned"]
    day = _events(
        nlp, "The European Union said the same day that it would extend in May its sanctions."
    )
    assert [e["status"] for e in day if e["type"] == "SANCTION"] == ["planned"]


def test_a_plan_that_will_not_take_place_on_its_date_is_put_off(nlp: Any) -> None:
    # not on the day it was set for: another day, so put off (planned, no new date), not
    # called off; without the day it stays called off
    text = (
        "The trade conference that Peru was to host in Lima on April 28 will not take place "
        "on that date, the ministry said."
    )
    moved = [e for e in _events(nlp, text) if e["type"] == "MEET"]
    assert [(e["status"], e["change"], e["time"]["value"]) for e in moved] == [
        ("planned", "postponed", None)
    ]
    off = _events(nlp, "The trade conference that Peru was to host in Lima will not take place.")
    assert [e["status"] for e in off if e["type"] == "MEET"] == ["negated"]


def test_a_strike_or_blockade_since_a_day_is_under_way(nlp: Any) -> None:
    # a present perfect with 'since' and a day: begun then and still going on
    strike = _events(nlp, "Dock workers in Durban have been on strike since Monday over pay.")
    assert [(e["type"], e["status"]) for e in strike] == [("PROTEST", "ongoing")]
    blocked = _events(
        nlp, "Hundreds of farmers have blocked the border crossing since Friday, protesting."
    )
    assert "ongoing" in [e["status"] for e in blocked if e["type"] == "PROTEST"]
    # without 'since' the perfect tells a strike that took place
    done = _events(nlp, "Dock workers in Durban have staged a strike over pay.")
    assert [e["status"] for e in done if e["type"] == "PROTEST"] == ["occurred"]


def test_a_strike_or_rally_called_is_planned_and_talks_called_for_possible(nlp: Any) -> None:
    called = _events(nlp, "Opposition parties have called a nationwide strike for Thursday.")
    assert [(e["type"], e["status"]) for e in called] == [("PROTEST", "planned")]
    passive = _events(nlp, "Further protests have been called for 20 April.")
    assert [e["status"] for e in passive if e["type"] == "PROTEST"] == ["planned"]
    # and the protest it is called for is the same plan: one row
    purpose = _events(
        nlp, "Unions have called a general strike for Friday to protest against the reform."
    )
    assert [(e["type"], e["status"]) for e in purpose] == [("PROTEST", "planned")]
    asked = _events(nlp, "The EU called for talks between Serbia and Kosovo.")
    assert [e["status"] for e in asked if e["type"] == "MEET"] == ["possible"]
    # 'call' naming what happened is no plan of it
    named = _events(
        nlp, "Serbia held talks with Kosovo on Monday. Belgrade called the talks useful."
    )
    assert {e["status"] for e in named if e["type"] == "MEET"} == {"occurred"}


def test_a_visit_put_off_for_a_second_time_is_planned(nlp: Any) -> None:
    # the object shifted past 'for a second time': the parser takes it for the subject of
    # the 'after' clause, yet the visit is what was postponed
    text = (
        "Chile has postponed for a second time a visit by the Peruvian President after the "
        "cabinet resigned on Friday."
    )
    visits = [e for e in _events(nlp, text) if e["type"] == "VISIT"]
    assert [(e["status"], e["change"]) for e in visits] == [("planned", "postponed")]


def test_visits_made_since_a_month_are_not_under_way(nlp: Any) -> None:
    text = "Kazakh President Serik Dauletov has visited Qatar and Oman since January."
    assert {e["status"] for e in _events(nlp, text) if e["type"] == "VISIT"} == {"occurred"}


def test_an_arrival_with_a_stay_until_a_day_to_come_or_a_return_today_is_under_way(
    nlp: Any,
) -> None:
    # read on Tuesday: staying until Thursday, or flying home today, the visitor is there
    stay = _events(nlp, "William Ruto arrived in Kampala on Sunday and will stay until Thursday.")
    visits = [e for e in stay if e["type"] == "VISIT"]
    assert [(e["status"], e["time"]["value"]) for e in visits] == [
        ("ongoing", "2026-04-12/2026-04-16")
    ]
    today = _events(
        nlp, "William Ruto arrived in Kampala on Sunday and returns to Nairobi on Tuesday."
    )
    visits = [e for e in today if e["type"] == "VISIT"]
    assert [(e["status"], e["time"]["value"]) for e in visits] == [
        ("ongoing", "2026-04-12/2026-04-14")
    ]


def test_an_occasion_someone_may_skip_is_still_planned(nlp: Any) -> None:
    # the doubt is whether the president comes, not whether the summit is held
    text = "Some analysts say the President could skip the ASEAN summit in Manila in November."
    assert [e["status"] for e in _events(nlp, text) if e["type"] == "MEET"] == ["planned"]
    told = "Egypt said Abdelatty must accompany Sisi to an Arab League meeting in Algiers on May 2."
    assert [e["status"] for e in _events(nlp, told) if e["type"] == "MEET"] == ["planned"]
    # talks of his own are held only if he comes
    own = "Armenia's foreign minister said he might skip talks with Azerbaijan in November."
    assert [e["status"] for e in _events(nlp, own) if e["type"] == "MEET"] == ["possible"]


def test_a_threat_or_offer_made_on_a_condition_was_made(nlp: Any) -> None:
    # the 'if' is what the threat or the offer is about; the act itself was done
    threat = _events(nlp, "The union threatened a general strike if wages were not raised.")
    assert [e["status"] for e in threat if e["type"] == "THREATEN"] == ["occurred"]
    assert [e["status"] for e in threat if e["type"] == "PROTEST"] == ["possible"]
    # a clause still to come keeps its condition
    future = _events(nlp, "The union will strike in May if wages are not raised.")
    assert [e["status"] for e in future if e["type"] == "PROTEST"] == ["possible"]


def test_a_past_tense_inside_the_if_clause_is_only_supposed(nlp: Any) -> None:
    # the act told by the 'if' clause itself is the condition, not something done, and so
    # is the act coordinated with it ('met and agreed')
    text = "The border could reopen next month if Chilean and Bolivian commanders met and agreed."
    found = {e["type"]: e["status"] for e in _events(nlp, text)}
    assert (found.get("MEET"), found.get("AGREE")) == ("possible", "possible")


def test_the_occasion_where_a_plan_word_is_said_was_held(nlp: Any) -> None:
    # 'pledged … at a conference': the conference is where it was said, not what is pledged
    text = "Donors pledged $200 million for Haiti on Monday at a conference hosted by Canada."
    assert [e["status"] for e in _events(nlp, text) if e["type"] == "MEET"] == ["occurred"]


@pytest.mark.model
def test_unable_to_travel_negates_the_trip(nlp: Any) -> None:
    text = "The ministry said the Prime Minister of Fiji is unable to travel to Tonga next week."
    visits = [e for e in events_of(nlp, text, date(2025, 5, 21)) if e["type"] == "VISIT"]
    assert [e["status"] for e in visits] == ["negated"]


def test_what_one_is_not_able_to_do_has_the_status_of_being_able(nlp: Any) -> None:
    # 'able' is no governor: the clause of 'be' decides (negated 'not', 'no longer')
    for text in (
        "Kenya's foreign minister Musalia Mudavadi is no longer able to travel to Ghana next week.",
        "Kenya's foreign minister Musalia Mudavadi was not able to travel to Ghana on Monday.",
    ):
        [visit] = [e for e in _events(nlp, text) if e["type"] == "VISIT"]
        assert visit["status"] == "negated", text


def test_an_event_said_not_to_take_place_is_called_off(nlp: Any) -> None:
    # 'will not take place' calls the signing off as 'has been cancelled' would: the
    # signing, named by nothing told before, is then of the parties of the talks
    text = (
        "Chilean Foreign Minister Ana Lopes met Bolivian Foreign Minister Juan Mamani in La Paz "
        "on Monday. The signing, which was scheduled for this afternoon, will not take place."
    )
    [signing] = [e for e in _events(nlp, text) if e["type"] == "AGREE"]
    assert (signing["status"], signing["change"]) == ("negated", "cancelled")
    assert {"ana-lopes", "juan-mamani"} <= set(signing["source"] + signing["target"])


def test_an_occasion_that_did_not_go_ahead_was_cancelled_but_one_that_did_not_end_was_not(
    nlp: Any,
) -> None:
    text = "Lula and Ishiba were to hold talks in Tokyo on April 20. The talks did not go ahead."
    [talks] = [e for e in _events(nlp, text) if e["type"] == "MEET"]
    assert (talks["status"], talks["change"]) == ("negated", "cancelled")
    text = "Lula and Ishiba held talks in Tokyo on April 10. The talks did not end on Friday."
    assert all(e["change"] is None for e in _events(nlp, text))
    # the simple present tells a habit: no summit called off
    text = "The summit between Sweden and Norway does not take place in winter."
    assert [e for e in _events(nlp, text) if e["type"] == "MEET"] == []


def test_every_occurrence_verb_said_not_to_happen_calls_the_plan_off(nlp: Any) -> None:
    # 'did not occur', 'did not materialize' call a plan off as 'did not take place' does
    # (one list: cues.json cancel_verbs), and the simple present is a habit of each
    for verb in ("occur", "materialize", "take place"):
        text = f"The talks between Chile and Peru, set for Monday, did not {verb}."
        found = [e for e in _events(nlp, text) if e["type"] == "MEET"]
        assert [(e["status"], e["change"]) for e in found] == [("negated", "cancelled")]
        habit = f"The talks between Chile and Peru do not {verb} in winter."
        assert [e for e in _events(nlp, habit) if e["type"] == "MEET"] == []


def test_a_cue_added_to_cancel_verbs_reaches_every_reader_of_it() -> None:
    # calls_off, held_negated, held_later and component._habit_denied read cues.json
    # cancel_verbs through status.negation_kind: a made-up cue counts once listed there
    from dateline.events import status

    without, listed = {"cancel_verbs": ["call off"]}, {"cancel_verbs": ["call off", "not convene"]}
    assert status.negation_kind("not convene", without) is None
    assert status.negation_kind("not convene", listed) == "not held"
    assert status.held_negated("not convene", listed) and status.calls_off("not convene", listed)
    assert not status.held_negated("call off", listed) and status.calls_off("call off", listed)
    assert status.negation_kind("never", listed) == "negation"
    assert not status.calls_off("never", listed) and not status.calls_off(None, listed)


def test_a_visit_told_by_its_closing_day_is_under_way_on_that_day(nlp: Any) -> None:
    # the ordinal days of a stay are those of a range of days (timing.day_of_the_range)
    text = (
        "Presidents Ana Ruiz and Juma Okello signed agreements on fisheries on Wednesday "
        "after talks in Nairobi, on the closing day of Ruiz's state visit."
    )
    visits = [e for e in _events(nlp, text, date(2026, 8, 19)) if e["type"] == "VISIT"]
    assert [(e["status"], e["cue"]) for e in visits] == [("ongoing", "day of the visit")]
    text = (
        "Chile and Peru met in Lima from April 1 to April 8 and, on the sixth day, signed a "
        "fisheries accord."
    )
    signed = [e for e in _events(nlp, text, date(2026, 4, 20)) if e["type"] == "AGREE"]
    assert [e["time"]["value"] for e in signed] == ["2026-04-06"]


def test_a_past_act_keeps_its_tense_over_a_later_time(nlp: Any) -> None:
    # 'in September' is the strike's, not the threat's: the threat was made, undated
    text = (
        "Paolo Benedetti, the union's leader, also threatened a 48-hour strike in September "
        "if the company did not open talks."
    )
    threat = [e for e in _events(nlp, text, date(2026, 8, 6)) if e["type"] == "THREATEN"]
    assert [(e["status"], e["time"]["value"]) for e in threat] == [("occurred", None)]
    # a noun its own past participle says was done, read forward under a future clause
    text = (
        "The agreements signed by Brazil and South Africa in Pretoria on Wednesday will cut "
        "tariffs on ethanol, officials said."
    )
    signed = [e for e in _events(nlp, text, date(2026, 8, 21)) if e["type"] == "AGREE"]
    assert [e["status"] for e in signed] == ["occurred"]


def test_a_visit_told_by_one_of_its_days_is_under_way_on_that_day(nlp: Any) -> None:
    text = (
        "Presidents Ana Ruiz and Juma Okello signed agreements on fisheries on Wednesday "
        "after talks in Nairobi, on the second day of Ruiz's state visit."
    )
    wednesday, thursday = date(2026, 8, 19), date(2026, 8, 20)
    on_the_day = [e for e in _events(nlp, text, wednesday) if e["type"] == "VISIT"]
    assert [(e["status"], e["cue"]) for e in on_the_day] == [("ongoing", "day of the visit")]
    last = text.replace("second day", "second and last day")
    after_the_last = [e for e in _events(nlp, last, thursday) if e["type"] == "VISIT"]
    assert [e["status"] for e in after_the_last] == ["occurred"]


def test_a_plan_dropped_and_called_off_is_cancelled(nlp: Any) -> None:
    # the parser hangs 'has been dropped' on 'called off' after the colon: a second
    # cancellation, not 'did not cancel'
    text = (
        "The ministerial meeting in Cairo that we listed for Saturday has been dropped: the "
        "league called it off on Friday."
    )
    found = [e for e in _events(nlp, text, date(2016, 5, 8)) if e["type"] == "MEET"]
    assert [(e["status"], e["change"]) for e in found] == [("negated", "cancelled")]


def test_a_plan_that_does_not_take_place_is_called_off_or_put_off(nlp: Any) -> None:
    # 'will not go ahead', 'did not take place': called off, at the time it was set for
    off = _events(
        nlp,
        "A meeting in Geneva between officials of Chile and Peru, set for Friday, will not go "
        "ahead.",
    )
    assert [(e["status"], e["change"], e["time"]["value"]) for e in off] == [
        ("negated", "cancelled", "2026-04-17")
    ]
    # with a new date awaited: put off, undated
    text = (
        "The exchange of prisoners between Chile and Peru, set for Monday, did not take "
        "place, and no new date has been set."
    )
    moved = [e for e in _events(nlp, text) if e["type"] != "STATEMENT"]
    assert [(e["status"], e["change"], e["time"]["value"]) for e in moved] == [
        ("planned", "postponed", None)
    ]


def test_an_arrival_whose_going_home_is_still_ahead_is_under_way(nlp: Any) -> None:
    # 'before flying home' hangs on a future act: no departure told, the visitor is there
    text = (
        "Chilean President Ana Ruiz arrived in Hanoi on Monday evening and will tour the port "
        "of Haiphong on Wednesday before flying home."
    )
    arrival = [e for e in _events(nlp, text) if e["type"] == "VISIT" and e["status"] != "planned"]
    assert [e["status"] for e in arrival] == ["ongoing"]


def test_was_due_in_a_place_is_a_plan_told_in_the_past(nlp: Any) -> None:
    text = (
        "Chilean President Ana Ruiz was due in Hanoi this morning for talks with Vietnam's "
        "president, her office said."
    )
    found = [e for e in _events(nlp, text) if e["type"] in ("VISIT", "MEET")]
    assert [(e["type"], e["status"]) for e in found] == [("VISIT", "planned"), ("MEET", "planned")]
    # its day gone and nothing said of what became of it: no event (a past plan)
    gone = (
        "Chilean President Ana Ruiz was due in Hanoi on Monday for talks with Vietnam's president."
    )
    assert [e for e in _events(nlp, gone) if e["type"] in ("VISIT", "MEET")] == []


def test_a_noun_conjoined_to_a_plan_word_of_its_kind_is_not_planned_by_it(nlp: Any) -> None:
    # the second pledge hangs on the first: a conjunct, not a noun that plans it
    text = (
        "The amount drew criticism next to Britain's pledge of 95 million dollars, or "
        "Sweden's pledge of 75 million dollars."
    )
    aid = [e for e in _events(nlp, text, date(2005, 1, 1)) if e["type"] == "AID"]
    assert [(e["source"], e["status"]) for e in aid] == [
        (["GBR"], "occurred"),
        (["SWE"], "occurred"),
    ]


def test_a_plan_not_held_as_set_and_held_later_is_put_off(nlp: Any) -> None:
    # the rest of the sentence, or the next one, says the plan will be held later: put off
    text = (
        "Chile and Peru failed to carry out the exchange of prisoners on Thursday and will now "
        "try again on May 12."
    )
    swap = [e for e in _events(nlp, text) if e["type"] == "COOPERATE"]
    assert [(e["status"], e["change"]) for e in swap] == [("planned", "postponed")]
    text = (
        "The signing of the accord between Chile and Peru was called off on Monday. The accord "
        "is now expected to be signed at a later date."
    )
    signing = [e for e in _events(nlp, text) if e["type"] == "AGREE"]
    assert [(e["status"], e["change"]) for e in signing] == [("planned", "postponed")]
    # a later holding hoped for, denied, or of another plan leaves it called off
    for text in (
        "The signing of the accord between Chile and Peru will not go ahead, an official "
        "said, adding that the accord could instead be signed at a later date.",
        "The summit between Chile and Peru did not take place, and it was never rescheduled.",
        "The summit between Chile and Peru was called off, and a forum in Quito has been "
        "postponed until May.",
    ):
        off = [e for e in _events(nlp, text) if e["type"] in ("AGREE", "MEET")]
        assert ("negated", "cancelled") in [(e["status"], e["change"]) for e in off], text


def test_an_occasion_whose_days_run_past_the_dct_is_under_way(nlp: Any) -> None:
    text = "The ASEAN summit opened in Jakarta on Tuesday and runs until Thursday."
    summit = [e for e in _events(nlp, text, date(2026, 4, 15)) if e["type"] == "MEET"]
    assert [(e["status"], e["time"]["value"]) for e in summit] == [
        ("ongoing", "2026-04-14/2026-04-16")
    ]
    # days told in the past that end on the DCT are over ('after two days of talks')
    text = "Chile and Peru held talks in Lima from Monday to Wednesday."
    done = [e for e in _events(nlp, text, date(2026, 4, 15)) if e["type"] == "MEET"]
    assert [(e["status"], e["time"]["value"]) for e in done] == [
        ("occurred", "2026-04-13/2026-04-15")
    ]


def test_a_call_in_which_a_plan_was_agreed_was_held(nlp: Any) -> None:
    # the occasion where a plan word was said is its setting, held, not what it plans
    text = (
        "Minister Ana Lopes agreed in talks with Minister Karl Berg on Monday to extend the truce."
    )
    talks = [e for e in _events(nlp, text) if e["type"] == "MEET"]
    assert [(e["status"], e["time"]["value"]) for e in talks] == [("occurred", "2026-04-13")]


def test_an_invitation_extended_in_a_call_does_not_plan_the_call(nlp: Any) -> None:
    # a relative clause on 'invitation' tells the inviting, done, not what is invited
    text = (
        "Ruiz accepted an invitation that Prime Minister Olga Berg extended during a telephone "
        "call in March, his spokesman said."
    )
    call = [e for e in _events(nlp, text) if e["type"] == "MEET"]
    assert [(e["status"], e["time"]["value"]) for e in call] == [("occurred", "2026-03")]
    # a clause that 'that' marks is the noun's content: still the plan
    plan = _events(nlp, "Ruiz welcomed the plan that President Olga Berg would visit Lima in May.")
    assert [(e["type"], e["status"]) for e in plan] == [("VISIT", "planned")]


def test_a_meeting_in_a_story_that_is_dismissed_is_denied(nlp: Any) -> None:
    text = (
        "She dismisses a story, printed by a weekly paper in 2015, that she met Peru's foreign "
        "minister secretly in Tacna in 2009."
    )
    meeting = [e for e in _events(nlp, text) if e["type"] == "MEET"]
    assert [(e["status"], e["cue"]) for e in meeting] == [("negated", "dismiss")]


def test_a_modal_on_what_befalls_a_planned_occasion_leaves_it_planned(nlp: Any) -> None:
    text = "The Andean Community summit planned for Quito in June would almost certainly be lost."
    summit = [e for e in _events(nlp, text) if e["type"] == "MEET"]
    assert [(e["status"], e["cue"]) for e in summit] == [("planned", "planned")]
    # a modal on the event itself still doubts it
    text = "President Ana Lopes could visit Quito in December."
    assert [e["status"] for e in _events(nlp, text) if e["type"] == "VISIT"] == ["possible"]


def test_a_plan_participle_the_parser_made_the_nouns_verb_describes_the_noun(nlp: Any) -> None:
    # 'set for Friday' and 'postponed in July' describe the talks; the parser made them the
    # verb whose subject the talks are, and the real predicate its clausal subject's head or
    # its conjunct
    text = (
        "The talks between Peru and Chile set for Friday in Lima have been cancelled, the "
        "foreign ministry said."
    )
    talks = [e for e in _events(nlp, text) if e["type"] == "MEET"]
    assert [(e["status"], e["cue"]) for e in talks] == [("negated", "cancel")]
    text = (
        "Bolivia said that the third round of talks with Chile, postponed in July, would not "
        "take place."
    )
    talks = [e for e in _events(nlp, text) if e["type"] == "MEET"]
    assert [(e["status"], e["cue"]) for e in talks] == [("negated", "not take place")]


def test_a_past_plan_called_off_in_the_next_sentence_by_a_noun_or_an_object_that_refers_to_it(
    nlp: Any,
) -> None:
    # 'that stop', 'those talks' of the plan's own kind, or 'it' as the object of an active
    # change, stand for the plan told in the sentence before
    text = (
        "Chile's President was due to stop in Quito on his way back from a visit to Peru next "
        "week. His office says that stop has been dropped."
    )
    # of the two plans the sentence before tells, the one its word names ('that stop')
    visits = [e for e in _events(nlp, text) if e["type"] == "VISIT"]
    assert [(e["status"], e["change"]) for e in visits if e["location"] == "Quito"] == [
        ("negated", "cancelled")
    ]
    text = (
        "Envoy Carl Nyberg had been due to hold talks in Kigali with Rwanda's foreign minister "
        "next week. Those talks will not take place."
    )
    talks = [e for e in _events(nlp, text) if e["type"] == "MEET"]
    assert [(e["status"], e["change"]) for e in talks] == [("negated", "cancelled")]
    text = (
        "President Ana Lopes had been due to visit Lima from May 9 to 12. On Monday her office "
        "cancelled it outright."
    )
    visit = [e for e in _events(nlp, text) if e["type"] == "VISIT"]
    assert [(e["status"], e["change"]) for e in visit] == [("negated", "cancelled")]
    # a noun of another kind is another plan
    text = (
        "Chile's President was due to stop in Quito on his way home next week. His office "
        "says that exercise has been dropped."
    )
    stop = [e for e in _events(nlp, text) if e["type"] == "VISIT"]
    assert [e["status"] for e in stop] == ["planned"]


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        ("Peru and Chile have put back their annual strategic dialogue by a month.", "put back"),
        ("The talks between Ana Lopes and Karl Berg, which were set for Friday, have been "
         "brought forward to Thursday evening.", "bring forward"),
        ("President Ana Lopes's trip to Quito, listed for Thursday, has been moved to May 26.",
         "moved to"),
    ],
)  # fmt: skip
def test_a_plan_moved_to_another_day_is_still_planned(nlp: Any, text: str, cue: str) -> None:
    # put back, brought forward or moved to a day: set for another day, not held
    events = [e for e in _events(nlp, text) if e["type"] in ("MEET", "VISIT")]
    assert [(e["status"], e["cue"]) for e in events] == [("planned", cue)]


def test_troops_moved_to_a_place_are_no_plan_moved(nlp: Any) -> None:
    deployed = [e for e in _events(nlp, "Kenya moved troops to the border on Monday.")]
    assert [(e["type"], e["status"]) for e in deployed] == [("DEPLOY", "occurred")]


def _moves(nlp: Any, text: str, kind: str) -> list[tuple[str, str | None, str | None, str | None]]:
    found = [e for e in _events(nlp, text, date(2026, 9, 1)) if e["type"] == kind]
    return [(e["status"], e["time"]["value"], e["location"], e["change"]) for e in found]


def test_a_plan_told_now_beside_its_old_date_is_one_plan_moved(nlp: Any) -> None:
    # the old date told as a plan in the past, in the sentence or the one before: one row
    # at the new date, at the place told with the old one, marked moved
    moved = [("planned", "2026-10-27", "Lima", "postponed")]
    for text in (
        "President Ruiz was due to visit Lima on October 6. He will now travel there on "
        "October 27.",
        "President Ruiz had been scheduled to visit Lima on October 6, but he will now travel "
        "there on October 27.",
    ):
        assert _moves(nlp, text, "VISIT") == moved, text
    # a participle of the first date beside the new one
    text = (
        "The talks between Ghana and Togo, first set for October 3, will now open on November 10."
    )
    assert _moves(nlp, text, "MEET") == [("planned", "2026-11-10", None, "postponed")]
    # the new holding told with no word of the plan's own type
    text = (
        "Talks between Ghana and Togo had been scheduled for October 3. They will now take "
        "place on November 10."
    )
    assert _moves(nlp, text, "MEET") == [("planned", "2026-11-10", None, "postponed")]


def test_a_stay_told_as_had_been_due_is_a_plan_told_in_the_past(nlp: Any) -> None:
    # 'had been due in' / 'had been expected in' as 'was due in': the plan told in the past,
    # which a new holding with 'now' in the next sentence moves
    for participle in ("due", "expected"):
        text = (
            f"Talks between Ghana and Togo had been {participle} in Accra on October 3. The "
            "talks will now be held on November 10."
        )
        moved = _moves(nlp, text, "MEET")
        assert [(s, t, c) for s, t, _, c in moved] == [("planned", "2026-11-10", "postponed")]


def test_a_new_holding_told_by_any_verb_of_holding_with_now_moves_the_plan(nlp: Any) -> None:
    # the one list of verbs that tell a plan's new time (status.held_now, which timing's new
    # time after reads too): 'resume' as well as 'take place'
    text = (
        "Talks between Ghana and Togo had been scheduled for October 3. They will now resume "
        "on November 10."
    )
    assert _moves(nlp, text, "MEET") == [("planned", "2026-11-10", None, "postponed")]


def test_now_without_an_old_date_or_at_another_place_moves_nothing(nlp: Any) -> None:
    text = "President Ruiz will visit Lima on October 6. He will also visit Quito on October 27."
    assert [c for *_, c in _moves(nlp, text, "VISIT")] == [None, None]
    text = "President Ruiz will now visit Lima on October 27, his office said."
    assert _moves(nlp, text, "VISIT") == [("planned", "2026-10-27", "Lima", None)]
    # the old plan in another country: another trip, not this one moved
    text = (
        "Prime Minister Okafor was due to visit Nairobi on October 6. She will now visit "
        "Kampala on October 27."
    )
    assert [c for *_, c in _moves(nlp, text, "VISIT")] == [None, None]


def test_an_occasion_before_or_after_a_plan_or_a_journey_under_way_lies_ahead(
    nlp: Any,
) -> None:
    # 'following X, … will …': what comes before a plan told with 'will' is ahead too
    text = "Following talks with Kenyatta, President Ruiz will fly to Kampala."
    [meet] = [e for e in _events(nlp, text) if e["type"] == "MEET"]
    assert meet["status"] == "planned"
    # 'has arrived … prior to / ahead of the summit': the summit is still to come
    for prep in ("prior to", "ahead of"):
        text = f"President Ruiz has arrived in Lima {prep} the APEC summit."
        [meet] = [e for e in _events(nlp, text) if e["type"] == "MEET"]
        assert meet["status"] == "planned", prep
    # an own past time still makes it done; a past journey says nothing of what is ahead
    text = "Following last week's summit in Riga, President Ruiz will travel to Quito."
    [meet] = [e for e in _events(nlp, text) if e["type"] == "MEET"]
    assert meet["status"] == "occurred"
    text = "President Ruiz arrived in Lima in 2019 ahead of the APEC summit."
    [meet] = [e for e in _events(nlp, text) if e["type"] == "MEET"]
    assert meet["status"] == "occurred"
