"""Every example of every trigger entry in events/resources/triggers.json runs here."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from conftest import events_of
from dateline.events.lexicon import EVENT_TYPES, load_lexicon
from dateline.model import Article

LEXICON = load_lexicon()
EXAMPLES = [
    pytest.param(
        trigger.type,
        trigger.lemma,
        text,
        status,
        id=f"{trigger.lemma}-{trigger.pos}-{trigger.type}-{n}",
    )
    for trigger in LEXICON.all_triggers()
    for n, (text, status) in enumerate(trigger.examples)
]


def kinds(nlp: Any, text: str, day: date) -> set[tuple[str, str]]:
    """The (type, status) pairs of the events found in ``text``."""
    return {(e["type"], e["status"]) for e in events_of(nlp, text, day)}


def test_every_design_type_has_a_trigger_and_codes() -> None:
    assert {t.type for t in LEXICON.triggers.values()} == set(EVENT_TYPES)
    for name in EVENT_TYPES:
        assert LEXICON.types[name].cameo


@pytest.mark.model
@pytest.mark.parametrize(("kind", "lemma", "text", "status"), EXAMPLES)
def test_trigger_example(nlp: Any, kind: str, lemma: str, text: str, status: str) -> None:
    """The example gives an event of the entry's type and status, and the entry's own
    word is the trigger that fired it."""
    from dateline.extract import extract

    events = extract(Article(text=text, dct=date(2025, 5, 21)), nlp)["events"]
    found = [(e["type"], e["status"]) for e in events]
    assert (kind, status) in found, found
    fired = {e["trigger"] for e in events if (e["type"], e["status"]) == (kind, status)}
    assert lemma in fired, (lemma, fired)


@pytest.mark.model
def test_a_warning_that_forces_will_punish_is_a_threat_even_after_another_verb(
    nlp: Any,
) -> None:
    joined = "South Korea warned that its forces are ready and will punish the North."
    forecast = "South Korea warned that prices are rising and will stay high."
    assert "THREATEN" in {e["type"] for e in events_of(nlp, joined, date(2013, 3, 30))}
    assert "THREATEN" not in {e["type"] for e in events_of(nlp, forecast, date(2013, 3, 30))}


@pytest.mark.model
def test_a_warning_of_what_a_party_would_do_is_a_threat_and_of_what_would_befall_it_not(
    nlp: Any,
) -> None:
    acts = [
        "Cambodia's minister warned that Cambodia could take the dispute to the commission.",
        "Cabrera warned that he would go to the Supreme Court.",
        "Bolivia warned that the army would not tolerate defiance.",
    ]
    forecasts = [
        "Economists warned that a long delay could cost Georgia revenue.",
        "General Stanley McChrystal warned that the United States could lose the fight.",
        "Diplomats warned that the date could slip.",
    ]
    for text in acts:
        assert "THREATEN" in {e["type"] for e in events_of(nlp, text, date(2018, 8, 29))}, text
    for text in forecasts:
        found = {e["type"] for e in events_of(nlp, text, date(2018, 8, 29))}
        assert "THREATEN" not in found, text


@pytest.mark.model
def test_revoking_sanctions_is_a_sanction_event_by_the_one_who_revokes(nlp: Any) -> None:
    events = events_of(nlp, "Washington revoked economic sanctions on Sudan.", date(2017, 10, 6))
    sanctions = [e for e in events if e["type"] == "SANCTION"]
    assert [(e["source"], e["target"]) for e in sanctions] == [(["USA"], ["SDN"])]


@pytest.mark.model
def test_going_to_a_place_is_travel_but_going_to_war_or_to_a_person_is_not(nlp: Any) -> None:
    dct = date(2008, 3, 31)
    assert [e["type"] for e in events_of(nlp, "Keir Starmer went to Kyiv.", dct)] == ["VISIT"]
    for text in ("Britain went to war in 2003.", "The prize went to Maria Ressa."):
        assert events_of(nlp, text, dct) == [], text


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Kenyan teachers said their nationwide strike would go on.", "PROTEST"),
        ("Dock workers went on strike on Monday.", "PROTEST"),
        ("The union called a strike over pay.", "PROTEST"),
        ("Nurses suspended their strike on Tuesday.", "PROTEST"),
        ("Israel carried out strikes on Lebanon.", "ATTACK"),
        ("Israeli drone strikes hit Gaza on Monday.", "ATTACK"),
        ("The Congolese army launched a strike against rebel positions near Goma.", "ATTACK"),
        # a labour word outweighs 'against': what the strike is against is a reform
        ("Unions held a general strike against the pension reform on Monday.", "PROTEST"),
        # the verb: who strikes decides
        ("Teachers struck for higher pay in Nairobi on Monday.", "PROTEST"),
        ("Israel struck targets in Lebanon on Monday.", "ATTACK"),
        # no word of its own: the article's other strike decides
        ("The union called a strike for Monday. A strike at the port would halt trade.", "PROTEST"),
        (
            "Israeli air strikes hit Gaza. Israel said the strike at the port was a success.",
            "ATTACK",
        ),
    ],
)
def test_a_strike_that_stops_work_is_a_protest_and_one_that_hits_is_an_attack(
    nlp: Any, text: str, kind: str
) -> None:
    found = [
        e["type"]
        for e in events_of(nlp, text, date(2027, 3, 2))
        if e["type"] in ("PROTEST", "ATTACK")
    ]
    assert found and set(found) == {kind}


@pytest.mark.model
def test_a_news_conference_is_a_meeting_only_when_joint(nlp: Any) -> None:
    joint = "Bush and Lee Myung-bak held a joint news conference in Seoul."
    alone = "Bush told a news conference in Seoul that talks would continue."
    assert "MEET" in {e["type"] for e in events_of(nlp, joint, date(2008, 8, 6))}
    assert "MEET" not in {e["type"] for e in events_of(nlp, alone, date(2008, 8, 6))}


@pytest.mark.model
def test_a_strike_by_workers_is_a_protest_and_striking_a_note_no_attack(nlp: Any) -> None:
    found = events_of(nlp, "The strike by Kenyan doctors entered its third week.", date(2023, 3, 7))
    assert [e["type"] for e in found] == ["PROTEST"]
    note = "Ruto, the Kenyan president, struck a conciliatory note in Nairobi on Monday."
    assert [e["type"] for e in events_of(nlp, note, date(2023, 3, 7))] == []


@pytest.mark.model
def test_exchanging_fire_is_an_attack_but_exchanging_views_is_not(nlp: Any) -> None:
    fire = "Kyrgyz and Uzbek border guards exchanged fire near a reservoir on Sunday."
    assert [e["type"] for e in events_of(nlp, fire, date(2024, 5, 14))] == ["ATTACK"]
    views = "The Kyrgyz and Uzbek ministers exchanged views on water on Sunday."
    assert "ATTACK" not in [e["type"] for e in events_of(nlp, views, date(2024, 5, 14))]


@pytest.mark.model
def test_firing_tear_gas_or_water_cannon_is_an_attack(nlp: Any) -> None:
    text = (
        "Chinese coast guard vessels fired water cannon at a Philippine patrol boat near "
        "Scarborough Shoal on Monday."
    )
    assert [e["type"] for e in events_of(nlp, text, date(2026, 7, 15))] == ["ATTACK"]
    police = "Kenyan police fired tear gas at marchers in Kisumu on Monday."
    assert [e["type"] for e in events_of(nlp, police, date(2023, 3, 7))] == ["ATTACK"]


@pytest.mark.model
def test_a_person_who_will_be_in_a_city_visits_it(nlp: Any) -> None:
    text = "The Prime Minister Mark Carney will be in Mexico City on 11 and 12 June."
    visits = [e for e in events_of(nlp, text, date(2026, 5, 23)) if e["type"] == "VISIT"]
    assert [(e["status"], e["time"]["value"]) for e in visits] == [
        ("planned", "2026-06-11/2026-06-12")
    ]


@pytest.mark.model
def test_a_person_expected_in_a_city_visits_it(nlp: Any) -> None:
    # the parser makes 'is expected in' a passive verb, not 'be' with a complement
    for text, who in (
        ("President Tomas Arrieta is expected in Lisbon on May 26 for talks.", "tomas-arrieta"),
        ("Grace Mutesi, who is expected in Kigali on Friday, will open the plant.", "grace-mutesi"),
    ):
        visits = [e for e in events_of(nlp, text, date(2025, 5, 21)) if e["type"] == "VISIT"]
        assert [(e["source"], e["status"]) for e in visits] == [([who], "planned")]
    for text in ("Analysts expect a deal in Geneva next week.", "The ruling is expected in June."):
        assert [e for e in events_of(nlp, text, date(2025, 5, 21)) if e["type"] == "VISIT"] == []


@pytest.mark.model
def test_being_in_power_or_a_meeting_in_a_city_is_no_visit(nlp: Any) -> None:
    for text in (
        "Joe Biden was in power in Washington for four years.",
        "The talks will be in Geneva on Monday.",
        "Joe Biden was in talks in Geneva on Monday.",
    ):
        assert [e for e in events_of(nlp, text, date(2026, 5, 23)) if e["type"] == "VISIT"] == []


@pytest.mark.model
def test_calling_off_a_visit_makes_the_caller_the_traveller(nlp: Any) -> None:
    text = "Olaf Scholz called off a visit to Baghdad that had been set for Thursday."
    visits = [e for e in events_of(nlp, text, date(2021, 2, 10)) if e["type"] == "VISIT"]
    assert [(e["source"], e["status"], e["time"]["value"]) for e in visits] == [
        (["olaf-scholz"], "negated", "2021-02-11")
    ]


@pytest.mark.model
def test_a_second_destination_dated_on_its_own_is_a_visit_of_its_own(nlp: Any) -> None:
    for text in (
        "Joe Biden will travel to Tokyo on October 14 and to Beijing on October 16.",
        "Joe Biden will be in Tokyo on October 14 and in Beijing on October 16-17.",
    ):
        visits = [e for e in events_of(nlp, text, date(2019, 10, 9)) if e["type"] == "VISIT"]
        assert sorted((e["location"], e["time"]["value"][:10]) for e in visits) == [
            ("Beijing", "2019-10-16"),
            ("Tokyo", "2019-10-14"),
        ], text


@pytest.mark.model
def test_a_numbered_round_in_an_article_about_talks_is_a_meeting(nlp: Any) -> None:
    text = (
        "Negotiators from Bolivia and Chile held talks in Lima on Tuesday. "
        "The second round will be held in La Paz on May 14-15."
    )
    found = events_of(nlp, text, date(2024, 3, 12))
    planned = [e for e in found if e["type"] == "MEET" and e["status"] == "planned"]
    assert [e["time"]["value"] for e in planned] == ["2024-05-14/2024-05-15"]
    # a round of sanctions is no meeting
    found = events_of(nlp, "The EU is preparing a new round of sanctions.", date(2024, 3, 12))
    assert [e for e in found if e["type"] == "MEET"] == []


@pytest.mark.model
def test_a_person_who_landed_in_a_city_visits_it_a_plane_does_not(nlp: Any) -> None:
    found = events_of(nlp, "Antony Blinken landed in Cairo on Tuesday.", date(2024, 3, 12))
    assert [(e["type"], e["source"]) for e in found] == [("VISIT", ["antony-blinken"])]
    found = events_of(nlp, "The cargo plane landed in Cairo on Tuesday.", date(2024, 3, 12))
    assert [e for e in found if e["type"] == "VISIT"] == []


@pytest.mark.model
def test_a_warning_whose_joined_saying_names_an_action_is_a_threat(nlp: Any) -> None:
    text = (
        "China's foreign ministry warned on Sunday that the drills threaten regional peace "
        "and said the People's Liberation Army would take all necessary measures."
    )
    found = events_of(nlp, text, date(2023, 8, 21))
    assert [e["time"]["value"] for e in found if e["type"] == "THREATEN"] == ["2023-08-20"]
    text = "The bank warned that prices would rise and said the economy would slow."
    assert [e for e in events_of(nlp, text, date(2023, 8, 21)) if e["type"] == "THREATEN"] == []


@pytest.mark.model
def test_telling_of_ones_own_act_to_come_on_a_condition_is_a_threat(nlp: Any) -> None:
    text = (
        "The Kenya National Union of Teachers said on Monday that it would begin a "
        "nationwide strike on Friday unless the government reopened pay talks."
    )
    found = events_of(nlp, text, date(2024, 6, 4))
    threats = [e for e in found if e["type"] == "THREATEN"]
    assert [(e["status"], e["time"]["value"]) for e in threats] == [("occurred", "2024-06-03")]
    assert [e["status"] for e in found if e["type"] == "PROTEST"] == ["possible"]
    assert not [e for e in found if e["type"] == "STATEMENT"]  # the telling is the threat
    # another's act on a condition, or one's own act told without one, is no threat
    for text in (
        "Ugandan President Yoweri Museveni said on Monday that Kenya would impose sanctions "
        "if Uganda closed the border.",
        "The Kenya National Union of Teachers said on Monday that it would begin a "
        "nationwide strike on Friday.",
    ):
        assert not [e for e in events_of(nlp, text, date(2024, 6, 4)) if e["type"] == "THREATEN"]


@pytest.mark.model
def test_a_joint_exercise_is_cooperation_and_an_exercise_in_futility_none(nlp: Any) -> None:
    joint = "India and Japan held a joint naval exercise off Chennai on Monday."
    futile = "India and Japan called the talks an exercise in futility on Monday."
    assert "COOPERATE" in {e["type"] for e in events_of(nlp, joint, date(2025, 5, 21))}
    assert "COOPERATE" not in {e["type"] for e in events_of(nlp, futile, date(2025, 5, 21))}


@pytest.mark.model
def test_what_is_done_instead_of_an_act_is_no_event_of_that_act(nlp: Any) -> None:
    instead = "Kenya will hand the fishermen over to Uganda instead of detaining them."
    done = "Kenya detained the fishermen on Monday."
    assert "ATTACK" not in {e["type"] for e in events_of(nlp, instead, date(2025, 5, 21))}
    assert "ATTACK" in {e["type"] for e in events_of(nlp, done, date(2025, 5, 21))}


@pytest.mark.model
def test_sanctions_a_meeting_is_about_are_no_sanctions_of_their_own(nlp: Any) -> None:
    topic = "Russia and Ukraine held talks on sanctions in Istanbul on Monday."
    imposed = "Russia imposed sanctions on Ukraine on Monday."
    assert "SANCTION" not in {e["type"] for e in events_of(nlp, topic, date(2025, 5, 21))}
    assert "SANCTION" in {e["type"] for e in events_of(nlp, imposed, date(2025, 5, 21))}


@pytest.mark.model
def test_a_protest_one_government_lodges_with_another_is_a_complaint_not_a_crowd(
    nlp: Any,
) -> None:
    dct = date(2024, 3, 6)
    for text in (
        "Japan lodged a protest with China over the coast guard ship on Tuesday.",
        "The Foreign Ministry of Japan protested to the South Korean embassy on Tuesday.",
        "Pakistan's foreign ministry handed a note of protest to the Afghan envoy on Monday.",
    ):
        assert [e["type"] for e in events_of(nlp, text, dct)] == ["ACCUSE"], text
    crowd = "Thousands of farmers protested in Paris on Monday against the trade deal."
    assert [e["type"] for e in events_of(nlp, crowd, dct)] == ["PROTEST"]


@pytest.mark.model
def test_declaring_a_diplomat_persona_non_grata_is_a_sanction(nlp: Any) -> None:
    text = "Peru declared Bolivia's defence attaché persona non grata on Monday."
    found = events_of(nlp, text, date(2018, 7, 5))
    assert [(e["type"], e["source"]) for e in found] == [("SANCTION", ["PER"])]
    plain = "Javier Milei declared an economic emergency."
    assert [e["type"] for e in events_of(nlp, plain, date(2024, 1, 5))] == ["STATEMENT"]


@pytest.mark.model
def test_according_to_a_schedule_names_no_speaker_but_according_to_a_ministry_does(
    nlp: Any,
) -> None:
    schedule = (
        "Kenya and Uganda will sign a port agreement on Friday, according to the "
        "schedule released by the palace."
    )
    ministry = (
        "Kenya and Uganda will sign a port agreement on Friday, according to Kenya's "
        "foreign ministry."
    )
    told = [e["trigger"] for e in events_of(nlp, schedule, date(2025, 5, 21))]
    assert "accord" not in told
    assert "accord" in [e["trigger"] for e in events_of(nlp, ministry, date(2025, 5, 21))]


@pytest.mark.model
def test_an_offer_to_host_is_an_invitation_and_an_offer_of_help_is_not(nlp: Any) -> None:
    host = "Ghana offered on Monday to host the next round of talks in Accra."
    help_ = "Ghana offered help to Togo on Monday."
    assert "INVITE" in {e["type"] for e in events_of(nlp, host, date(2025, 5, 21))}
    assert "INVITE" not in {e["type"] for e in events_of(nlp, help_, date(2025, 5, 21))}


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Lithuania and Poland held a new round of consultations in Vilnius on Monday.", "MEET"),
        ("Kenya and Uganda will hold annual consultations in Kampala.", "MEET"),
        ("Egypt and Sudan ended their negotiations in Khartoum on Friday.", "MEET"),
        ("Kenya and Uganda will hold negotiations on a tax treaty.", "DISCUSS"),
        ("The presidents of Kenya and Uganda discussed the dam by telephone on Monday.", "MEET"),
        ("The presidents of Kenya and Uganda discussed the dam on Monday.", "DISCUSS"),
    ],
)
def test_consultations_held_as_a_sitting_or_by_phone_are_a_meeting_and_a_process_a_discussion(
    nlp: Any, text: str, kind: str
) -> None:
    found = {e["type"] for e in events_of(nlp, text, date(2026, 3, 2))}
    assert kind in found and {"MEET", "DISCUSS"} - {kind} <= {"MEET", "DISCUSS"} - found, found


@pytest.mark.model
def test_cooperation_an_agreement_is_about_is_no_cooperation_of_its_own(nlp: Any) -> None:
    dct = date(2025, 5, 21)
    for text in (
        "Chile and Peru signed a memorandum on cooperation in Antarctica on Monday.",
        "Chile and Peru are to sign an arrangement on cooperation between the ports of "
        "Callao and Arica on Friday.",
        "During the visit Chile and Peru are to sign an agreement on cooperation in copper "
        "mining in Lima.",
    ):
        found = {e["type"] for e in events_of(nlp, text, dct)}
        assert "AGREE" in found and "COOPERATE" not in found, (text, found)
    done = "Chile expanded its cooperation with Peru in fisheries on Monday."
    assert "COOPERATE" in {e["type"] for e in events_of(nlp, done, dct)}


@pytest.mark.model
def test_a_storm_or_an_earthquake_that_strikes_is_no_attack(nlp: Any) -> None:
    dct = date(2025, 5, 21)
    for text in (
        "Fiji's minister spoke about Cyclone Mala, which struck Vanua Levu on 3 May.",
        "Norway gave aid after hurricanes Alma and Boris struck the coast in April.",
    ):
        found = {e["type"] for e in events_of(nlp, text, dct)}
        assert "ATTACK" not in found, (text, found)
    force = "Russian missiles struck Kharkiv on Monday."
    assert "ATTACK" in {e["type"] for e in events_of(nlp, force, dct)}


@pytest.mark.model
def test_signing_a_decree_or_a_bill_is_no_agreement(nlp: Any) -> None:
    dct = date(2025, 5, 21)
    for text in (
        "President Ruto signed a decree on Monday raising the minimum wage.",
        "The order, which President Ruto signed in March, bans charcoal exports.",
        "President Ruto signed the finance bill on Monday.",
    ):
        found = {e["type"] for e in events_of(nlp, text, dct)}
        assert "AGREE" not in found, (text, found)
    treaty = "President Ruto signed a trade treaty with Uganda on Monday."
    assert "AGREE" in {e["type"] for e in events_of(nlp, treaty, dct)}


@pytest.mark.model
def test_according_to_estimates_names_no_speaker(nlp: Any) -> None:
    dct = date(2025, 5, 21)
    figures = (
        "Exports to Uganda doubled last year, according to estimates from the Kenya Export "
        "Promotion Agency."
    )
    agency = "Exports to Uganda doubled last year, according to the Kenya Export Promotion Agency."
    assert "accord" not in [e["trigger"] for e in events_of(nlp, figures, dct)]
    assert "accord" in [e["trigger"] for e in events_of(nlp, agency, dct)]


@pytest.mark.model
def test_dates_or_a_visit_that_clash_with_another_are_no_attack(nlp: Any) -> None:
    dct = date(2025, 5, 21)
    for text in (
        "A Chilean official said the June dates clashed with the budget debate in Congress.",
        "The minister's visit to Lima clashed with the start of the summit in Quito.",
    ):
        found = {e["type"] for e in events_of(nlp, text, dct)}
        assert "ATTACK" not in found, (text, found)
    fighting = "Thai and Cambodian troops clashed along the border on Monday."
    assert "ATTACK" in {e["type"] for e in events_of(nlp, fighting, dct)}


@pytest.mark.model
def test_road_or_air_travel_is_no_trip(nlp: Any) -> None:
    dct = date(2025, 5, 21)
    for road in (
        "Gunmen seized two drivers near Mandera on Monday, and the UN has suspended road "
        "travel in the region.",
        "The UN has suspended road travel to Mandera.",
    ):
        found = {e["type"] for e in events_of(nlp, road, dct)}
        assert "VISIT" not in found, (road, found)
    trip = "The UN chief's travel to northern Kenya on Monday was a success."
    assert "VISIT" in {e["type"] for e in events_of(nlp, trip, dct)}


@pytest.mark.model
def test_a_case_brought_before_a_court_is_an_accusation_and_asking_a_parliament_none(
    nlp: Any,
) -> None:
    dct = date(2025, 5, 21)
    text = "The maritime case that Peru filed at the International Court of Justice in 2008."
    [case] = [e for e in events_of(nlp, text, dct) if e["type"] == "ACCUSE"]
    assert (case["status"], case["source"], case["time"]["value"]) == ("occurred", ["PER"], "2008")
    text = "Joe Biden asked Congress to approve the aid on Monday."
    assert [e for e in events_of(nlp, text, dct) if e["type"] == "ACCUSE"] == []
    text = "Peru took the dispute to the International Court of Justice in January 2008."
    [taken] = [e for e in events_of(nlp, text, dct) if e["type"] == "ACCUSE"]
    assert (taken["source"], taken["time"]["value"]) == (["PER"], "2008-01")
    text = "Peru took the minister to the airport in January 2008."
    assert [e for e in events_of(nlp, text, dct) if e["type"] == "ACCUSE"] == []


@pytest.mark.model
def test_a_border_closed_in_a_dispute_is_a_sanction_and_one_closed_for_a_hazard_none(
    nlp: Any,
) -> None:
    dct = date(2025, 5, 21)
    closed = "Chile closed the border crossing to Bolivian lorries on April 6 in a row over fees."
    [measure] = [e for e in events_of(nlp, closed, dct) if e["type"] == "SANCTION"]
    assert (measure["status"], measure["source"], measure["time"]["value"]) == (
        "occurred",
        ["CHL"],
        "2025-04-06",
    )
    for hazard in (
        "Chile closed the border crossing on April 6 to prevent the virus from spreading.",
        "Chile closed the border post after the floods on Monday.",
        "Chad closed the border crossing on Monday after the shelling began.",
    ):
        found = {e["type"] for e in events_of(nlp, hazard, dct)}
        assert "SANCTION" not in found, (hazard, found)


@pytest.mark.model
def test_a_named_border_point_closed_is_where_the_measure_is(nlp: Any) -> None:
    dct = date(2025, 5, 21)
    text = "Chile closed the main Chungara border crossing to Bolivian lorries on Monday."
    [measure] = [e for e in events_of(nlp, text, dct) if e["type"] == "SANCTION"]
    assert "Chungara" in (measure["location"] or ""), measure["location"]


@pytest.mark.model
def test_jailing_needs_its_object_and_charges_need_a_crime(nlp: Any) -> None:
    """'jailed six activists' is force used by who jails, 'journalists jailed in Uganda'
    names no jailer; 'charged them with inciting violence' is an accusation, 'charged higher
    fees' none; ordering a diplomat to leave expels, ordering troops to leave does not."""
    dct = date(2025, 5, 21)
    for text, kind in (
        ("Kenya protested over the journalists jailed in Uganda.", "ATTACK"),
        ("Kenya charged higher port fees in May.", "ACCUSE"),
        ("Kenya ordered its troops to leave the border town on Monday.", "SANCTION"),
    ):
        found = {e["type"] for e in events_of(nlp, text, dct)}
        assert kind not in found, (text, found)
    charged = "Ugandan prosecutors charged two Kenyan activists with inciting violence."
    assert "ACCUSE" in {e["type"] for e in events_of(nlp, charged, dct)}


