"""What stays in the body (rules/body.py): lines the classifier kept, tables and lists of
fixtures decided as one block, never a heading of what follows an article."""

from converter.rules.body import body_lines, is_article_block, table_runs
from converter.rules.prose import Thresholds
from converter.rules.state import Line

THRESHOLD = Thresholds(page=0.2, block=0.3)


def _lines(*scored: tuple[str, float]) -> tuple[Line, ...]:
    return tuple(Line(text, index, prose=score) for index, (text, score) in enumerate(scored))


def _kept(lines: tuple[Line, ...]) -> list[str]:
    return [line.text for line in body_lines(lines, THRESHOLD)]


def test_a_results_table_is_kept_whole_when_its_rows_are_doubted_one_by_one():
    lines = _lines(
        ("The final standings after the last round were as follows.", 0.9),
        ("1. Mark Crear (U.S.) 13.26 seconds", 0.15),
        ("2. Tony Jarrett (Britain) 13.35", 0.12),
        ("3. Florian Schwarthoff (Germany) 13.36", 0.08),
    )
    assert _kept(lines) == [line.text for line in lines]


def test_a_ticker_the_classifier_is_sure_of_goes_whole():
    lines = _lines(
        ("The final standings after the last round were as follows.", 0.9),
        ("FTSE 100 7,432.12 +0.4%", 0.02),
        ("Dow 33,910.85 -0.2%", 0.05),
        ("Nikkei 28,441.10 +1.1%", 0.03),
    )
    assert _kept(lines) == ["The final standings after the last round were as follows."]


def test_a_list_of_fixtures_is_a_table_though_it_holds_no_number():
    lines = _lines(
        ("Austria at Croatia", 0.17),
        ("Switzerland at Slovak Republic", 0.03),
        ("Argentina at South Korea", 0.08),
        ("Australia v South Africa", 0.2),
    )
    assert table_runs(lines) == [(0, 4)]
    assert table_runs(_lines(("Home", 0.0), ("News and Sport", 0.0), ("Weather", 0.0))) == []


def test_a_heading_of_what_follows_the_article_never_stays():
    lines = _lines(("The council voted to close the library.", 0.9), ("Related stories", 0.9))
    assert _kept(lines) == ["The council voted to close the library."]


def test_a_line_between_two_kept_lines_stays():
    lines = _lines(
        ("Menu", 0.0),
        ("The council voted to close the library on Main Street.", 0.9),
        ("Why now?", 0.1),
        ("The mayor said the numbers decided it, and the vote was final.", 0.9),
        ("Related stories", 0.1),
        ("Share", 0.0),
        ("Print", 0.0),
        ("Contact us", 0.0),
    )
    assert not is_article_block(lines)
    assert _kept(lines) == [line.text for line in lines[1:4]]


def test_an_article_block_takes_its_own_threshold_and_drops_a_line_kept_alone():
    lines = _lines(
        ("The council voted to close the library on Main Street.", 0.95),
        ("The mayor said the numbers decided it, and the vote was final.", 0.9),
        ("Residents can comment on the design at a meeting next month.", 0.25),
        ("Photo: the library in 1950.", 0.1),
        ("Jane Roe is a freelance writer who lives by the river.", 0.45),
        ("Follow her on Twitter.", 0.05),
    )
    assert is_article_block(lines)
    assert _kept(lines) == [line.text for line in lines[:2]]
    whole_page = lines + _lines(*((f"Menu item {index}", 0.0) for index in range(12)))
    assert not is_article_block(whole_page)
    assert _kept(whole_page) == [line.text for line in lines[:5]]


def test_a_line_of_bare_marks_is_no_neighbour_to_a_line_kept_in_an_article_block():
    lines = _lines(
        ("The council voted to close the library on Main Street.", 0.95),
        ("---", 0.1),
        ("The vote was close.", 0.45),
        ("***", 0.1),
        ("The mayor said the numbers decided it, and the vote was final.", 0.9),
        ("Follow us on Twitter.", 0.05),
        ("Share", 0.0),
        ("Jane Roe is a freelance writer.", 0.45),
        ("---", 0.1),
    )
    assert is_article_block(lines)
    kept = [text for text in _kept(lines) if any(char.isalnum() for char in text)]
    assert kept == [lines[0].text, lines[2].text, lines[4].text]


def test_a_line_a_kept_line_introduces_with_a_colon_stays():
    lines = _lines(
        ("Result of the rugby league semifinal played on Saturday:", 0.99),
        ("Wigan 42 Bradford Bulls 36", 0.25),
    )
    assert is_article_block(lines)
    assert _kept(lines) == [line.text for line in lines]
