"""The boilerplate rules, each alone, then in their declared order."""

import pytest

from converter.errors import NoArticleTextError
from converter.model import Block, PageFacts, RawSeed
from converter.rules import WARM_UP, load_rules, parse_seed
from converter.rules.chrome import drop_chrome, is_chrome
from converter.rules.crosshead import is_crosshead_text, mark_crossheads
from converter.rules.dateline import take_dateline
from converter.rules.headline import MAX_HEADLINE_CHARS, shorten, take_headline
from converter.rules.line_words import word_odds
from converter.rules.paragraphs import MAX_PARAGRAPH_CHARS, split_long, to_blocks
from converter.rules.prose import headline_model, line_model
from converter.rules.site_name import site_words
from converter.rules.source_credit import credit_on_line, take_source_credit
from converter.rules.state import Line, SeedState, split_lines
from converter.rules.video_block import lift_video_blocks


def texts(state):
    return [line.text for line in state.lines]


def test_split_lines_numbers_blank_line_groups():
    state = split_lines("s", "a\nb\n\n\nc\n  \nd  e ")
    assert [(line.text, line.group) for line in state.lines] == [
        ("a", 0),
        ("b", 0),
        ("c", 1),
        ("d e", 2),
    ]


def test_headline_is_first_non_chrome_line():
    state = take_headline(split_lines("s", "\n\nshare\nThe headline\nBody."))
    assert state.title == "The headline"
    assert texts(state) == ["share", "Body."]


@pytest.mark.parametrize(
    "line", ["share", "Share", "loading error", "refresh", "Read more »", "ADVERTISEMENT"]
)
def test_chrome_lines_are_recognised(line):
    assert is_chrome(line)


@pytest.mark.parametrize(
    "line", ["Share prices fell.", "Refresh the page, he said.", "More than 20 died."]
)
def test_sentences_containing_chrome_words_are_kept(line):
    assert not is_chrome(line)


def test_drop_chrome_removes_only_chrome():
    state = drop_chrome(split_lines("s", "share\n\nBody one.\n\nloading error\n\nrefresh"))
    assert texts(state) == ["Body one."]


def test_source_credit_on_two_lines():
    state = take_source_credit(split_lines("s", "Source:\n\nAssociated Press\n\nBody."))
    assert state.source == "Associated Press"
    assert texts(state) == ["Body."]


def test_source_credit_on_one_line():
    assert take_source_credit(split_lines("s", "Source: Reuters\nBody.")).source == "Reuters"


def test_credit_on_line():
    assert credit_on_line("Source: ONE News") == "ONE News"
    assert credit_on_line("Source:") == ""
    assert credit_on_line("The source said so.") is None


def test_video_block_is_lifted_with_every_field():
    text = (
        "Para one.\n\nCaption here\n00:43\nWhat it shows.\nWhat it shows.\n"
        "Source: ONE News\n\nPara two."
    )
    state = lift_video_blocks(split_lines("s", text))
    assert texts(state) == ["Para one.", "Para two."]
    (video,) = state.media
    assert (video.caption, video.duration, video.description, video.source) == (
        "Caption here",
        "00:43",
        "What it shows.",
        "ONE News",
    )


def test_video_block_without_repeat_or_credit():
    state = lift_video_blocks(
        split_lines("s", "Para one.\n\nA clip\n1:02:03\nShown once.\n\nPara two.")
    )
    assert texts(state) == ["Para one.", "Para two."]
    assert state.media[0].duration == "1:02:03"
    assert state.media[0].description == "Shown once."


def test_dateline_is_lifted():
    state = take_dateline(split_lines("s", "LONDON 1996-08-30\n\nBody."))
    assert (state.dateline, state.date, texts(state)) == ("LONDON", "1996-08-30", ["Body."])


@pytest.mark.parametrize("text", ["Attack on aid convoy", "What happens next"])
def test_crosshead_shapes(text):
    assert is_crosshead_text(text)


@pytest.mark.parametrize(
    "text", ["He left.", "Somerset 83 and 174", "said the man,", "lower case start"]
)
def test_not_crossheads(text):
    assert not is_crosshead_text(text)