@pytest.mark.model
def test_supplies_or_aid_cut_off_are_a_measure_and_no_aid(nlp: Any) -> None:
    """'stopped gas deliveries to', 'suspended military aid to': the cut is the SANCTION
    (docs/annotation.md Types: a cut in aid is filed as SANCTION); the deliveries or the aid
    it stops are given to nobody, so no AID of their own."""
    dct = date(2025, 5, 21)
    for text in (
        "Uzbekistan stopped gas deliveries to Kyrgyzstan on Monday.",
        "The United States suspended military aid to Niger in August.",
    ):
        found = {e["type"] for e in events_of(nlp, text, dct)}
        assert "SANCTION" in found, (text, found)
        assert "AID" not in found, (text, found)
    given = "Japan will deliver aid to Gaza on Monday."
    assert "AID" in {e["type"] for e in events_of(nlp, given, dct)}


@pytest.mark.model
def test_tariffs_an_agreement_cuts_are_its_terms_and_no_measure(nlp: Any) -> None:
    """'the agreements signed on Wednesday will cut tariffs': what a deal provides is its
    content; a government cutting a duty eases a measure of its own (a SANCTION row)."""
    dct = date(2025, 5, 21)
    terms = "The agreements signed in Pretoria on Wednesday will cut tariffs on Brazilian ethanol."
    assert "SANCTION" not in {e["type"] for e in events_of(nlp, terms, dct)}
    eased = "Mexico cut the tariff on Brazilian ethanol to 10 percent on Monday."
    assert "SANCTION" in {e["type"] for e in events_of(nlp, eased, dct)}


