"""The page's shown headline: headings, <title>, og:title and the address, against the
article's opening."""

from helpers import ARTICLE, LEDE, page_facts_of


def test_the_heading_the_title_names_is_the_headline_without_the_site():
    found = page_facts_of(
        "<title>Harbour wall approved after long fight | The Coast Times</title>",
        "<h1><a href='/'>The Coast Times</a></h1><h2>Most read</h2>"
        "<h2>Harbour wall approved after long fight</h2>",
    )
    assert found.title == "Harbour wall approved after long fight"
    assert found.publisher == "The Coast Times"


def test_a_headline_longer_than_the_part_the_separators_cut_is_kept_whole():
    found = page_facts_of(
        "<title>Raspberry Pi 3 - The credit card sized PC - All-time bestseller</title>",
        "<h1>Raspberry Pi 3 - The credit card sized PC - All-time bestseller</h1>",
        "The Raspberry Pi 3 went on sale on Monday, the credit card sized PC that has become "
        "an all-time bestseller in Britain, its makers said.",
    )
    assert found.title == "Raspberry Pi 3 - The credit card sized PC - All-time bestseller"


def test_when_the_title_names_only_the_site_the_heading_over_the_article_is_the_headline():
    found = page_facts_of(
        "<title>Coast Times - Local news</title>",
        "<h1>Local news</h1><div class='nav'><b>Weather</b></div>"
        "<h3>Harbour authority approves breakwater</h3><p class='date'>Tuesday 4 June 2024</p>",
    )
    assert found.title == "Harbour authority approves breakwater"


def test_a_date_glued_after_the_heading_is_cut_off():
    found = page_facts_of(
        "<title>Coast Times</title>",
        "<h2>Harbour authority approves breakwater Tuesday, 4 June, 2024, 09:14</h2>",
    )
    assert found.title == "Harbour authority approves breakwater"


def test_a_deck_under_the_headline_is_not_the_headline():
    found = page_facts_of(
        "<title>Coast Times</title>",
        "<div class='headline'>Harbour authority approves breakwater</div>"
        "<div class='subhead'>The harbour authority ends two years of hearings on the wall</div>",
    )
    assert found.title == "Harbour authority approves breakwater"


def test_a_heading_that_is_exactly_the_pages_title_beats_a_different_og_title():
    found = page_facts_of(
        '<meta property="og:title" content="Harbour wall approved"><title>Harbour authority'
        " approves breakwater after two years of hearings | Coast Times</title>",
        "<h1>Harbour authority approves breakwater after two years of hearings</h1>"
        "<h2>Harbour wall approved</h2>",
    )
    assert found.title == "Harbour authority approves breakwater after two years of hearings"


def test_the_address_tells_the_headline_from_a_longer_tagline_in_the_title():
    found = page_facts_of(
        '<link rel="canonical" href="https://coast.example/2024/06/harbour-wall-approved/">'
        "<title>Harbour wall approved - Coast - The paper covering the whole harbour and"
        " its people</title>",
        "<h1>Coast - The paper covering the whole harbour and its people</h1>"
        "<h2>Harbour wall approved</h2>",
    )
    assert found.title == "Harbour wall approved"


def test_the_headline_shown_with_other_punctuation_keeps_the_pages_characters():
    found = page_facts_of(
        "<title>Harbour Chiefs Approve Sajs Wall (from The Coast Times)</title>",
        "<p class='orange'>Harbour chiefs approve Saj’s wall</p>",
        f"Harbour chiefs approve Saj’s wall.\n\n{ARTICLE}",
    )
    assert found.title == "Harbour chiefs approve Saj’s wall"


def test_og_title_and_the_title_agreeing_name_the_headline_the_page_does_not_show():
    found = page_facts_of(
        '<meta property="og:title" content="Harbour authority approves breakwater">'
        "<title>Harbour authority approves breakwater | Coast Times | News of the coast</title>",
        "<h1>Coast Times</h1><div>Coast Times News of the coast Home About Contact Archives"
        " subscribe to our feed</div>",
    )
    assert found.title == "Harbour authority approves breakwater"