def test_crosshead_must_stand_between_paragraphs():
    state = mark_crossheads(
        split_lines("s", "First para.\n\nAttack on aid convoy\n\nSecond para.\n\nTrailing words")
    )
    assert [line.kind for line in state.lines] == ["text", "crosshead", "text", "text"]


def test_hard_wrapped_lines_join_into_one_paragraph():
    state = split_lines("s", "This sentence is\nwrapped over lines.\nA second one.")
    assert to_blocks(state.lines) == (
        Block("paragraph", "This sentence is wrapped over lines."),
        Block("paragraph", "A second one."),
    )


def test_parse_seed_refuses_a_page_with_no_body():
    with pytest.raises(NoArticleTextError, match="no article text"):
        parse_seed(RawSeed("s", "Just a headline\n\nshare\n\nrefresh"))


def test_parse_seed_without_credit_has_unknown_source():
    assert parse_seed(RawSeed("s", "Headline\n\nBody text.")).source == "Unknown"


# ---- headlines that are not headlines ----------------------------------------------------


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("***\n\nFloods cut off villages\n\nBody.", "Floods cut off villages"),
        ("---\n\n...\n\nReal headline\n\nBody.", "Real headline"),
        ("\u200f\u200e\n\nReal headline\n\nBody.", "Real headline"),
        ("Source: Reuters\n\nReal headline\n\nBody.", "Real headline"),
        ("Source:\n\nAssociated Press\n\nReal headline\n\nBody.", "Real headline"),
        ("share\n\nloading error\n\nReal headline\n\nBody.", "Real headline"),
        ("Cool Cat Teacher Blog\n\nReal headline\n\nBody.", "Real headline"),
        ("Skip to main content\n\nReal headline\n\nBody.", "Real headline"),
        ("Acme Radio\n\nReal headline\n\nBody.\n\n© 2012 Acme Radio", "Real headline"),
        ("Evening News Digest\n\nGo to Google News", "Evening News Digest"),
        ("After Bhutto:\n\nReal headline\n\nBody.", "Real headline"),  # a lead-in
        ("Read on:\n\nMore below:", "Read on:"),  # every line leads in: the first stays
    ],
)
def test_the_headline_skips_chrome_credits_punctuation_and_the_site(text, title):
    assert take_headline(split_lines("s", text)).title == title


def test_a_credit_before_the_headline_is_still_the_source():
    parsed = parse_seed(RawSeed("s", "Source:\n\nAssociated Press\n\nReal headline\n\nBody."))
    assert (parsed.title, parsed.source) == ("Real headline", "Associated Press")
    assert parsed.blocks == (Block("paragraph", "Body."),)


def test_a_first_line_too_long_for_a_headline_stays_in_the_body():
    line = "The minister said the talks would go on. " * 40
    parsed = parse_seed(RawSeed("s", line))
    assert len(parsed.title) <= MAX_HEADLINE_CHARS and parsed.title.endswith("…")
    assert parsed.title.startswith("The minister said the talks would go on")
    assert " ".join(block.text for block in parsed.blocks) == line.strip()


@pytest.mark.parametrize("date_line", ["BERLIN 1996-08-30", "Posted: 11:21 pm MST January 8, 2008"])
def test_a_date_line_the_ranker_likes_best_is_passed_over_for_the_next_best(date_line):
    texts = ["Home", "News", "Mitchell defeats Bailey", date_line, "By Jane Smith"]
    texts += ["Mitchell won the 100 metres in front of former champions on Friday."]
    scores = [0.0, 0.1, 0.6, 0.9, 0.0, 0.0]
    lines = [
        Line(text, index, headline=score)
        for index, (text, score) in enumerate(zip(texts, scores, strict=True))
    ]
    state = take_headline(SeedState("s", tuple(lines), language="en"))
    assert state.title == "Mitchell defeats Bailey"
    assert state.top == 2


def test_shorten_cuts_at_a_word():
    assert shorten("one two three four", 12) == "one two…"
    assert shorten("x" * 30, 10) == "x" * 9 + "…"
    assert shorten("short", 10) == "short"