@pytest.mark.model
def test_a_name_that_faults_what_it_names_is_criticism(nlp: Any) -> None:
    """'called the new rules "a provocation"', 'which Quito called "an insult"', 'described
    the sanctions as illegal' fault what they name: an ACCUSE of the speaker (cues.json
    disapproval_words); a name of praise is none, nor is a claim so named (a denial)."""
    dct = date(2025, 5, 21)
    for text in (
        'Hanoi called the new rules "a provocation" on Monday.',
        'The decision, which Quito called "an insult", was taken in March.',
        "Caracas described the sanctions as illegal on Tuesday.",
    ):
        found = {(e["type"], e["trigger"]) for e in events_of(nlp, text, dct)}
        assert any(kind == "ACCUSE" for kind, _ in found), (text, found)
    for text in (
        'Peru called the agreement "a first step".',
        'Dakar called the charge "absurd".',
        'The minister called the talks "constructive".',
        "The union will march on Sunday against what it called foreign interference.",
    ):
        found = {e["type"] for e in events_of(nlp, text, dct)}
        assert "ACCUSE" not in found, (text, found)


@pytest.mark.model
def test_a_duty_is_a_measure_only_on_goods(nlp: Any) -> None:
    """'Egypt's duty on Turkish rebar' is a trade measure (docs/annotation.md: Trade
    measures); an envoy resuming 'his duties on 4 May' takes no measure."""
    dct = date(2025, 5, 21)
    measure = "Egypt's safeguard duty on Turkish rebar took effect on Monday."
    assert "SANCTION" in {e["type"] for e in events_of(nlp, measure, dct)}
    office = "The ambassador of Ghana will resume his duties on 4 May."
    assert "SANCTION" not in {e["type"] for e in events_of(nlp, office, dct)}


