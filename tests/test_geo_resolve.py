"""Resolution against the real gazetteer (built from the installed packages; no spaCy)."""

import pytest

from geowire.geo.resolve import ContextResolver, Mention, make_context_resolver
from geowire.model import PRECISIONS, Document


@pytest.fixture(scope="module")
def resolver() -> ContextResolver:
    return make_context_resolver()


def resolve(resolver, text: str, *names: str):
    mentions, cursor = [], 0
    for name in names:
        start = text.index(name, cursor)
        mentions.append(Mention(start, start + len(name), name))
        cursor = start + len(name)
    return resolver.resolve(text, mentions)


def test_admin_hint_picks_the_place_inside_the_named_state(resolver):
    alone = resolve(resolver, "The show opened in Paris last night.", "Paris")[0]
    texan = resolve(resolver, "The show opened in Paris, Texas last night.", "Paris")[0]
    assert alone.country_code == "FR"
    assert (texan.country_code, texan.admin1) == ("US", "Texas")


def test_province_hint_after_in(resolver):
    place = resolve(resolver, "Fighting broke out in Hit in Anbar province.", "Hit")[0]
    assert place.country_code == "IQ" and place.admin1 == "Al Anbār"
    assert place.precision == "city"


def test_ap_abbreviation_hint(resolver):
    place = resolve(resolver, "ATHENS, Ga. — A fire destroyed a barn.", "ATHENS")[0]
    assert (place.country_code, place.admin1) == ("US", "Georgia")


def test_country_adjective_cue(resolver):
    place = resolve(resolver, "Shelling hit the Syrian town of Tadmur overnight.", "Tadmur")[0]
    assert place.country_code == "SY"


def test_document_focus_resolves_an_ambiguous_town(resolver):
    text = "Troops moved from Ramadi to Fallujah and then to Hit, near Haditha."
    places = resolve(resolver, text, "Ramadi", "Fallujah", "Hit", "Haditha")
    assert all(p.country_code == "IQ" for p in places)


def test_arabic_spelling_variants_resolve_to_one_town(resolver):
    text = "Abu Kamal, Albu Kamal and Al-Bukamal were shelled; so were Deir ez-Zor and Deir Ezzor."
    places = resolve(resolver, text, "Abu Kamal", "Albu Kamal", "Deir ez-Zor", "Deir Ezzor")
    assert places[0].geonameid == places[1].geonameid and places[0].country_code == "SY"
    assert places[2].geonameid == places[3].geonameid and places[2].precision == "city"


def test_demonyms_are_country_mentions(resolver):
    iraqi, syrians = resolve(resolver, "Iraqi troops and Syrians met.", "Iraqi", "Syrians")
    assert (iraqi.country_code, iraqi.precision, iraqi.demonym) == ("IQ", "country", True)
    assert (syrians.country_code, syrians.demonym) == ("SY", True)


def test_countries_and_provinces_are_never_towns(resolver):
    text = "Iraq and Georgia signed a deal; Anbar province and Texas were mentioned."
    iraq, georgia, anbar, texas = resolve(resolver, text, "Iraq", "Georgia", "Anbar", "Texas")
    assert (iraq.precision, iraq.feature) == ("country", "A.PCLI") and iraq.country_code == "IQ"
    assert georgia.precision in ("country", "admin1")
    assert anbar.precision == "admin1" and texas.precision == "admin1"


def test_every_place_has_precision_and_bounded_confidence(resolver):
    text = "From Mosul to the Mediterranean via the Euphrates, Iraqis travelled to Cairo."
    places = resolve(resolver, text, "Mosul", "Mediterranean", "Euphrates", "Iraqis", "Cairo")
    for place in places:
        assert place.precision in PRECISIONS
        assert 0.0 <= place.confidence <= 1.0
        assert place.country_code is None or len(place.country_code) == 2
    assert places[1].precision == "region"


def test_given_spans_give_one_place_per_span_in_order(resolver):
    from geowire.geo.given import GivenSpans
    from geowire.ingest.protocol import given_places

    text = "Qwxzy and Mosul, then Mosul again."
    second = text.rindex("Mosul")
    spans = [(second, second + 5), (0, 5), (10, 15)]
    doc = GivenSpans(resolver)(Document(id="d", text=text, places=given_places(text, spans)))
    assert [(p.start, p.end) for p in doc.places] == spans
    # an unknown name still has its one entry, framed by the place the document is about (issue #14)
    assert doc.places[1].name == "Mosul" and doc.places[1].basis == "sentence"
    assert doc.places[1].confidence < doc.places[0].confidence
    assert doc.places[0].geonameid == doc.places[2].geonameid is not None


