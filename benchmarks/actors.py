"""Actor extraction on CoNLL-2003 dev stories: precision, recall and F1 after merging, and speed.

Run: .venv/bin/python benchmarks/actors.py [--corpus DIR] [--show-errors N] [--json] [--workers W]
Gold is each story's unique PER, ORG and LOC names, a name that is a whole-word part of a longer
gold name of the same type counting once ("Bitar" inside "Salem Bitar"). An actor matches a gold
name when one is a whole-word part of the other after normalising both; each gold name takes at most
one actor (a maximum matching), so an unmerged alias is a false positive. Actors that match only a
MISC name are ignored. Baseline in the same run: spaCy's own `nlp.pipe` (its default batch size)
over the same texts with the same pipeline, as many processes as the converter gets.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
import unicodedata
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # run as a script
from benchmarks.corpora import CORPORA  # noqa: E402
from benchmarks.timing import best_times  # noqa: E402
from converter.model import Actor, ActorKind, Article

if TYPE_CHECKING:
    from converter.model import Failure

CORPUS = CORPORA / "conll-dev"

GOLD_TYPES = ("PER", "ORG", "LOC")
ACTOR_KINDS: tuple[ActorKind, ...] = ("person", "organisation", "place")
ABBREVIATIONS: dict[str, tuple[str, ...]] = {
    "us": ("united", "states"),
    "usa": ("united", "states"),
    "uk": ("united", "kingdom"),
    "britain": ("united", "kingdom"),
    "un": ("united", "nations"),
    "eu": ("european", "union"),
}
_TYPE_OF_KIND = {"person": "PER", "organisation": "ORG", "place": "LOC"}
TARGETS = {"f1": 0.88, "person_recall": 0.92, "precision": 0.90, "time_ratio": 1.2}

_DOTTED_ACRONYM = re.compile(r"\b(?:[^\W\d_]\.){2,}")
_APOSTROPHES = re.compile(r"['’]")

Words = tuple[str, ...]


# --- scoring: pure functions over names ------------------------------------------------------


def normalise(name: str) -> Words:
    """'The U.S.' and 'United States' must compare equal; so must 'O'Neill' and 'ONeill'."""
    text = unicodedata.normalize("NFKC", name).casefold()
    text = _DOTTED_ACRONYM.sub(lambda found: found.group().replace(".", ""), text)
    text = _APOSTROPHES.sub("", text)
    words = "".join(char if char.isalnum() else " " for char in text).split()
    if len(words) > 1 and words[0] == "the":
        words = words[1:]
    return tuple(part for word in words for part in ABBREVIATIONS.get(word, (word,)))


def contains(longer: Words, shorter: Words) -> bool:
    """Whole-word containment: 'bitar' is in 'salem bitar', 'bit' is not."""
    size = len(shorter)
    return size > 0 and any(longer[i : i + size] == shorter for i in range(len(longer) - size + 1))


def related(first: Words, second: Words) -> bool:
    """The match test: either name is a whole-word part of the other."""
    return contains(first, second) or contains(second, first)


@dataclass(frozen=True, slots=True)
class GoldName:
    """One name an actor list should hold, with every gold type it was tagged with in the story."""

    text: str
    words: Words
    types: frozenset[str]


def gold_names(entities: Mapping[str, Sequence[str]]) -> tuple[GoldName, ...]:
    """A story's unique PER/ORG/LOC names, short forms of a longer same-type name dropped.

    A name tagged with two types (a city that is also a team) is one name: one actor can stand
    for it, so counting it twice would make a perfect actor list miss.
    """
    kept: dict[Words, tuple[str, set[str]]] = {}
    for gold_type in GOLD_TYPES:
        spellings: dict[Words, str] = {}
        for text in entities.get(gold_type, ()):
            words = normalise(text)
            if words:
                spellings.setdefault(words, text)
        for words, text in spellings.items():
            if any(len(other) > len(words) and contains(other, words) for other in spellings):
                continue
            kept.setdefault(words, (text, set()))[1].add(gold_type)
    return tuple(GoldName(text, words, frozenset(types)) for words, (text, types) in kept.items())