@pytest.mark.model
def test_a_vehicle_carrying_relief_that_arrives_is_aid_and_one_carrying_nothing_none(
    nlp: Any,
) -> None:
    day = date(2025, 5, 21)
    loaded = "A Norwegian ship carrying 500 tonnes of rice docked in Beira on Monday."
    riding = "Two Danish helicopters flew into Pemba on Monday with blankets and tents."
    empty = "A Norwegian ship docked in Beira on Monday."
    built = "A Norwegian ship carrying 500 tonnes of rice was sold to Beira on Monday."
    crude = "A Norwegian ship carrying crude oil docked in Beira on Monday."
    assert "AID" in {e["type"] for e in events_of(nlp, loaded, day)}
    assert "AID" in {e["type"] for e in events_of(nlp, riding, day)}
    assert "AID" not in {e["type"] for e in events_of(nlp, empty, day)}
    assert "AID" not in {e["type"] for e in events_of(nlp, built, day)}
    assert "AID" not in {e["type"] for e in events_of(nlp, crude, day)}  # trade, not relief


@pytest.mark.model
def test_a_convoy_on_the_move_is_aid_unless_military_or_only_talked_of(nlp: Any) -> None:
    day = date(2025, 5, 21)
    moving = "A convoy of twelve Caritas trucks reached Beni on Monday."
    military = "A Kenyan military convoy reached Beni on Monday."
    fate = "Kenya worried about the fate of a Caritas convoy on Monday."
    assert "AID" in {e["type"] for e in events_of(nlp, moving, day)}
    assert "AID" not in {e["type"] for e in events_of(nlp, military, day)}
    assert "AID" not in {e["type"] for e in events_of(nlp, fate, day)}