def test_city_named_like_its_province_unless_the_text_says_province(resolver):
    city = resolve(resolver, "Airstrikes hit Idlib on Monday.", "Idlib")[0]
    province = resolve(resolver, "Airstrikes hit Idlib province on Monday.", "Idlib")[0]
    assert (city.country_code, city.precision) == ("SY", "city")
    assert (province.country_code, province.precision) == ("SY", "admin1")


def test_postal_code_hint_after_a_comma(resolver):
    place = resolve(resolver, "The show opened in Paris, TX last night.", "Paris")[0]
    assert (place.country_code, place.admin1) == ("US", "Texas")


def test_unknown_forms_fall_back_to_demonyms_and_counties(resolver):
    text = "Ohioans and Minnesotans gathered in Loudon Co. on Friday."
    ohioans, minnesotans, loudon = resolve(resolver, text, "Ohioans", "Minnesotans", "Loudon Co.")
    assert (ohioans.admin1, ohioans.precision, ohioans.demonym) == ("Ohio", "admin1", True)
    assert minnesotans.admin1 == "Minnesota" and minnesotans.demonym
    assert loudon.precision == "admin2" and loudon.country_code == "US"


def test_confidence_is_calibrated_not_raw(resolver):
    from geowire.geo.resolve import ContextResolver

    raw = ContextResolver()
    raw.calibration = None
    text = "Officials in Springfield said the plan was ready."
    calibrated = resolve(resolver, text, "Springfield")[0]
    uncalibrated = resolve(raw, text, "Springfield")[0]
    assert calibrated.geonameid == uncalibrated.geonameid
    assert calibrated.precision == "city" and calibrated.basis == "name"
    assert abs(calibrated.confidence - resolver.calibration(uncalibrated.confidence, "town")) < 0.01


def test_a_town_named_like_a_country_needs_evidence_at_the_mention(resolver):
    # a Texas story: the other places pull towards Texas, but "China" alone is still the country
    text = "Farmers from Beaumont and Nederland met in Port Arthur to discuss exports to China."
    china = resolve(resolver, text, "Beaumont", "Nederland", "Port Arthur", "China")[-1]
    assert china.country_code == "CN" and china.precision == "country"
    local = "Farmers from Beaumont met in China, Texas, on Tuesday."
    town = resolve(resolver, local, "Beaumont", "China")[-1]
    assert (town.country_code, town.precision) == ("US", "city")


def test_a_local_news_frame_is_evidence_for_the_town(resolver):
    # "the Jordan middle school" reads Jordan as a town: the country's precedence yields to it
    text = ("Tryouts for the Jordan youth team are at the Jordan middle school; players from across the "
            "United States are welcome.")
    town = resolve(resolver, text, "Jordan", "Jordan", "United States")[0]
    assert (town.country_code, town.precision) == ("US", "city")
    plain = "Tryouts for the Jordan youth team were held; players from across the United States are welcome."
    assert resolve(resolver, plain, "Jordan", "United States")[0].precision == "country"


def test_the_shares_are_read_again_from_the_settled_readings(resolver):
    # "Georgia" alone prefers the country; read as the state, its share makes "Atlanta" Georgia's city,
    # not the small Atlanta in Texas (the other state named)
    text = ("The exchange began in Georgia in 1997. Georgia teachers and Georgia parents joined it, and Texas "
            "schools followed. A charity in Atlanta runs it.")
    places = resolve(resolver, text, "Georgia", "Georgia", "Georgia", "Texas", "Atlanta")
    assert places[0].precision == "admin1"
    assert (places[-1].admin1, places[-1].precision) == ("Georgia", "city")
    single = ContextResolver(context_passes=1)
    assert resolve(single, text, "Georgia", "Georgia", "Georgia", "Texas", "Atlanta")[-1].admin1 == "Texas"


def test_a_place_once_also_called_x_does_not_beat_the_place_called_x_on_the_documents_pull(resolver):
    # Mount Gilead, Ohio has "Youngstown" among its alternate names; an Ohio story means Youngstown itself
    text = "Workers from Mansfield and Delaware drove to Youngstown on Friday."
    town = resolve(resolver, text, "Mansfield", "Delaware", "Youngstown")[-1]
    assert (town.name, town.admin1) == ("Youngstown", "Ohio")
    full = ContextResolver(alternate_context_share=1.0)
    assert resolve(full, text, "Mansfield", "Delaware", "Youngstown")[-1].name != "Youngstown"


def test_a_town_named_like_a_state_needs_evidence_at_the_mention(resolver):
    # Pennsylvania has a town called California: naming both states does not make "California" that town
    text = "Beekeepers in Pennsylvania lost half their hives this winter. Growers in California lost more."
    state = resolve(resolver, text, "Pennsylvania", "California")[1]
    assert (state.name, state.precision) == ("California", "admin1")
    wales = resolve(resolver, "The report counted cases in England and in Wales.", "England", "Wales")[1]
    assert wales.precision == "admin1"
    town = resolve(resolver, "The mill in California, Pennsylvania closed.", "California", "Pennsylvania")[0]
    assert (town.admin1, town.precision) == ("Pennsylvania", "city")


