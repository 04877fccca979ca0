from converter.slugs import assign_slugs, title_slug


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
