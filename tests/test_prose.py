"""The learned body classifier and headline ranker on a whole page's text: menus, a teaser
list, a byline, a date and a footer around one article."""

from converter.model import RawSeed
from converter.rules import parse_seed
from converter.rules.headline import trim_headline
from converter.rules.prose import BLEND, blend

PARAGRAPHS = [
    "The city council voted on Tuesday to close the old library on Main Street and move its "
    "books to a new building by the river, ending a debate that has lasted for three years.",
    "Supporters of the plan said the new building would cost less to heat and would give "
    "children more room to read, while opponents said the old library was part of the town.",
    '"We listened to everyone, and in the end the numbers decided it," said the mayor, who '
    "added that the old building would be sold only to a buyer who keeps its front.",
    "The move is expected to take most of next summer, and the library will stay open in "
    "the meantime with shorter hours on weekends.",
    "Residents can still comment on the design of the new building at a meeting in the town "
    "hall next month, the council said.",
]
PAGE = "\n".join(
    [
        "Skip to content",
        "Home",
        "News",
        "Sport",
        "Business",
        "Weather",
        "Search",
        "Sign in",
        "Library to move to riverside site after council vote",
        "By Jane Hollis, Staff Writer",
        "Published: March 3, 2021 6:15 pm",
        *PARAGRAPHS,
        "Related stories",
        "Bridge repairs to start in May",
        "School wins national chess prize",
        "Most read",
        "1. Storm warning for the weekend",
        "2. New bus timetable explained",
        "Contact us | Advertise | Privacy policy | Terms of use",
        "© 2021 Riverside Gazette. All rights reserved.",
    ]
)


def test_a_whole_page_gives_its_article_and_facts():
    parsed = parse_seed(RawSeed("page", PAGE))
    assert parsed.title == "Library to move to riverside site after council vote"
    assert [block.text for block in parsed.blocks] == PARAGRAPHS
    assert parsed.authors == ("Jane Hollis",)
    assert parsed.date == "2021-03-03"
    assert parsed.publisher == "Riverside Gazette"
    assert parsed.source == "Unknown"
    assert parsed.language == "en"


def test_clean_text_loses_no_paragraph():
    text = "\n\n".join(["Library to move to riverside site", *PARAGRAPHS])
    parsed = parse_seed(RawSeed("clean", text))
    assert [block.text for block in parsed.blocks] == PARAGRAPHS


def test_what_pages_glue_to_a_headline_is_trimmed():
    glued = "Bears win the finale Save Email Print"
    assert trim_headline(glued, "en") == ("Bears win the finale", "")
    assert trim_headline("Gone fishing. Back soon. 9 December, 2011", "en") == (
        "Gone fishing. Back soon.",
        "2011-12-09",
    )
    assert trim_headline("Not a comment", "en") == ("Not a comment", "")
    # a colon leads into the date: it is the headline's own
    dated = "Four short links: 6 November 2012"
    assert trim_headline(dated, "en") == (dated, "")


def test_labels_between_separators_are_trimmed_and_a_count_only_when_the_page_shows_it_bare():
    glued = "'Heavy losses' in Sri Lanka clashes | Print | E-mail"
    assert trim_headline(glued, "en") == ("'Heavy losses' in Sri Lanka clashes", "")
    assert trim_headline("Rates rise | Print", "en") == ("Rates rise | Print", "")
    counted = "The Nation Is Losing Its Toolbox 524"
    shown = {"the nation is losing its toolbox"}
    assert trim_headline(counted, "en", shown) == ("The Nation Is Losing Its Toolbox", "")
    assert trim_headline(counted, "en") == (counted, "")
    assert trim_headline("Top picks of 2012", "en", {"top picks of"}) == ("Top picks of 2012", "")


def test_a_numbered_tail_is_trimmed_only_when_the_page_shows_the_headline_bare():
    counted = "Another Unusual Birthday Present 274 Comments"
    shown = {"Another Unusual Birthday Present"}
    assert trim_headline(counted, "en", shown) == ("Another Unusual Birthday Present", "")
    assert trim_headline(counted, "en") == (counted, "")
    dated = "Watch Shatner Throw The First Pitch For Star Trek Night August 8, 2012"
    bare = "Watch Shatner Throw The First Pitch For Star Trek Night"
    assert trim_headline(dated, "en", {bare}) == (bare, "2012-08-08")
    talk = "Climate change and our rivers: a talk, Friday"
    assert trim_headline(f"{talk} Waiology Jul 26", "en", {talk}) == (talk, "")
    assert trim_headline("Readers 12 Comments", "en", {"Readers"}) == ("Readers 12 Comments", "")
    crumb = "Home / Keeper emails from 21times.org"
    assert trim_headline(crumb, "en", {"Home"}) == (crumb, "")


def test_a_lines_score_blends_the_three_passes_by_their_weights():
    total = sum(BLEND)
    assert blend([1.0, 0.0], [0.0, 0.0], [0.0, 1.0]) == [BLEND[0] / total, BLEND[2] / total]
    assert blend([0.3], [0.3], [0.3]) == [0.3 * sum(BLEND) / total]
    assert blend([], [], []) == []