def test_a_name_after_a_place_and_comma_is_the_containing_state(resolver):
    place = resolve(resolver, "The plant in Albany, New York, closed.", "Albany", "New York")[1]
    assert (place.country_code, place.precision) == ("US", "admin1")


# -- names the gazetteer lacks get the place the text puts them in (issue #14, item 1) -----------------------


def test_a_street_takes_the_town_named_after_it(resolver):
    text = "Police closed Quarry Lane Street, Dayton, after a gas leak; Ohio officials said."
    street, town, state = resolve(resolver, text, "Quarry Lane Street", "Dayton", "Ohio")
    assert street.basis == "container" and street.name == town.name == "Dayton"
    assert street.precision == "city"               # never finer than the town around it
    assert street.confidence < town.confidence
    assert town.basis == "name" and state.basis == "name"


def test_a_building_in_a_datelined_story_takes_the_dateline(resolver):
    text = "KIRKUK — Gunmen attacked the Zqxwv Tower on Monday. Baghdad sent troops; Baghdad officials spoke."
    dateline, tower, *_ = resolve(resolver, text, "KIRKUK", "Zqxwv Tower", "Baghdad", "Baghdad")
    assert tower.basis == "dateline" and tower.name == dateline.name
    assert tower.country_code == "IQ"


def test_a_dateline_below_a_first_line_frames_the_unknown_name(resolver):
    # archives open with a line of their own ("This story is from ..."); the dateline is the next paragraph's
    text = ("This story is from March 7, 2002\n\nrajkot: the minister visited qzvwx plot after the godhra "
            "incident. the godhra train burning was condemned.")
    dateline, plot, *_ = resolve(resolver, text, "rajkot", "qzvwx plot", "godhra", "godhra")
    assert plot.basis == "dateline" and plot.name == dateline.name


def test_without_a_dateline_the_most_mentioned_place_frames_the_unknown_name(resolver):
    text = ("Flooding hit Nairobi on Tuesday. Residents of Qzvwx Estate fled. Nairobi officials and "
            "Nairobi police opened shelters; aid came from Kenya.")
    places = resolve(resolver, text, "Nairobi", "Qzvwx Estate", "Nairobi", "Nairobi", "Kenya")
    estate = places[1]
    assert estate.basis == "document_focus" and estate.name == places[0].name
    assert estate.precision == "city" and estate.country_code == "KE"


def test_a_province_named_once_frames_better_than_a_country_named_often(resolver):
    # sentences apart, no dateline: the country is mentioned most, but a village the gazetteer lacks is
    # nearer the province the story is about than the country's centre
    text = ("Canada reported new cases on Monday. Officials in Canada said more tests were planned. "
            "The outbreak began in Manitoba. Canada asked for calm. Residents of Qzvwx Landing were tested.")
    places = resolve(resolver, text, "Canada", "Canada", "Manitoba", "Canada", "Qzvwx Landing")
    village = places[-1]
    assert village.basis == "document_focus" and village.precision == "admin1" and village.name == places[2].name


def test_a_known_name_in_a_named_province_that_lacks_it_takes_the_province(resolver):
    # no Lyon in Saskatchewan in the gazetteer: a village there, not the French city
    lyon = resolve(resolver, "A barn burned near Lyon, Saskatchewan, on Friday.", "Lyon", "Saskatchewan")[0]
    assert (lyon.name, lyon.precision, lyon.basis) == ("Saskatchewan", "admin1", "container")
    assert lyon.text == "Lyon"
    # a list is no container, and neither is a lone direction (a section name)
    text = "Flights from Paris, London and Berlin were cancelled."
    paris = resolve(resolver, text, "Paris", "London", "Berlin")[0]
    assert paris.basis == "name" and paris.country_code == "FR"
    city = resolve(resolver, "Kansas City, North. Police said.", "Kansas City", "North")[0]
    assert city.basis == "name" and city.precision == "city"


def test_no_frame_no_place(resolver):
    (place,) = resolve(resolver, "Nobody has heard of Qzvwx Estate.", "Qzvwx Estate")
    assert place.lat is None and place.basis is None and place.confidence == 0.0


def test_a_river_without_an_entry_takes_the_document_frame(resolver):
    text = "From Mosul to the Mediterranean via the Euphrates, Iraqis travelled to Cairo."
    places = resolve(resolver, text, "Mosul", "Mediterranean", "Euphrates", "Iraqis", "Cairo")
    assert places[1].feature == "H.SEA" and places[1].basis == "name"
    assert places[2].basis == "sentence" and places[2].precision == "city"     # a town named in its sentence
    assert places[3].basis == "demonym" and places[3].country_code == "IQ"