def match(actors: Sequence[Words], gold: Sequence[Words]) -> dict[int, int]:
    """A maximum matching actor index -> gold index over the `related` pairs (augmenting paths).

    Exact matches are tried first, then longer overlaps, so the alias left over is the one shown
    as the false positive; the count does not depend on that order.
    """
    candidates = [
        sorted(
            (index for index, words in enumerate(gold) if related(actor, words)),
            key=lambda index, actor=actor: (gold[index] != actor, -len(gold[index]), index),
        )
        for actor in actors
    ]
    owner: dict[int, int] = {}

    def augment(actor: int, visited: set[int]) -> bool:
        for index in candidates[actor]:
            if index in visited:
                continue
            visited.add(index)
            if index not in owner or augment(owner[index], visited):
                owner[index] = actor
                return True
        return False

    def preference(actor: int) -> tuple[bool, int, int]:
        overlaps = [min(len(actors[actor]), len(gold[index])) for index in candidates[actor]]
        exact = any(gold[index] == actors[actor] for index in candidates[actor])
        return not exact, -max(overlaps, default=0), actor

    for actor in sorted(range(len(actors)), key=preference):
        augment(actor, set())
    return {actor: index for index, actor in owner.items()}


@dataclass(frozen=True, slots=True)
class StoryScore:
    """One story's outcome, keeping the names so errors can be shown, not just counted."""

    stem: str
    gold: tuple[GoldName, ...]
    matches: tuple[tuple[Actor, GoldName], ...]
    false_positives: tuple[Actor, ...]
    misses: tuple[GoldName, ...]
    ignored: tuple[Actor, ...]

    @property
    def errors(self) -> int:
        return len(self.false_positives) + len(self.misses)


def score(stem: str, actors: Sequence[Actor], entities: Mapping[str, Sequence[str]]) -> StoryScore:
    """Untyped matching of one story's actors against its gold; MISC-only matches are set aside."""
    gold = gold_names(entities)
    misc = [words for words in map(normalise, entities.get("MISC", ())) if words]
    actor_words = [normalise(actor.name) for actor in actors]
    pairs = match(actor_words, [name.words for name in gold])
    false_positives, ignored = [], []
    for index, actor in enumerate(actors):
        if index in pairs:
            continue
        words = actor_words[index]
        only_misc = not any(related(words, name.words) for name in gold) and any(
            related(words, other) for other in misc
        )
        (ignored if only_misc else false_positives).append(actor)
    matched = set(pairs.values())
    return StoryScore(
        stem=stem,
        gold=gold,
        matches=tuple((actors[actor], gold[index]) for actor, index in sorted(pairs.items())),
        false_positives=tuple(false_positives),
        misses=tuple(name for index, name in enumerate(gold) if index not in matched),
        ignored=tuple(ignored),
    )


@dataclass(frozen=True, slots=True)
class Ratio:
    """A fraction that keeps its counts, so a table can show '0.912 (311/341)'."""

    hits: int
    total: int

    @property
    def value(self) -> float:
        return self.hits / self.total if self.total else 0.0


@dataclass(frozen=True, slots=True)
class Tally:
    """The corpus-wide figures the benchmark reports."""

    stories: int
    gold: int
    actors: int
    tp: int
    fp: int
    fn: int
    ignored: int
    recall_by_type: dict[str, Ratio]
    precision_by_kind: dict[str, Ratio]
    type_agreement: Ratio

    @property
    def precision(self) -> float:
        return Ratio(self.tp, self.tp + self.fp).value

    @property
    def recall(self) -> float:
        return Ratio(self.tp, self.gold).value

    @property
    def f1(self) -> float:
        total = self.precision + self.recall
        return 2 * self.precision * self.recall / total if total else 0.0