# ---- seeds with no article in them -------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("", "the seed is empty"),
        ("  \n\n\t\n", "the seed is empty"),
        ("Source:\n\nAssociated Press\n", "no headline"),
        ("***\n\n---\n\n...", "no headline"),
        ("share\n\nrefresh", "no headline"),
        ("Headline\n\n***\n\n---", "nothing but a headline"),
        ("Headline\n\nSource: Reuters", "nothing but a headline"),
    ],
)
def test_seeds_without_an_article_are_refused_with_the_reason(text, reason):
    with pytest.raises(NoArticleTextError, match=f"no article text: {reason}"):
        parse_seed(RawSeed("s", text))


def test_a_line_of_invisible_marks_counts_as_blank():
    state = split_lines("s", "a\n\u200f \u200e\nb")
    assert [(line.text, line.group) for line in state.lines] == [("a", 0), ("b", 1)]


# ---- credits -----------------------------------------------------------------------------


@pytest.mark.parametrize("line", ["Source: ---", "Source: ***", "Credit: " + "x" * 120])
def test_a_credit_must_name_an_outlet(line):
    assert credit_on_line(line) is None


def test_a_bare_credit_takes_its_outlet_from_the_next_line_only_if_short():
    state = take_source_credit(split_lines("s", "Source:\n\nThe minister said it all went well."))
    assert state.source == "" and texts(state) == ["The minister said it all went well."]


# ---- huge and pathological lines ---------------------------------------------------------


def test_chrome_check_reads_long_runs_of_marks():
    # How long it takes is benchmarks/pathological.py's business.
    assert not is_chrome("." * 1_000_000 + "x")
    assert is_chrome("share" + " ." * 500_000)


def test_an_overlong_paragraph_is_split_at_sentence_ends():
    sentence = "The council met again on Monday to discuss the budget. "
    paragraph = (sentence * 200).strip()
    blocks = to_blocks(split_lines("s", paragraph).lines)
    assert len(blocks) > 1
    assert all(len(block.text) <= MAX_PARAGRAPH_CHARS for block in blocks)
    assert all(block.text.endswith("budget.") for block in blocks)
    assert " ".join(block.text for block in blocks) == paragraph


def test_split_long_falls_back_to_spaces_then_to_a_hard_cut():
    assert split_long("aaaa bbbb cccc", 9) == ["aaaa bbbb", "cccc"]
    assert split_long("x" * 25, 10) == ["x" * 10, "x" * 10, "x" * 5]
    assert split_long("short", 10) == ["short"]


def test_markup_looking_crosshead_is_still_a_crosshead():
    parsed = parse_seed(
        RawSeed("s", "Headline\n\nFirst paragraph.\n\nFighting # continues *here*\n\nMore text.")
    )
    assert Block("crosshead", "Fighting # continues *here*") in parsed.blocks


def test_a_headline_named_by_the_page_is_the_title_and_the_first_line_stays_body():
    seed = RawSeed(
        "page.html",
        "Tuesday's vote ended two years of hearings.\n\nWork starts in spring.",
        format="html",
        facts=PageFacts(title="Harbour wall approved", publisher="The Coast Times"),
    )
    parsed = parse_seed(seed)
    assert parsed.title == "Harbour wall approved"
    assert [block.text for block in parsed.blocks] == [
        "Tuesday's vote ended two years of hearings.",
        "Work starts in spring.",
    ]
    assert (parsed.publisher, parsed.format) == ("The Coast Times", "html")


def test_loading_the_rules_before_workers_fork_loads_their_models_and_reads_every_part():
    line_model.cache_clear()
    headline_model.cache_clear()
    word_odds.cache_clear()
    site_words.cache_clear()
    load_rules()
    assert line_model.cache_info().currsize == headline_model.cache_info().currsize == 1
    assert word_odds.cache_info().currsize == site_words.cache_info().currsize == 1
    parsed = parse_seed(RawSeed("warm-up", WARM_UP))
    assert (parsed.source, parsed.date, parsed.authors) == (
        "Associated Press",
        "2019-11-18",
        ("Jane Smith",),
    )