def test_initialisms_of_countries_and_provinces(resolver):
    text = "Cases rose in NSW and Victoria, Australia, while the DRC and the DPRK reported none; T&T did too."
    nsw, _, _, drc, dprk, tt = resolve(resolver, text, "NSW", "Victoria", "Australia", "DRC", "DPRK", "T&T")
    assert (nsw.name, nsw.precision) == ("New South Wales", "admin1")
    assert (drc.country_code, dprk.country_code, tt.country_code) == ("CD", "KP", "TT")
    assert nsw.basis == "name"
    # a lower-case or mixed word is no initialism, and a generic head ("State of Arizona") gives none
    assert resolver.gazetteer.fallback_candidates("Nsw") == []
    assert all(c.name != "Arizona" for c in resolver.gazetteer.fallback_candidates("SA"))


# -- city, state or country from what the text says (issue #14, item 4) --------------------------------------


def test_a_text_that_says_x_city_means_the_country_by_x(resolver):
    text = ("Health officials in Mexico City confirmed more cases. Mexico City hospitals were full, "
            "and Mexico closed its schools.")
    city, _, country = resolve(resolver, text, "Mexico City", "Mexico City", "Mexico")
    assert city.precision == "city" and city.country_code == "MX"
    assert country.precision == "country" and country.country_code == "MX"


def test_the_bare_name_alone_is_still_read_by_its_prior(resolver):
    (place,) = resolve(resolver, "Flights to Mexico resumed on Monday.", "Mexico")
    assert place.precision == "country"
    (capital,) = resolve(resolver, "Officials in Washington said talks would go on.", "Washington")
    assert capital.precision == "city" and capital.admin1 != "Washington"
    state = resolve(resolver, "Crews fought fires in Spokane, Washington.", "Spokane", "Washington")[1]
    assert state.precision == "admin1" and state.name == "Washington"


def test_adjectives_of_countries_and_areas_resolve_to_them(resolver):
    text = "Philippine, Scottish, Turkish and Kurdish officials met Czechs and Coloradans."
    names = ("Philippine", "Scottish", "Turkish", "Kurdish", "Czechs", "Coloradans")
    places = resolve(resolver, text, *names)
    assert [p.country_code for p in places] == ["PH", "GB", "TR", places[3].country_code, "CZ", "US"]
    assert places[3].country_code in ("IQ", "IR", "TR", "SY")      # a Kurdish area, wherever the text is
    assert places[1].name == "Scotland" and places[5].name == "Colorado"
    assert all(p.basis == "demonym" for p in places)


def test_names_in_one_list_are_read_at_one_level(resolver):
    text = "Cases were reported in the states of Arizona, Utah, Oregon, Washington and Wisconsin."
    *_, washington, _ = resolve(resolver, text, "Arizona", "Utah", "Oregon", "Washington", "Wisconsin")
    assert washington.precision == "admin1" and washington.name == "Washington"
    alone = resolve(resolver, "Talks in Washington ended.", "Washington")[0]
    assert alone.precision == "city"                 # the capital when no list says otherwise


def test_the_list_cue_raises_the_reading_at_the_list_level():
    from geowire.geo.resolve import ContextResolver

    plain, listed = ContextResolver(list_weight=0.0), ContextResolver(list_weight=2.0)
    plain.calibration = listed.calibration = None       # compare raw shares
    text = "Flights from Arizona, Utah, Oregon, Washington and Wisconsin were cancelled."
    names = ("Arizona", "Utah", "Oregon", "Washington", "Wisconsin")
    without, with_cue = resolve(plain, text, *names)[3], resolve(listed, text, *names)[3]
    assert with_cue.precision == "admin1" and with_cue.confidence > without.confidence
    # two names joined by "and" are no list
    pair = resolve(listed, "Flights from Utah and Washington were cancelled.", "Utah", "Washington")[1]
    assert pair.confidence == resolve(plain, "Flights from Utah and Washington were cancelled.",
                                      "Utah", "Washington")[1].confidence


def test_without_a_dateline_an_unknown_name_takes_the_town_in_its_sentence(resolver):
    text = ("Cholera spread in Kenya this week. In Kisumu, the Qzvwx Estate clinic was shut. "
            "Kenya's ministry said Kenya would send doctors.")
    places = resolve(resolver, text, "Kenya", "Kisumu", "Qzvwx Estate", "Kenya", "Kenya")
    assert places[2].basis == "sentence" and places[2].name == "Kisumu" and places[2].precision == "city"


