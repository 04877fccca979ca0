import itertools

import pytest

from converter.slugs import SLUG_PATTERN, assign_slugs, seed_suffix, title_slug


def test_title_slug_is_ascii_lower_case():
    assert (
        title_slug("US and Russia poised for new battle over Syria")
        == "us-and-russia-poised-for-new-battle-over-syria"
    )
    assert title_slug("Łódź: Café ‘déjà vu’") == "lodz-cafe-deja-vu"


def test_hostile_titles_never_escape():
    for title in ["../../etc/passwd", "/abs/path", "", "   ", "index", "<script>", "***"]:
        slug = title_slug(title)
        assert slug and "/" not in slug and "." not in slug and slug != "index"


def test_long_titles_are_cut_at_a_word():
    assert len(title_slug("word " * 100)) <= 80


def test_clashing_titles_get_distinct_slugs_whatever_the_order():
    pairs = [("b", "Same title"), ("a", "Same title"), ("c", "Other")]
    forward = assign_slugs(pairs)
    assert forward == assign_slugs(list(reversed(pairs)))
    assert forward["a"] == "same-title"
    assert forward["b"].startswith("same-title-") and forward["b"] != "same-title"
    assert len(set(forward.values())) == 3


@pytest.mark.parametrize(
    ("title", "slug"),
    [
        ("index", "article-index"),
        ("CON", "article-con"),
        ("com1", "article-com1"),
        ("LPT9", "article-lpt9"),
        ("Sitemap", "article-sitemap"),
        ("404", "article-404"),
        ("../../etc/passwd", "etc-passwd"),
        ("/etc/shadow", "etc-shadow"),
        ("***", "article"),
        ("", "article"),
        ("中文标题", "zhong-wen-biao-ti"),
    ],
)
def test_reserved_and_hostile_titles(title, slug):
    assert title_slug(title) == slug and SLUG_PATTERN.fullmatch(slug)


def test_a_suffixed_slug_never_takes_another_titles_plain_slug():
    suffix_of_b = seed_suffix("b")
    pairs = [("a", "Same title"), ("b", "Same title"), ("0", f"Same title {suffix_of_b}")]
    slugs = assign_slugs(pairs)
    assert len(set(slugs.values())) == 3
    assert slugs["0"] == f"same-title-{suffix_of_b}" and slugs["a"] == "same-title"
    for order in itertools.permutations(pairs):
        assert assign_slugs(order) == slugs


def test_many_seeds_with_one_title_get_distinct_pages():
    slugs = assign_slugs((f"seed{number}", "Breaking news") for number in range(500))
    assert len(set(slugs.values())) == 500


def test_a_seed_name_with_undecodable_bytes_still_gets_a_suffix():
    slugs = assign_slugs([("caf\udce9", "Title"), ("cafe", "Title")])
    assert len(set(slugs.values())) == 2


def test_reserved_slugs_are_never_given():
    reserved = frozenset({"budget", f"budget-{seed_suffix('b')}"})
    slugs = assign_slugs([("b", "Budget"), ("c", "Council")], reserved)
    assert slugs == {"b": f"budget-{seed_suffix('b')}-2", "c": "council"}