@pytest.mark.model
def test_supplies_that_get_through_are_aid_and_supplies_that_run_low_none(nlp: Any) -> None:
    day = date(2025, 5, 21)
    through = "Swedish relief supplies got through to Beni on Monday."
    low = "Swedish relief supplies ran low in Beni on Monday."
    assert "AID" in {e["type"] for e in events_of(nlp, through, day)}
    assert "AID" not in {e["type"] for e in events_of(nlp, low, day)}


@pytest.mark.model
def test_a_plane_carrying_relief_that_arrives_brings_aid_and_no_visitor(nlp: Any) -> None:
    day = date(2025, 5, 21)
    cargo = "A Japanese plane carrying tents arrived in Suva on Monday."
    person = "Japan's foreign minister arrived in Suva on Monday."
    assert {e["type"] for e in events_of(nlp, cargo, day)} == {"AID"}
    assert "VISIT" in {e["type"] for e in events_of(nlp, person, day)}


@pytest.mark.model
def test_money_released_or_pledged_in_a_currency_code_is_aid_and_prisoners_released_not(
    nlp: Any,
) -> None:
    day = date(2025, 5, 21)
    code = "Norway pledged USD 300,000 on Monday."
    released = "Norway released 2 million euros for the flood victims on Monday."
    prisoners = "Norway released two prisoners on Monday."
    assert "AID" in {e["type"] for e in events_of(nlp, code, day)}
    assert "AID" in {e["type"] for e in events_of(nlp, released, day)}
    assert "AID" not in {e["type"] for e in events_of(nlp, prisoners, day)}