def test_korean_and_korea_are_country_mentions(resolver):
    # ISO writes "Korea, Republic of" and "Korea, Democratic People's Republic of": the head is a name of both
    korean, korea = resolve(resolver, "Korean officials said Korea would reply.", "Korean", "Korea")
    assert korean.precision == korea.precision == "country" and korean.basis == "demonym"
    assert korean.country_code in ("KR", "KP") and korea.country_code in ("KR", "KP")
    north = resolve(resolver, "Pyongyang said Korea would reply.", "Pyongyang", "Korea")[1]
    assert north.country_code == "KP"                  # the document decides between the two


def test_an_ocean_named_by_its_adjective_beats_a_small_town(resolver):
    # "the Atlantic" is the ocean: its adjectival short form is the name English uses for it alone, and a
    # feature without population is not outranked by a village of the same name in a US story
    text = "The storm crossed the Atlantic before it reached Charleston and Savannah."
    ocean = resolve(resolver, text, "Atlantic", "Charleston", "Savannah")[0]
    assert (ocean.feature, ocean.precision) == ("H.OCN", "region") and ocean.country_code is None
    pacific = resolve(resolver, "Fishing boats from Oregon worked the Pacific all winter.", "Oregon", "Pacific")[1]
    assert pacific.feature == "H.OCN"
    # evidence at the mention still makes it the town
    local = "The fair opened in Atlantic, Iowa, on Saturday."
    town = resolve(resolver, local, "Atlantic", "Iowa")[0]
    assert (town.country_code, town.admin1, town.precision) == ("US", "Iowa", "city")


def test_a_sea_named_by_its_adjective_is_the_sea(resolver):
    place = resolve(resolver, "Cruise ships left Miami for the Caribbean on Monday.", "Miami", "Caribbean")[1]
    assert place.feature == "H.SEA"


def test_an_island_divided_into_provinces_is_the_island(resolver):
    # Indonesia's provinces are "Jawa Barat", "Jawa Tengah", "Jawa Timur" with the English aliases
    # "West/Central/East Java": the whole is Java, not a Georgian village of the same name
    place = resolve(resolver, "Floods cut roads across Java after a week of rain.", "Java")[0]
    assert (place.country_code, place.precision) == ("ID", "region") and -8.5 < place.lat < -6 \
        and 106 < place.lon < 115


def test_a_far_off_village_that_nothing_in_the_text_supports_is_a_name_the_gazetteer_lacks(resolver):
    # the gazetteer knows "Middle East" only as a village in Maryland: in a story about Egypt and Israel
    # nothing supports it (no cue, no Maryland, no place near it), so it takes the place the text gives
    text = "Envoys met in Cairo on Monday. Egypt and Israel said peace in the Middle East was near."
    places = resolve(resolver, text, "Cairo", "Egypt", "Israel", "Middle East")
    assert places[-1].country_code != "US" and places[-1].basis in ("sentence", "document_focus")
    # near Baltimore the village is meant
    local = "Firefighters from Baltimore put out a fire in Middle East on Sunday."
    town = resolve(resolver, local, "Baltimore", "Middle East")[-1]
    assert (town.country_code, town.admin1, town.basis) == ("US", "Maryland", "name")


# -- global news (issue #14, seventh session): sentences written for these tests ---------------------------------


def test_a_country_after_a_town_and_comma_is_the_one_that_holds_the_town(resolver):
    # "Brazzaville, Congo": the Republic of the Congo, which holds Brazzaville, not the bigger DR Congo
    text = "The agency sent a team from its regional office in Brazzaville, Congo, on Monday."
    town, country = resolve(resolver, text, "Brazzaville", "Congo")
    assert (town.country_code, country.country_code, country.precision) == ("CG", "CG", "country")
    # "Batumi, Georgia": the country, in a story that names no US place
    text = "Tourists returned to the beaches of Batumi, Georgia, after the storm."
    assert resolve(resolver, text, "Batumi", "Georgia")[1].country_code == "GE"


def test_a_feature_read_by_dropping_its_generic_word_stays_in_the_texts_countries(resolver):
    # "Lake Victoria" is no lake in the gazetteer; read as "Victoria" it is the Seychelles' capital, a country
    # nothing else in the text points to: the lake takes the place the text puts it in instead
    text = "Fishermen in Kisumu, Kenya, said water hyacinth had choked Lake Victoria again this year."
    lake = resolve(resolver, text, "Kisumu", "Kenya", "Lake Victoria")[2]
    assert (lake.name, lake.country_code, lake.basis) == ("Kisumu", "KE", "sentence")
    # a region read from "Eastern Mediterranean" (the sea, its direction dropped) is no namesake abroad: it stays
    region = resolve(resolver, "Aid ships from Cyprus crossed the Eastern Mediterranean.", "Cyprus",
                     "Eastern Mediterranean")[1]
    assert (region.name, region.basis) == ("Mediterranean Sea", "approximate")


