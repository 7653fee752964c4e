"""Where an event happens when its own clause does not say (events/venue.py), and the
places arguments.py reads in phrases of an occasion ('on the sidelines of')."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from conftest import events_of

pytestmark = pytest.mark.model
DCT = date(2026, 6, 10)


def places(nlp: Any, text: str, kind: str, dct: date = DCT) -> list[str | None]:
    return [e["location"] for e in events_of(nlp, text, dct) if e["type"] == kind]


def test_a_when_clause_happens_where_its_main_clause_took_place(nlp: Any) -> None:
    text = (
        "Levan Kapanadze and Rauf Gasimov last met in Baku in May 2026, when they agreed to "
        "start negotiations on new gas transit terms."
    )
    assert places(nlp, text, "AGREE") == ["Baku"]


def test_a_conjoined_verb_without_a_subject_shares_the_occasions_place(nlp: Any) -> None:
    text = (
        "Foreign ministers Chikondi Banda-Mvula and Luisa Macuacua finally met in Tete on "
        "June 27 and agreed on a joint fund fed by barge fees."
    )
    assert places(nlp, text, "AGREE") == ["Tete"]
    # other people's act in the next clause, and aid pledged there, are not placed so
    other = "Kapanadze and Gasimov met in Baku on Monday, and Putin agreed to send envoys."
    assert "Baku" not in places(nlp, other, "AGREE")
    aid = "Ursula von der Leyen met Ruto in Nairobi on Monday and pledged aid to Sudan."
    assert "Nairobi" not in places(nlp, aid, "AID")


def test_talks_on_the_sidelines_of_a_gathering_are_where_it_is_held(nlp: Any) -> None:
    text = (
        "In September Joel Tari met Wang Yi on the sidelines of the U.N. General Assembly "
        "in New York."
    )
    found = [e for e in events_of(nlp, text, date(2023, 12, 1)) if e["type"] == "MEET"]
    assert [e["location"] for e in found] == ["New York City"]


def test_a_ministry_or_palace_is_in_its_countrys_capital(nlp: Any) -> None:
    text = (
        "Chikondi Banda-Mvula told reporters at the Mozambican foreign ministry on Tuesday "
        "that the text was ready."
    )
    [said] = [e for e in events_of(nlp, text, DCT) if e["type"] == "STATEMENT"]
    assert said["location"] == "Maputo"
    assert "moz-foreign-ministry" not in said["source"] + said["target"]
    # a ministry of no named country is the dateline's; talks there are its own
    talks = "BUCHAREST, Oct 10 — The Ministry of Labour invited the union to talks at the ministry."
    [meeting] = [e for e in events_of(nlp, talks, date(2025, 10, 10)) if e["type"] == "MEET"]
    assert meeting["location"] == "Bucharest" and "ministry-of-labour" in meeting["source"]
    # an embassy is abroad
    rally = "Some 300 people rallied outside the Japanese embassy in protest on Monday."
    assert "Tokyo" not in places(nlp, rally, "PROTEST")


def test_the_capital_and_here_are_where_the_text_reports_from(nlp: Any) -> None:
    # weeks before the DCT, or planned: beyond what the wire dateline places by itself
    text = (
        "DAKAR, Oct 20 — Fishermen will march through the capital on Friday. The foreign "
        "ministry here condemned the claim on October 2."
    )
    found = {e["type"]: e["location"] for e in events_of(nlp, text, date(2025, 10, 20))}
    assert found["PROTEST"] == "Dakar"
    assert found["ACCUSE"] == "Dakar"


def test_a_place_hung_on_what_was_signed_is_where_it_was_signed(nlp: Any) -> None:
    text = "Canada and Ghana signed a double taxation treaty in Ottawa in 2014."
    assert places(nlp, text, "AGREE") == ["Ottawa"]


def test_a_place_in_what_a_protest_is_about_is_not_where_it_was(nlp: Any) -> None:
    text = "Thousands of Chileans rallied in front of the embassy, protesting the war in Iraq."
    assert "Iraq" not in places(nlp, text, "PROTEST")


def test_a_meetings_relative_clause_on_the_last_noun_of_its_phrase_places_it(nlp: Any) -> None:
    # the parser hangs 'which was to open in Niamey' on 'Niger', not on 'round'
    text = (
        "The fourth round of border talks between Chad and Niger, which was to open in "
        "Niamey on Monday, has been postponed."
    )
    assert places(nlp, text, "MEET") == ["Niamey"]
    due = "Talks between Senegal and Mali, due to open in Dakar on May 4, were put off."
    assert places(nlp, due, "MEET") == ["Dakar"]
    moved = (
        "Talks between Kenya and Uganda on grain, set for May 4 in Mombasa, will now take place "
        "on May 20."
    )
    assert places(nlp, moved, "MEET") == ["Mombasa"]


def test_a_meeting_set_for_a_place_by_its_own_clause_is_there(nlp: Any) -> None:
    # 'is due in', 'had been due in', 'are scheduled in': the clause whose subject the
    # meeting is sets it for the place; so does a relative clause 'that was due in'
    for text in (
        "Talks between Chad and Niger are due in Niamey on July 2.",
        "Talks between Chad and Niger had been due in Niamey on July 2.",
        "Talks between Chad and Niger are scheduled in Niamey on July 2.",
        "The summit of Chad and Niger that was due in Niamey on July 2 has been put off.",
    ):
        assert places(nlp, text, "MEET") == ["Niamey"], text
    # the place told of someone else's act in the clause is not the meeting's
    text = "Talks between Chad and Niger are due after the vote, which was held in Niamey."
    assert places(nlp, text, "MEET") == [None]


def test_a_relative_clause_that_sets_nothing_gives_the_meeting_no_place(nlp: Any) -> None:
    text = "The talks between Chad and Niger, which Chad proposed in Niamey, were put off."
    assert places(nlp, text, "MEET") == [None]


def test_those_who_gather_are_where_the_meeting_is(nlp: Any) -> None:
    donors = "The government will hold a meeting with donors in Accra on June 3."
    assert places(nlp, donors, "MEET") == ["Accra"]
    ministers = "Lee will attend a meeting of ASEAN trade ministers in Vientiane on June 3."
    assert "Vientiane" in places(nlp, ministers, "MEET")
    governor = "Anna Berg will meet the governor of Limpopo in Polokwane on Friday."
    assert places(nlp, governor, "MEET") == ["Polokwane"]


def test_a_speaker_or_audience_placed_in_its_phrase_places_the_statement(nlp: Any) -> None:
    audience = (
        "Agriculture Minister Ruth Wekesa told a news conference in Kisumu on Monday that maize "
        "prices would fall."
    )
    assert places(nlp, audience, "STATEMENT") == ["Kisumu"]
    apposition = '"The border will stay shut," said Dilnoza Karimova, an economist in Samarkand.'
    assert places(nlp, apposition, "STATEMENT") == ["Samarkand"]
    according = "Britain will send two ships, according to the British embassy in Hanoi."
    assert places(nlp, according, "STATEMENT") == ["Hanoi"]
    # what is said is no audience: 'announced a ceasefire in Gaza' is not said in Gaza
    content = "The mediators announced a ceasefire in Gaza on Monday."
    assert "Gaza" not in places(nlp, content, "STATEMENT")


INTERVIEW = """Interview: the trade minister on the quota