def tally(scores: Sequence[StoryScore]) -> Tally:
    """Sum the stories; per-type recall uses the gold type, per-kind precision the actor's kind."""
    gold_types: Counter[str] = Counter()
    found_types: Counter[str] = Counter()
    kind_tp: Counter[str] = Counter()
    kind_fp: Counter[str] = Counter()
    agreeing = 0
    for story in scores:
        gold_types.update(t for name in story.gold for t in name.types)
        found_types.update(t for _, name in story.matches for t in name.types)
        kind_tp.update(actor.kind for actor, _ in story.matches)
        kind_fp.update(actor.kind for actor in story.false_positives)
        agreeing += sum(_TYPE_OF_KIND[actor.kind] in name.types for actor, name in story.matches)
    tp = sum(len(story.matches) for story in scores)
    return Tally(
        stories=len(scores),
        gold=sum(len(story.gold) for story in scores),
        actors=sum(
            len(story.matches) + len(story.false_positives) + len(story.ignored) for story in scores
        ),
        tp=tp,
        fp=sum(len(story.false_positives) for story in scores),
        fn=sum(len(story.misses) for story in scores),
        ignored=sum(len(story.ignored) for story in scores),
        recall_by_type={t: Ratio(found_types[t], gold_types[t]) for t in GOLD_TYPES},
        precision_by_kind={k: Ratio(kind_tp[k], kind_tp[k] + kind_fp[k]) for k in ACTOR_KINDS},
        type_agreement=Ratio(agreeing, tp),
    )


# --- measuring: the converter and the spaCy floor ---------------------------------------------


@dataclass(frozen=True, slots=True)
class Timings:
    """Best-of-rounds wall times; the floor is the same pipeline's `nlp.pipe` alone. The CPU
    times (the run and its workers) say the same where other work shares the machine."""

    model_load: float
    conversion: float
    floor: float
    stories: int
    conversion_cpu: float
    floor_cpu: float

    @property
    def stories_per_second(self) -> float:
        return self.stories / self.conversion if self.conversion else 0.0

    @property
    def ratio(self) -> float:
        return self.conversion / self.floor if self.floor else 0.0

    @property
    def cpu_ratio(self) -> float:
        return self.conversion_cpu / self.floor_cpu if self.floor_cpu else 0.0


@dataclass(frozen=True, slots=True)
class Run:
    """What one conversion of the corpus gave: actors and titles per seed, failures, timings."""

    actors: dict[str, tuple[Actor, ...]]
    titles: dict[str, str]
    failures: tuple[str, ...]
    timings: Timings


def convert_corpus(seeds_dir: Path, rounds: int, workers: int) -> Run:
    """Load the toolkit once, then time full conversion and the bare spaCy pass over its texts.

    Both sides get the same number of processes, so the ratio is the converter's own overhead.
    """
    # Imported here so the scoring above (and its tests) load without spaCy.
    from converter.batch import Toolkit, convert_all, parse_files
    from converter.enrich.article import analysis_text
    from converter.pipeline import Job
    from converter.scan import list_seed_files, scan_seeds
    from converter.settings import Settings

    settings = Settings(workers=workers)
    toolkit = Toolkit()
    start = time.perf_counter()
    toolkit.nlp, toolkit.aliases, toolkit.vocabulary  # noqa: B018 - first use loads them
    model_load = time.perf_counter() - start

    def convert() -> tuple[list[Article], list[Failure]]:
        seeds, failed = scan_seeds(seeds_dir)
        parsed, parse_failures = parse_files(seeds, settings)
        jobs = [Job(seed, (seed.stem,)) for seed in parsed]
        converted, enrich_failed = convert_all(jobs, toolkit, settings)
        articles = [item.article for item in converted]
        return articles, [*failed.values(), *parse_failures, *enrich_failed.values()]

    texts = [analysis_text(seed) for seed in parse_files(scan_seeds(seeds_dir)[0], settings)[0]]

    def floor() -> None:
        for _ in toolkit.nlp.pipe(texts, n_process=workers):
            pass

    conversion, conversion_cpu, (articles, failures) = best_times(convert, rounds)
    spacy_floor, floor_cpu, _ = best_times(floor, rounds)
    return Run(
        actors={article.seed: article.actors for article in articles},
        titles={article.seed: article.title for article in articles},
        failures=tuple(f"{failure.seed_file}: {failure.reason}" for failure in failures),
        timings=Timings(
            model_load,
            conversion,
            spacy_floor,
            len(list_seed_files(seeds_dir)),
            conversion_cpu,
            floor_cpu,
        ),
    )