def test_a_place_named_after_near_frames_an_unknown_feature_even_at_a_line_end(resolver):
    # "the Bekaa Valley near Baalbek." then a new line: the containing name stops at the line's end, so it is
    # Baalbek (not "Baalbek.\nIn Syria", which names nothing and left the valley to the dateline's Beirut)
    text = "BEIRUT - Fighting broke out in the Bekaa Valley near Baalbek.\nIn Syria, shelling went on."
    valley = resolve(resolver, text, "BEIRUT", "Bekaa Valley", "Baalbek", "Syria")[1]
    assert (valley.name, valley.basis) == ("Baalbek", "container")


def test_a_place_before_a_possessive_frames_the_unknown_feature_after_it(resolver):
    # "Java's Mount Semeru": the volcano is on Java, not in the dateline's Jakarta; a person's possessive names no
    # place ("Carter's farm" keeps the dateline)
    text = "JAKARTA - Ash from Java's Mount Semeru fell on villages, officials said."
    volcano = resolve(resolver, text, "JAKARTA", "Java", "Mount Semeru")[2]
    assert (volcano.name, volcano.basis) == ("Java", "container")
    farm = resolve(resolver, "JAKARTA - Ash fell on Carter's Bukit Farm, officials said.", "JAKARTA",
                   "Bukit Farm")[1]
    assert (farm.name, farm.basis) == ("Jakarta", "dateline")


def test_a_place_before_a_possessive_is_the_area_that_holds_the_name_after_it(resolver):
    # "Ethiopia's Somali region": the Ethiopian province Somali, not Somalia, which the text also names
    text = "Cholera spread from Somalia into Ethiopia's Somali region last month."
    region = resolve(resolver, text, "Somalia", "Ethiopia", "Somali")[2]
    assert (region.name, region.country_code, region.precision) == ("Somali", "ET", "admin1")


def test_a_world_city_named_like_its_state_is_the_city_unless_the_text_says_state(resolver):
    # the city lies far from the state's centre (250 km), so the nearness reading of "Aleppo" did not reach it
    talks = resolve(resolver, "Negotiators met in New York on Tuesday to revive the talks.", "New York")[0]
    assert talks.precision == "city" and abs(talks.lat - 40.71) < 0.2
    samba = resolve(resolver, "The carnival in Sao Paulo drew two million people.", "Sao Paulo")[0]
    assert samba.precision == "city" and abs(samba.lat + 23.55) < 0.3
    for text, names in [
        ("Heavy snow closed roads across upstate New York.", ("New York",)),
        ("The state of New York passed the bill.", ("New York",)),
        ("A barn burned in Ulster County, New York, overnight.", ("Ulster County", "New York")),
        ("Voters in New York, Vermont and Maine backed the measure.", ("New York", "Vermont", "Maine")),
    ]:
        place = resolve(resolver, text, *names)[names.index("New York")]
        assert place.precision == "admin1", text


def test_the_big_city_keeps_its_state_name_unless_the_text_speaks_of_the_state(resolver):
    # eponym_city_own_name (on by default): "New York" is the city's own name, not a name it was once also called,
    # unless towns elsewhere in the state or other states are read in the text
    reader = resolver
    assert ContextResolver().eponym_city_own_name
    text = "The White House said the envoy would brief reporters in New York after the talks with Tehran."
    city = resolve(reader, text, "White House", "New York", "Tehran")[1]
    assert city.precision == "city"
    for text, names in [
        ("Snow closed schools in Buffalo and Rochester, and New York declared an emergency.",
         ("Buffalo", "Rochester", "New York")),
        ("Cases rose in Ohio and Texas, while New York reported twelve more.", ("Ohio", "Texas", "New York")),
    ]:
        assert resolve(reader, text, *names)[-1].precision == "admin1", text


def test_a_person_before_the_comma_is_not_held_by_the_name_after_it(resolver):
    # "Name, State" is a container cue only when the name before the comma is a place
    text = "Mary Okafor, Washington's police chief, said the march had been peaceful."
    assert resolve(resolver, text, "Washington")[0].precision == "city"
    text = "Crowds filled Washington, D.C. January 21 for the march."
    assert resolve(resolver, text, "Washington")[0].precision == "city"


def test_the_same_name_before_an_area_word_is_the_province_and_bare_the_city(resolver):
    """One sense per name and frame: 'the Donetsk region' is the oblast, 'shelling in Donetsk' the city."""
    text = "Shelling hit Donetsk on Monday, and the governor of the Donetsk region said two villages burned."
    city, region = resolve(resolver, text, "Donetsk", "Donetsk")
    assert (city.country_code, city.precision) == ("UA", "city")
    assert (region.country_code, region.precision, region.admin1) == ("UA", "admin1", "Donetska oblast")