Trade Minister Ana Lopes spoke to The Harbour Times at the Pancasila Building in Jakarta on \
Monday. The interview has been edited for length.

You were due in Manila this week. Why are you still here?

It was rescheduled by mutual consent. I will now be in Manila on 8 and 9 June.

Will you attend the retreat in Cebu?

Yes. I will travel to Cebu on 14 May.
"""


def test_an_interview_is_where_its_lead_puts_it_a_venue_in_its_city(nlp: Any) -> None:
    found = [e for e in events_of(nlp, INTERVIEW, date(2026, 4, 30)) if e["type"] == "STATEMENT"]
    assert [e["location"] for e in found] == ["Jakarta"]


def test_aid_goes_where_its_receiver_is(nlp: Any) -> None:
    refugees = "Germany will provide 150 million euros for Syrian refugees in Jordan."
    assert places(nlp, refugees, "AID") == ["Jordan"]
    recovery = "Portugal will give 10 million euros for cyclone recovery in Mozambique."
    assert places(nlp, recovery, "AID") == ["Mozambique"]
    # a pledge made at a conference is placed there
    conference = (
        "Donors pledged $431 million on Wednesday for relief in Madagascar at a conference in "
        "Geneva."
    )
    assert places(nlp, conference, "AID") == ["Geneva"]
    # where the receivers come from is not where the aid goes
    origin = "Canada will give $2 million for refugees from Syria."
    assert places(nlp, origin, "AID") == [None]


def test_a_countrys_parliament_cabinet_or_court_acts_at_home(nlp: Any) -> None:
    vote = "Malawi's National Assembly voted on February 20 to ratify the treaty."
    assert places(nlp, vote, "AGREE") == ["Malawi"]
    refusal = "Mozambique's Council of Ministers refused on May 7 to approve Article 14."
    assert places(nlp, refusal, "REJECT") == ["Mozambique"]
    # a person of that country may act anywhere
    minister = "Mozambique's foreign minister Luisa Macuacua rejected the proposal on May 7."
    assert places(nlp, minister, "REJECT") == [None]


def test_what_those_gathered_do_at_a_summit_happens_there(nlp: Any) -> None:
    text = (
        "On Wednesday, President Bush goes to Bucharest for the NATO summit. NATO leaders "
        "will meet with Afghan President Hamid Karzai and will discuss missile defence."
    )
    found = events_of(nlp, text, date(2008, 3, 31))
    assert {e["type"]: e["location"] for e in found}.get("DISCUSS") == "Bucharest"
    assert [e["location"] for e in found if "hamid-karzai" in e["source"]] == ["Bucharest"]
    # an undated word from one of them is not said at the summit
    said = text + " NATO said its members were united."
    [statement] = [e for e in events_of(nlp, said, date(2008, 3, 31)) if e["type"] == "STATEMENT"]
    assert statement["location"] is None


def test_a_place_hung_deep_in_the_clause_places_what_nothing_else_placed(nlp: Any) -> None:
    visit = "Amara Diallo, who visited a clinic for flood victims in Kisumu in May, spoke."
    assert places(nlp, visit, "VISIT") == ["Kisumu"]
    recall = "Chile recalled its ambassador in Lima on Monday for consultations."
    assert places(nlp, recall, "SANCTION") == ["Lima"]
    # what talks are about and where people come from are not where the event is
    topic = "Ruto and Abiy held talks on the fighting in Khartoum on Monday."
    assert "Khartoum" not in places(nlp, topic, "MEET")
    origin = "Chad sent 200 soldiers from its base in Abeche on Monday."
    assert "Abeche" not in places(nlp, origin, "DEPLOY")


def test_a_there_of_the_events_clause_or_purpose_is_the_place_named_before(nlp: Any) -> None:
    aid = (
        "Malawi is one of Norway's closest partners, and Oslo pledged $20 million to help "
        "flood victims there in 2024."
    )
    assert places(nlp, aid, "AID") == ["Malawi"]
    summit = (
        "Aliou Ndour will fly to Ghana in May. It will be his first trip to Ghana since he "
        "attended a regional summit there in 2021."
    )
    assert places(nlp, summit, "MEET") == ["Ghana"]


def test_a_conjoined_meetings_place_is_not_the_first_ones(nlp: Any) -> None:
    text = (
        "The president has been abroad often this year, counting the Nairobi leaders' meeting "
        "in April and the regional leaders' meeting in Kampala in August."
    )
    assert "Kampala" not in places(nlp, text, "MEET")[:1]


def test_a_ministrys_statement_with_no_place_is_made_in_its_country(nlp: Any) -> None:
    said = "Sudan's foreign ministry said on Wednesday that the clash had been a provocation."
    assert places(nlp, said, "STATEMENT") == ["Sudan"]
    # a place of its own wins
    abroad = (
        "Sudan's foreign ministry said in Geneva on Wednesday that the clash was a provocation."
    )
    assert places(nlp, abroad, "STATEMENT") == ["Geneva"]


def test_a_statement_made_afterwards_is_where_the_signing_took_place(nlp: Any) -> None:
    signed = (
        "Foreign Minister Ana Ruiz and her Peruvian counterpart signed a fisheries accord in "
        "Lima on Monday. Ruiz told a joint news conference afterwards that the border would "
        "reopen."
    )
    assert places(nlp, signed, "STATEMENT") == ["Lima"]
    # a statement on another day follows no signing
    later = signed.replace("told a joint news conference afterwards", "said on Thursday")
    assert places(nlp, later, "STATEMENT") == [None]


def test_a_countrys_office_read_as_the_country_speaks_from_home(nlp: Any) -> None:
    # the actors step reads 'the Chilean ministry' as Chile itself: its office still speaks
    # from home
    said = "The Chilean ministry put out a short statement on Tuesday saying it understood."
    assert places(nlp, said, "STATEMENT") == ["Chile"]
    said = "The Chilean presidency says the minister accepted the offer."
    assert places(nlp, said, "STATEMENT") == ["Chile"]
    # the country itself, or its people, may speak anywhere
    said = "Chile said on Tuesday that the minister accepted the offer."
    assert places(nlp, said, "STATEMENT") == [None]


def test_a_city_named_after_a_venue_is_the_events_place(nlp: Any) -> None:
    signed = "Ruto and Museveni signed the treaty at the Carondelet Palace on Monday in Quito."
    assert places(nlp, signed, "AGREE") == ["Quito"]
    # two mentions of one meeting: the city, not the venue
    talks = (
        "Ruto held talks with Museveni at the Carondelet Palace on Monday. The talks in Quito "
        "lasted two hours."
    )
    assert places(nlp, talks, "MEET") == ["Quito"]


def test_a_participle_of_speaking_tells_where_the_speaker_said_it(nlp: Any) -> None:
    apposed = (
        "Japanese Ambassador Takeshi Onuma, speaking at a reception in Guayaquil on Sunday, "
        "said Tokyo was ready."
    )
    assert places(nlp, apposed, "STATEMENT") == ["Guayaquil"]
    fronted = (
        "Speaking at a news conference in Nairobi on Monday, William Ruto said it would go on."
    )
    assert places(nlp, fronted, "STATEMENT") == ["Nairobi"]
    # a place in what is said is not where it was said
    said = "William Ruto, speaking on Monday, said the talks in Nairobi would go on."
    assert places(nlp, said, "STATEMENT") == [None]


def test_a_case_brought_before_a_court_is_placed_at_the_court_or_its_seat(nlp: Any) -> None:
    dct = date(2025, 5, 21)
    text = "Bolivia will ask the International Court of Justice to rule on the waters."
    [case] = [e for e in events_of(nlp, text, dct) if e["type"] == "ACCUSE"]
    assert case["location"] == "International Court of Justice"
    text = "Indonesia lodged a complaint with the World Trade Organization in Geneva on Friday."
    [complaint] = [e for e in events_of(nlp, text, dct) if e["type"] == "ACCUSE"]
    assert complaint["location"] and "Geneva" in complaint["location"]
    # an accusation made at a meeting is no case: the meeting does not place it at a court
    text = "Indonesia accused Australia of dumping at a meeting on Friday."
    [accusation] = [e for e in events_of(nlp, text, dct) if e["type"] == "ACCUSE"]
    assert accusation["location"] is None


def test_a_venue_alone_is_in_the_city_told_before_it_or_the_datelines(nlp: Any) -> None:
    told = (
        "Ruto will be welcomed at the State House in Kampala on June 12. On June 13 Ruto will "
        "hold talks with Museveni at the Nakasero Palace."
    )
    assert places(nlp, told, "MEET") == ["Kampala"]
    filed = "LUANDA - Ruto held talks with Museveni at the Cidade Alta palace on Tuesday."
    assert places(nlp, filed, "MEET") == ["Luanda"]
    # a shoal or a town the tagger calls a facility is no building: it stays
    shoal = "KAMPALA - Chinese ships fired water cannon at the Scarborough Shoal on Monday."
    assert places(nlp, shoal, "ATTACK") == ["Scarborough Shoal"]


def test_an_event_outside_a_building_is_in_the_city_told_before_or_the_datelines(
    nlp: Any,
) -> None:
    told = (
        "Ruto arrived in Kampala on Monday for talks with Museveni. On Tuesday about two "
        "hundred traders rallied outside the embassy to demand lower fees."
    )
    assert places(nlp, told, "PROTEST") == ["Kampala"]
    filed = "LUANDA - About fifty fishermen protested in front of parliament on Tuesday."
    assert places(nlp, filed, "PROTEST") == ["Luanda"]
    # a building that is what the protest is about, not where it is, places nothing
    about = "About fifty fishermen protested on Tuesday against a new port."
    assert places(nlp, about, "PROTEST") == [None]


def test_a_rally_called_outside_a_building_is_in_the_city_told_before(nlp: Any) -> None:
    # the parser hangs 'outside parliament' on 'called', not on the rally
    text = (
        "Ruto arrived in Kampala on Monday for talks with Museveni. Opposition parties have "
        "called a rally outside parliament for Friday."
    )
    assert places(nlp, text, "PROTEST") == ["Kampala"]


def test_a_march_is_where_its_route_goes_else_where_it_sets_out(nlp: Any) -> None:
    # the city its destination's own phrase names, not the facility it names first
    goes = "On Friday several thousand farmers marched from the stadium to the Agriculture "
    assert places(nlp, goes + "Ministry in Kisumu.", "PROTEST") == ["Kisumu"]
    town = "On Friday farmers marched to the district office in Nakuru town to demand water."
    assert places(nlp, town, "PROTEST") == ["Nakuru"]
    assert places(nlp, "Farmers said they would march on Lima next month.", "PROTEST") == ["Lima"]
    # a destination with no town: where it sets out from
    origin = "About 5,000 miners marched down the highway from Rustenburg on Monday."
    assert places(nlp, origin, "PROTEST") == ["Rustenburg"]
    # a march named as the object: the parser hangs its route on the verb
    called = (
        "The union called off the march from Soweto to the city centre that it had planned "
        "for Thursday."
    )
    assert places(nlp, called, "PROTEST") == ["Soweto"]
    # where the marchers come from is not the route
    marchers = "Farmers from Nakuru marched on Friday to demand water."
    assert places(nlp, marchers, "PROTEST") == [None]


def test_a_march_to_a_building_is_in_the_city_told_before(nlp: Any) -> None:
    text = (
        "Ruto arrived in Kampala on Monday for talks with Museveni. On Tuesday about two "
        "hundred traders marched to parliament to demand lower fees."
    )
    assert places(nlp, text, "PROTEST") == ["Kampala"]


def test_a_building_is_in_a_city_of_the_datelines_country_before_one_told_in_passing(
    nlp: Any,
) -> None:
    # Windhoek, told last before the building, is where an earlier summit was held
    text = (
        "LUANDA - Angola's cabinet met on Monday. The last summit of the bloc was held in "
        "Windhoek in November. On Tuesday about two hundred traders rallied outside "
        "parliament to demand lower fees."
    )
    assert places(nlp, text, "PROTEST") == ["Luanda"]
    # a round-up's item reports from its own dateline
    roundup = "KUALA LUMPUR - Malaysia's cabinet met on Monday.\n\n" + text
    assert places(nlp, roundup, "PROTEST") == ["Luanda"]


def test_a_building_far_from_any_city_is_in_the_city_told_last_before_it(nlp: Any) -> None:
    # no dateline, and the city is told more than a few paragraphs before the building
    filler = " ".join(f"Delegates discussed item {n} of the agenda at length." for n in range(40))
    text = (
        f"Ruto arrived in Kampala on Monday for talks with Museveni. {filler} About fifty "
        "traders rallied outside the embassy on Tuesday to demand lower fees."
    )
    assert places(nlp, text, "PROTEST") == ["Kampala"]


def test_a_building_talks_are_held_at_is_no_party_to_them(nlp: Any) -> None:
    text = (
        "Ghanaian President Kofi Amankwah and Peruvian President Rosa Campos signed agreements "
        "on cocoa and fisheries on Tuesday after talks at Bellamy House."
    )
    [talks] = [e for e in events_of(nlp, text, date(2026, 3, 4)) if e["type"] == "MEET"]
    # the two presidents met there; the house is where, not who
    assert sorted(talks["source"]) == ["kofi-amankwah", "rosa-campos"]


def test_a_strike_of_a_whole_country_is_in_the_country(nlp: Any) -> None:
    dated = date(2026, 3, 3)
    general = (
        "QUITO, March 3 (Wire) - The teachers' federation said on Tuesday that its general "
        "strike against the budget cuts would go ahead on March 12."
    )
    assert places(nlp, general, "PROTEST", dated) == ["Ecuador"]
    nationwide = "Trains to Rosario were cancelled on Monday because of a nationwide rail strike."
    assert places(nlp, nationwide, "PROTEST", dated) == ["Argentina"]
    teachers = "The teachers' strike on Monday closed most schools across Bolivia."
    assert places(nlp, teachers, "PROTEST", dated) == ["Bolivia"]
    # a strike at a place of its own keeps it; one of a city's workers stays in the city
    port = "QUITO, March 3 (Wire) - Dockworkers began a strike at the port of Manta on Monday."
    assert places(nlp, port, "PROTEST", dated) != ["Ecuador"]
    city = "QUITO, March 3 (Wire) - Bus drivers went on strike on Monday over unpaid wages."
    assert places(nlp, city, "PROTEST", dated) == ["Quito"]


def test_a_countrys_trade_measure_with_no_place_happens_in_that_country(nlp: Any) -> None:
    text = "Bolivia has raised its import duty on Peruvian onions, the trade ministry said."
    assert places(nlp, text, "SANCTION") == ["Bolivia"]
    lifted = "Paraguay will lift its ban on Uruguayan rice from July 1."
    assert places(nlp, lifted, "SANCTION") == ["Paraguay"]
    # a crossing its clause names stays the measure's place
    closed = "Zambia closed the Kasumbalesa crossing to lorries on Tuesday."
    assert "Zambia" not in places(nlp, closed, "SANCTION")


def test_a_protest_summons_happens_in_the_summoning_countrys_capital(nlp: Any) -> None:
    text = "Malawi summoned the Zambian High Commissioner on Monday to protest the arrests."
    assert places(nlp, text, "ACCUSE") == ["Lilongwe"]
    # a ministry of a named country: its capital, not the country a statement gets
    ministry = "Ghana's foreign ministry summoned the Togolese ambassador on Friday."
    assert places(nlp, ministry, "ACCUSE") == ["Accra"]
    # the city the envoy serves in, when the text names it
    posted = "The ministry summoned Chile's ambassador in La Paz on Tuesday to protest."
    assert places(nlp, posted, "ACCUSE") == ["La Paz"]
    # an accusation told otherwise stays where the text leaves it
    other = "Kenya accused Uganda on Monday of arming the rebels."
    assert places(nlp, other, "ACCUSE") == [None]


def test_a_rally_on_a_named_square_is_in_its_city(nlp: Any) -> None:
    text = "WELLINGTON, June 9 (Wire) - Farmers rallied on Civic Square in March against the levy."
    [rally] = [e for e in events_of(nlp, text, DCT) if e["type"] == "PROTEST"]
    assert rally["location"] == "Wellington"
    assert "Civic Square" not in rally["target"]
    # the square is where they rallied, not whom against, when the city is named too
    named = "Hundreds of teachers rallied on Independence Square in Accra in May."
    [rally] = [e for e in events_of(nlp, named, DCT) if e["type"] == "PROTEST"]
    assert rally["location"] == "Accra" and "Independence Square" not in rally["target"]


def test_an_address_to_a_parliament_is_where_the_parliament_sits(nlp: Any) -> None:
    named = "President Adeyemi will address Senegal's National Assembly on Thursday."
    assert places(nlp, named, "STATEMENT") == ["Dakar"]
    # the country's parliament that sits outside its capital
    told = (
        "JOHANNESBURG, June 10 (Wire) - The foreign minister told Parliament on Wednesday "
        "that the summit was off."
    )
    assert places(nlp, told, "STATEMENT") == ["Cape Town"]
    # a foreign speaker addresses the assembly of the country the wire files from
    abroad = (
        "LUANDA, June 10 (Wire) - Brazil's President Helena Costa addressed the National "
        "Assembly on Wednesday."
    )
    assert places(nlp, abroad, "STATEMENT") == ["Luanda"]
    # the United Nations' assembly is no country's parliament
    world = "President Adeyemi will address the UN General Assembly on Thursday."
    assert places(nlp, world, "STATEMENT") != ["Dakar"]