# --- reporting -----------------------------------------------------------------------------


def figures(totals: Tally, timings: Timings) -> dict[str, Any]:
    """The numbers as plain data: the table and the JSON both come from here."""
    return {
        "stories": totals.stories,
        "gold_names": totals.gold,
        "actors": totals.actors,
        "tp": totals.tp,
        "fp": totals.fp,
        "fn": totals.fn,
        "ignored_misc": totals.ignored,
        "precision": round(totals.precision, 4),
        "recall": round(totals.recall, 4),
        "f1": round(totals.f1, 4),
        "recall_by_type": {t: _ratio_data(r) for t, r in totals.recall_by_type.items()},
        "precision_by_kind": {k: _ratio_data(r) for k, r in totals.precision_by_kind.items()},
        "type_agreement": _ratio_data(totals.type_agreement),
        "model_load_s": round(timings.model_load, 3),
        "conversion_s": round(timings.conversion, 3),
        "spacy_pipe_s": round(timings.floor, 3),
        "stories_per_s": round(timings.stories_per_second, 1),
        "time_ratio": round(timings.ratio, 3),
        "conversion_cpu_s": round(timings.conversion_cpu, 3),
        "spacy_pipe_cpu_s": round(timings.floor_cpu, 3),
        "cpu_ratio": round(timings.cpu_ratio, 3),
        "targets": TARGETS,
    }


def _ratio_data(ratio: Ratio) -> dict[str, float]:
    return {"value": round(ratio.value, 4), "hits": ratio.hits, "total": ratio.total}


def _target(value: float, goal: float, at_most: bool = False) -> str:
    met = value <= goal if at_most else value >= goal
    return f"target {'<=' if at_most else '>='} {goal:.2f}  {'ok' if met else 'MISSED'}"


def _row(label: str, value: str, counts: str = "", note: str = "") -> str:
    return f"  {label:<24}{value:>8}  {counts:<13}{note}".rstrip()


def _ratio_row(label: str, ratio: dict[str, float], note: str = "") -> str:
    return _row(label, f"{ratio['value']:.3f}", f"({ratio['hits']}/{ratio['total']})", note)