def test_a_transliteration_of_a_large_city_beats_a_hamlet_spelled_so(resolver):
    """'Zaporizhzhia' is GeoNames' alternate of the city Zaporizhzhya (710,052) and the own name of a hamlet of 656."""
    place = resolve(resolver, "Drones struck Zaporizhzhia and Enerhodar overnight.", "Zaporizhzhia", "Enerhodar")[0]
    assert (place.country_code, place.precision) == ("UA", "city") and abs(place.lat - 47.85) < 0.1


def test_spelling_variants_are_transliterations_not_other_names():
    from geowire.geo.priors import spelling_variant

    assert spelling_variant("Zaporizhzhia", "Zaporizhzhya") and spelling_variant("Kharkov", "Kharkiv")
    assert not spelling_variant("Rhodes", "Ródos")          # an exonym
    assert not spelling_variant("Maryville", "Beeville")    # another name
    assert not spelling_variant("Kyiv", "Kyiv")             # the same name


def test_a_sentence_opening_with_its_town_frames_a_venue_before_the_dateline(resolver):
    text = ("LONDON (AP) — Ministers met on Monday. In Tel Aviv, families of hostages rallied at Hostages Square. "
            "In Amman, the government said it would reopen the Allenby Bridge crossing.")
    _, tel_aviv, square, amman, bridge = resolve(resolver, text, "LONDON", "Tel Aviv", "Hostages Square", "Amman",
                                                "Allenby Bridge")
    assert (square.name, square.basis) == (tel_aviv.name, "sentence") and square.country_code == "IL"
    assert (bridge.name, bridge.basis) == (amman.name, "sentence") and bridge.country_code == "JO"


def test_a_venue_takes_the_one_country_its_sentence_names_over_a_frame_abroad(resolver):
    """'at 10 Downing Street' in a Washington story: the country of its sentence, at a country's precision, not the
    dateline's city."""
    text = ("WASHINGTON — The president spoke by phone with the British prime minister at 10 Downing Street. "
            "He later flew from Washington to Chicago.")
    places = resolve(resolver, text, "WASHINGTON", "British", "10 Downing Street", "Washington", "Chicago")
    street = places[2]
    assert (street.country_code, street.precision, street.basis) == ("GB", "country", "sentence")
    # a venue whose sentence names no other country keeps the dateline
    text = "WASHINGTON — Protesters gathered at Lafayette Square on Monday."
    square = resolve(resolver, text, "WASHINGTON", "Lafayette Square")[1]
    assert (square.country_code, square.basis) == ("US", "dateline")


def test_a_state_named_far_off_in_a_national_story_does_not_make_new_york_the_state(resolver):
    """A state is a cue for 'New York' the state only beside it ('New York and New Jersey'); a national story that
    names California two paragraphs on still means the city by 'a rally in New York'."""
    text = ("Thousands marched at a rally in New York on Saturday against the new policy, organisers said. "
            "The march was peaceful, and police made no arrests, a spokesman for the police department said later. "
            "Smaller crowds gathered in California.")
    rally, california = resolve(resolver, text, "New York", "California")
    assert rally.precision == "city" and abs(rally.lat - 40.71) < 0.2
    assert california.precision == "admin1"
    beside = resolve(resolver, "Bombs went off in New York and New Jersey.", "New York", "New Jersey")[0]
    assert beside.precision == "admin1"


def test_the_name_before_border_is_the_area(resolver):
    """'near the New York border': a border is an area's, not its big city's."""
    text = "Traffic backed up for miles before the New York border on Friday."
    assert resolve(resolver, text, "New York")[0].precision == "admin1"


def test_a_close_spelling_of_a_large_city_beats_a_smaller_town_really_so_called(resolver):
    """'Odessa' (GeoNames: Odesa, about a million) in a Ukraine story is not Odessa, Texas, though Texas's is the place
    GeoNames calls so; 'Elizabethtown' (an alternate of Elizabeth, New Jersey) stays a town really so called."""
    text = "Odessa lost power for six hours after the missile strikes."
    assert resolve(resolver, text, "Odessa")[0].country_code == "UA"
    town = resolve(resolver, "A barn burned near Elizabethtown on Friday.", "Elizabethtown")[0]
    assert town.name == "Elizabethtown"


def test_a_name_the_gazetteer_lacks_takes_one_frame_in_a_document(resolver):
    """One sense per name: 'Keller Street' is in Dayton in both mentions, not in Dayton once and at the dateline's
    Zanesville the second time, when the text names its town only once."""
    text = ("ZANESVILLE, Ohio — A fire broke out on Keller Street in Dayton on Monday. Crews from Zanesville helped. "
            "Keller Street stayed closed on Tuesday.")
    places = resolve(resolver, text, "ZANESVILLE", "Ohio", "Keller Street", "Dayton", "Zanesville", "Keller Street")
    first, second = places[2], places[5]
    assert first.name == second.name == "Dayton" and first.basis == second.basis == "container"