def test_a_headline_in_plain_type_just_over_the_article_is_taken_when_nothing_else_is():
    found = page_facts_of(
        '<link rel="canonical" href="https://www.coasttimes.com/"><title>coasttimes.com</title>',
        "<div>Harbour authority approves breakwater</div><div>Photo: Coast Times</div>",
    )
    assert found.title == "Harbour authority approves breakwater"


def test_a_title_that_names_only_the_site_leaves_a_headline_in_the_text_to_the_text_rules():
    found = page_facts_of(
        '<link rel="canonical" href="https://www.coasttimes.com/"><title>coasttimes.com</title>',
        "<div>Harbour authority approves breakwater</div>",
        f"Harbour authority approves breakwater\n\n{ARTICLE}",
    )
    assert found.title == ""


def test_a_plain_line_naming_less_of_the_story_than_another_is_not_the_headline():
    found = page_facts_of(
        "",
        "<div>Harbour authority approves breakwater on Tuesday</div><br>"
        "<div>Coast Press Agency</div><span>Tuesday</span>",
        f"{LEDE} Coast Press Agency reporters were there.",
    )
    assert found.title == "Harbour authority approves breakwater on Tuesday"


def test_a_title_that_is_a_label_with_nothing_after_it_names_the_site():
    found = page_facts_of(
        "<title>Coast Times:</title>",
        "<div>COAST TIMES</div><h1>Harbour authority approves breakwater</h1>",
        f"{LEDE} Coast Times readers had asked for it.",
    )
    assert found.title == "Harbour authority approves breakwater"


def test_an_h1_sharing_only_a_common_word_with_the_article_is_not_taken_a_plain_line_is():
    found = page_facts_of(
        "",
        "<h1>News</h1><p class='orange'>Harbour authority approves breakwater</p>"
        "<h1>Photo gallery</h1>",
        f"{ARTICLE}\n\nphoto by the harbour authority",
    )
    assert found.title == "Harbour authority approves breakwater"


def test_a_kicker_glued_before_the_headline_is_cut_off_and_hidden_text_is_not_shown():
    found = page_facts_of(
        '<meta property="og:title" content="Official Blog of the Coast Times">'
        "<title>Harbour authority approves breakwater - CoastTimes.com</title>",
        "<p style='display: none'>Official Blog of the Coast Times</p>"
        "<h2><span>Coast Network</span> Harbour authority approves breakwater</h2>",
    )
    assert found.title == "Harbour authority approves breakwater"


def test_a_plain_line_that_is_a_sentence_is_a_teaser_not_the_headline():
    found = page_facts_of(
        "",
        "<div>Harbour authority approves breakwater</div>"
        "<div>The harbour authority ends two years of hearings on the new breakwater.</div>",
    )
    assert found.title == "Harbour authority approves breakwater"


def test_of_two_h1s_the_one_without_the_section_is_the_headline():
    found = page_facts_of(
        "<meta property='og:site_name' content='Coast Times'>"
        "<title>Coast Times - Harbour authority approves breakwater - Local News</title>",
        "<h1>Harbour authority approves breakwater - Local News</h1>"
        "<h1>Harbour authority approves breakwater</h1>",
    )
    assert found.title == "Harbour authority approves breakwater"


def test_a_link_in_running_text_that_spells_the_title_is_not_the_headline():
    found = page_facts_of(
        "<meta property='og:site_name' content='Coast Times'>"
        "<title>Harbour Breakwater Plans | Coast Times</title>",
        "<h1>Plans for the Harbour Breakwater</h1>"
        "<p>The council said its <a href='/plans'>harbour breakwater plans</a> would go ahead.</p>",
    )
    assert found.title == "Plans for the Harbour Breakwater"


def test_the_heading_right_over_the_article_is_the_headline_though_it_shares_no_word():
    found = page_facts_of(
        "<meta property='og:site_name' content='Coast Times'>"
        "<title>Coast Times - Latest local news</title>",
        "<span class='headerText'>Sea wall saga nears its end</span><br>"
        "<span class='dateText'>20240604 15:24</span>",
    )
    assert found.title == "Sea wall saga nears its end"


def test_a_short_section_label_right_over_the_article_is_not_taken_for_its_headline():
    found = page_facts_of(
        "<meta property='og:site_name' content='Coast Times'><title>Coast Times</title>",
        "<h2>Sports Wire</h2><span class='dateText'>20240604 15:24</span>",
    )
    assert found.title == ""