def table(data: dict[str, Any]) -> list[str]:
    """The figures one per line, each target printed beside its figure (never asserted)."""
    by_type, by_kind, goals = data["recall_by_type"], data["precision_by_kind"], data["targets"]
    precision, f1, ratio = data["precision"], data["f1"], data["time_ratio"]
    person = by_type["PER"]["value"]
    return [
        _row("stories", str(data["stories"])),
        _row("gold names", str(data["gold_names"])),
        _row("actors", str(data["actors"]), f"({data['ignored_misc']} match only MISC: ignored)"),
        _row("TP", str(data["tp"])),
        _row("FP", str(data["fp"])),
        _row("FN", str(data["fn"])),
        _row("precision", f"{precision:.3f}", "", _target(precision, goals["precision"])),
        _row("recall", f"{data['recall']:.3f}"),
        _row("F1", f"{f1:.3f}", "", _target(f1, goals["f1"])),
        _ratio_row("recall PER", by_type["PER"], _target(person, goals["person_recall"])),
        _ratio_row("recall ORG", by_type["ORG"]),
        _ratio_row("recall LOC", by_type["LOC"]),
        _ratio_row("precision person", by_kind["person"]),
        _ratio_row("precision organisation", by_kind["organisation"]),
        _ratio_row("precision place", by_kind["place"]),
        _ratio_row("kind agrees with gold", data["type_agreement"]),
        _row("model load s", f"{data['model_load_s']:.2f}"),
        _row("conversion s", f"{data['conversion_s']:.2f}"),
        _row("spaCy nlp.pipe s", f"{data['spacy_pipe_s']:.2f}", "(floor: same pipeline and texts)"),
        _row("stories per s", f"{data['stories_per_s']:.1f}"),
        _row("time ratio", f"{ratio:.2f}", "", _target(ratio, goals["time_ratio"], at_most=True)),
        _row("conversion CPU s", f"{data['conversion_cpu_s']:.2f}", "(the run and its workers)"),
        _row("spaCy nlp.pipe CPU s", f"{data['spacy_pipe_cpu_s']:.2f}"),
        _row("CPU ratio", f"{data['cpu_ratio']:.2f}", "(steadier on a shared machine)"),
    ]


def story_errors(story: StoryScore) -> dict[str, Any]:
    """An FP that overlaps a gold name lost it to another actor (an unmerged alias): say which."""

    def overlaps(actor: Actor) -> str | None:
        words = normalise(actor.name)
        return next((name.text for name in story.gold if related(words, name.words)), None)

    return {
        "stem": story.stem,
        "false_positives": [
            {"name": actor.name, "kind": actor.kind, "overlaps": overlaps(actor)}
            for actor in story.false_positives
        ],
        "false_negatives": [
            {"name": name.text, "types": sorted(name.types)} for name in story.misses
        ],
    }


def worst_stories(scores: Sequence[StoryScore], count: int) -> list[StoryScore]:
    return sorted(scores, key=lambda story: (-story.errors, story.stem))[:count]


def error_lines(errors: dict[str, Any], title: str) -> list[str]:
    fps, fns = errors["false_positives"], errors["false_negatives"]
    lines = [f"\n{errors['stem']}  FP {len(fps)}  FN {len(fns)}  {title!r}"]
    for fp in fps:
        held = f"  (overlaps {fp['overlaps']!r}, held by another actor)" if fp["overlaps"] else ""
        lines.append(f"  FP  {fp['name']} [{fp['kind']}]{held}")
    lines.extend(f"  FN  {fn['name']} [{'/'.join(fn['types'])}]" for fn in fns)
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=CORPUS, help="holds seeds/ and gold.json")
    parser.add_argument(
        "--show-errors",
        type=int,
        default=0,
        metavar="N",
        help="list the FPs and FNs of the N stories with most errors",
    )
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--rounds", type=int, default=3, help="timing rounds; the best is kept")
    parser.add_argument(
        "--workers",
        type=int,
        default=1,
        help="processes for the converter and for the spaCy floor alike (default 1: serial)",
    )
    args = parser.parse_args()

    gold = json.loads((args.corpus / "gold.json").read_text(encoding="utf-8"))
    run = convert_corpus(args.corpus / "seeds", max(1, args.rounds), max(1, args.workers))
    scores = [score(stem, run.actors.get(stem, ()), gold[stem]) for stem in sorted(gold)]
    data = figures(tally(scores), run.timings)
    worst = [story_errors(story) for story in worst_stories(scores, args.show_errors)]

    if args.json:
        print(json.dumps({**data, "failures": list(run.failures), "errors": worst}, indent=2))
        return
    print(f"Actor extraction on {args.corpus.resolve()} ({len(run.failures)} seeds failed)\n")
    print("\n".join(table(data)))
    for failure in run.failures:
        print(f"  failed: {failure}")
    for errors in worst:
        print("\n".join(error_lines(errors, run.titles.get(errors["stem"], ""))))


if __name__ == "__main__":
    main()