@pytest.mark.model
def test_a_reception_or_retreat_told_as_planned_or_called_off_is_a_meeting_and_one_named_none(
    nlp: Any,
) -> None:
    day = date(2025, 5, 21)
    called_off = "The Kenyan embassy's reception in Lima, planned for Thursday, has been cancelled."
    moved = "The ASEAN foreign ministers' retreat in Cebu, set for 20 June, has been postponed."
    named = "Kenya's ambassador told guests at a reception in Lima on Thursday that trade grew."
    held = "A state dinner was held in President Ruto's honour in Accra on Monday."
    assert ("MEET", "negated") in kinds(nlp, called_off, day)
    assert ("MEET", "planned") in kinds(nlp, moved, day)
    assert "MEET" not in {e["type"] for e in events_of(nlp, named, day)}
    # a meal held for a visitor is a part of the visit, no occasion of its own
    assert "MEET" not in {e["type"] for e in events_of(nlp, held, day)}


@pytest.mark.model
def test_a_press_conference_called_off_is_a_statement_and_a_video_conference_held_a_meeting(
    nlp: Any,
) -> None:
    day = date(2025, 5, 21)
    press = (
        "The closing press conference of Chile's foreign minister, scheduled for Friday in "
        "Lima, has been cancelled."
    )
    video = "The water ministers of Kenya and Uganda will hold a video conference next Tuesday."
    told = "Kenya told a video conference of donors on Monday that aid was needed."
    assert ("STATEMENT", "negated") in kinds(nlp, press, day)
    assert ("MEET", "planned") in kinds(nlp, video, day)
    assert "MEET" not in {e["type"] for e in events_of(nlp, told, day)}


