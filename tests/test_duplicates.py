from converter.duplicates import (
    candidate_pairs,
    fingerprint,
    jaccard,
    near_duplicate_groups,
    shingles,
)

STORY = (
    "The central bank raised interest rates by a quarter point on Thursday, its third rise this "
    "year, saying inflation was still too high. Markets had expected the move. The governor said "
    "further rises could follow if prices kept climbing, and the currency rose after the news. "
    "Economists said the decision would weigh on borrowers with variable-rate mortgages."
)
EDITED = STORY.replace("Thursday", "Friday") + " Shares fell slightly."
OTHER = (
    "The home side won the cup final two goals to one after extra time, with the striker scoring "
    "twice in front of a crowd of sixty thousand. The coach praised his players' resilience and "
    "dedicated the win to the fans who had travelled across the country to see the match."
)


def test_shingles_are_word_four_grams():
    assert shingles("One two three four five") == {"one two three four", "two three four five"}
    assert shingles("Too short") == {"too short"}
    assert shingles("") == frozenset()


def test_fingerprint_is_deterministic_and_compact():
    assert fingerprint(STORY) == fingerprint(STORY)
    assert len(fingerprint(STORY)) == 128


def test_edited_republication_is_a_near_duplicate_and_other_stories_are_not():
    texts = {"a": STORY, "b": EDITED, "c": OTHER}
    fingerprints = {seed: fingerprint(text) for seed, text in texts.items()}
    assert ("a", "b") in candidate_pairs(fingerprints)
    assert near_duplicate_groups(fingerprints, texts.__getitem__, 0.7) == (("a", "b"),)


def test_similarity_threshold_is_respected():
    texts = {"a": STORY, "b": EDITED}
    fingerprints = {seed: fingerprint(text) for seed, text in texts.items()}
    similarity = jaccard(shingles(STORY), shingles(EDITED))
    assert 0.7 < similarity < 1
    assert near_duplicate_groups(fingerprints, texts.__getitem__, similarity + 0.01) == ()


def test_groups_are_transitive_and_sorted():
    third = EDITED + " Bonds were unchanged."
    texts = {"z": STORY, "m": EDITED, "a": third}
    fingerprints = {seed: fingerprint(text) for seed, text in texts.items()}
    assert near_duplicate_groups(fingerprints, texts.__getitem__, 0.6) == (("a", "m", "z"),)