def test_a_dateline_abroad_does_not_frame_a_sentence_about_another_country(resolver):
    """'KHARTOUM — ... a base in Beledweyne, in the Hiran region': the unknown region takes its sentence's Somali
    town, not the Sudanese dateline; in the dateline's own country the dateline still frames ('Tawila')."""
    text = ("KHARTOUM, Sudan (AP) — Thousands fled El Fasher toward Tawila. Al-Shabab also attacked a base in "
            "Beledweyne, in the Hiran region.")
    places = resolve(resolver, text, "KHARTOUM", "Sudan", "El Fasher", "Tawila", "Beledweyne", "Hiran")
    assert (places[5].country_code, places[5].basis) == ("SO", "sentence")
    assert (places[3].country_code, places[3].basis) == ("SD", "dateline")


def test_a_containing_name_ends_with_its_sentence(resolver):
    """'in Taji, Iraq. He said ...': the hint is 'Iraq', not 'Iraq. He'."""
    text = "He was injured in 2004 in Taji, Iraq. He said he still has headaches."
    taji = resolve(resolver, text, "Taji", "Iraq")[0]
    assert (taji.country_code, taji.basis) == ("IQ", "container")


def test_a_province_named_after_its_town_does_not_make_the_town_a_homonym(resolver):
    """'near Gao and Menaka': Ménaka (14,085) is the town the Ménaka region is named after, not a small namesake that
    needs a cue at the mention, as a town named like a far-off province would."""
    text = "Fighting was also reported near Gao and Menaka, and flights to Timbuktu were suspended."
    menaka = resolve(resolver, text, "Gao", "Menaka", "Timbuktu")[1]
    assert (menaka.country_code, menaka.precision) == ("ML", "city")


def test_a_list_of_peers_is_no_town_and_its_state(resolver):
    # the name after the comma and the next one are states, and the mention can be a state too: a list of states,
    # so "Pennsylvania" does not hold "Washington"
    text = "Cases were confirmed in Oregon, Idaho, Washington, Pennsylvania and California."
    washington = resolve(resolver, text, "Oregon", "Idaho", "Washington", "Pennsylvania", "California")[2]
    assert (washington.precision, washington.name) == ("admin1", "Washington")
    # in a short list the capital's prior may still win, but no town or county of Pennsylvania does
    text = "Inspectors traced the outbreak to farms in Washington, Pennsylvania and California."
    assert resolve(resolver, text, "Washington", "Pennsylvania", "California")[0].admin1 != "Pennsylvania"


def test_a_town_and_its_state_before_a_list_keep_their_reading(resolver):
    # no state or country called Springfield: "Illinois" still holds it
    text = "She lived in Springfield, Illinois and Columbus, Ohio before the move."
    springfield = resolve(resolver, text, "Springfield", "Illinois", "Columbus", "Ohio")[0]
    assert springfield.admin1 == "Illinois"
    # an island province of another country is no peer of American states
    text = "The storm flooded Long Island, New York, Connecticut and Rhode Island."
    assert resolve(resolver, text, "Long Island", "New York", "Connecticut", "Rhode Island")[0].country_code == "US"


def test_a_part_of_a_continent_written_with_the_compass_noun_is_the_region(resolver):
    text = "Tension grew in East Asia and West Africa, while South Africa and North America watched."
    east, west, south, north = resolve(resolver, text, "East Asia", "West Africa", "South Africa", "North America")
    assert (east.precision, east.name) == ("region", "Eastern Asia")
    assert (west.precision, west.name) == ("region", "Western Africa")
    assert (south.precision, south.country_code) == ("country", "ZA")   # a country's name is never a region's
    assert north.name == "North America"


def test_a_name_of_compass_words_is_no_village_or_province_abroad_the_text_does_not_place(resolver):
    text = ("MOSCOW — Russia seeks a larger role in the Middle East, officials in Washington said. Seoul and the "
            "prosperous South trade more.")
    places = resolve(resolver, text, "MOSCOW", "Russia", "Middle East", "Washington", "Seoul", "South")
    middle_east, south = places[2], places[5]
    # (the Maryland village and Cameroon's South region are the gazetteer's only readings of these names)
    assert middle_east.name != "Middle East" and middle_east.basis != "name"
    assert south.country_code != "CM" and south.basis != "name"


def test_a_name_of_compass_words_stays_a_province_of_a_country_the_text_names(resolver):
    text = "Voters in Rwanda went to the polls; in Western, turnout was high, officials in Kigali said."
    western = resolve(resolver, text, "Rwanda", "Western", "Kigali")[1]
    assert (western.country_code, western.precision, western.basis) == ("RW", "admin1", "name")