@pytest.mark.model
def test_a_debate_of_candidates_is_a_meeting_and_a_chamber_debate_a_discussion(
    nlp: Any,
) -> None:
    day = date(2025, 5, 21)
    candidates = (
        "A televised debate between Ruto and Odinga, scheduled for Friday in Nairobi, "
        "was called off."
    )
    chamber = "The Kenyan parliament ended a five-hour debate on the treaty on Tuesday."
    assert ("MEET", "negated") in kinds(nlp, candidates, day)
    assert {e["type"] for e in events_of(nlp, chamber, day)} == {"DISCUSS"}


@pytest.mark.model
def test_an_edition_called_off_is_its_gathering_and_a_newspaper_edition_none(nlp: Any) -> None:
    day = date(2025, 5, 21)
    forum = "Uganda's 2024 edition, planned for Kampala in May, was cancelled."
    paper = "The morning edition of the Daily Nation was delayed on Monday."
    assert ("MEET", "negated") in kinds(nlp, forum, day)
    assert events_of(nlp, paper, day) == []


@pytest.mark.model
def test_a_prisoner_transfer_called_off_is_cooperation_and_one_of_funds_none(nlp: Any) -> None:
    day = date(2025, 5, 21)
    prisoners = (
        "A transfer of 22 Peruvian prisoners, set for June in La Paz, was called off by Peru."
    )
    funds = "A transfer of 22 million dollars to Peru, set for June, was called off by Bolivia."
    assert ("COOPERATE", "negated") in kinds(nlp, prisoners, day)
    assert "COOPERATE" not in {e["type"] for e in events_of(nlp, funds, day)}


@pytest.mark.model
def test_a_named_gathering_held_is_a_meeting_and_a_body_of_that_name_speaking_none(
    nlp: Any,
) -> None:
    day = date(2025, 5, 21)
    held = "The 4th Summit of the Upper Mekong Growth Area was held in Vientiane on 12 March 2024."
    body = "The Eastern Economic Forum said on Monday that growth would slow."
    assert ("MEET", "occurred") in kinds(nlp, held, day)
    assert "MEET" not in {e["type"] for e in events_of(nlp, body, day)}
