"""web-dev's saved pages measured out of fold: each fold's HTML seeds converted with text models
that never saw those pages, beside the shipped models, which learned from all of them.

    .venv/bin/python benchmarks/html_folds.py [--splits order,hash] [--models DIR] [--keep DIR]

The HTML path runs trafilatura's text through the text rules, and their learned models
(line_model.json, line_words.json, headline_model.json, headline_words.json) are fitted by
train_lines.py on the same 600 pages' `article/` and `page/` text, so web.py's HTML figures are
partly in-sample. For each split of train_lines.py (`order`, the shipped one, and `hash`) and
each of its 5 folds, `train_lines.py --split S --leave-out K --out DIR` fits all four files on
the other folds' pages exactly as it fits the shipped ones (its own cross-validation inside,
thresholds chosen as it chooses them), about 5 to 15 minutes a fold on one core; the fold's
saved pages are then converted by the converter itself (`convert_directory`, models read
through `converter.data.use_models`) and every split's 600 pages scored together with web-dev's
score.py (web.py's scoring), as are the same pages converted with the shipped models.
--models keeps the fitted models (DIR/SPLIT/FOLD) for the next run: train again after changing
the text rules or the training. --keep keeps the pages written (in-sample, SPLIT/FOLD).
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from corpora import corpus
from train_lines import fold_of
from web import Scores, scored_docs, show, write_seeds
from webdev import gold as web_dev_gold

from converter.batch import convert_directory
from converter.data import use_models
from converter.rules.headline_words import HEADLINE_WORDS_FILE
from converter.rules.line_words import WORDS_FILE
from converter.rules.prose import HEADLINE_MODEL_FILE, LINE_MODEL_FILE

FOLDS = 5
SPLITS = ("order", "hash")
MODEL_FILES = (LINE_MODEL_FILE, WORDS_FILE, HEADLINE_MODEL_FILE, HEADLINE_WORDS_FILE)
TRAIN = Path(__file__).resolve().parent / "train_lines.py"


def folds_of(stems: list[str], split: str) -> list[list[str]]:
    """The pages of each fold, as train_lines.py puts a page's text seeds in folds."""
    folds: list[list[str]] = [[] for _ in range(FOLDS)]
    for index, stem in enumerate(sorted(stems)):
        folds[fold_of(index, stem, FOLDS, split)].append(stem)
    return folds


def fold_models(models: Path, split: str, fold: int) -> Path:
    """The four model files fitted without the fold's pages, by train_lines.py (its output kept
    beside them); fitted only when missing."""
    directory = models / split / str(fold)
    if not all((directory / name).exists() for name in MODEL_FILES):
        started = time.perf_counter()
        command = [sys.executable, str(TRAIN), "--split", split, "--leave-out", str(fold)]
        with (models / f"{split}-{fold}.log").open("w", encoding="utf-8") as log:
            subprocess.run([*command, "--out", str(directory)], stdout=log, stderr=log, check=True)
        print(f"  fitted {split} fold {fold} ({time.perf_counter() - started:.0f} s)", flush=True)
    return directory


def converted(stems: list[str], models: Path | None, work: Path) -> Path:
    """The pages `archive convert` writes for these saved pages, the text rules reading
    `models` (None: the shipped ones)."""
    seeds, docs = work / "seeds", work / "docs"
    write_seeds(corpus("web-dev"), "html", stems, seeds)
    use_models(models)
    try:
        convert_directory(seeds, docs)
    finally:
        use_models(None)
    shutil.rmtree(seeds)
    return docs


def line(label: str, scores: Scores) -> str:
    return show(label, scores) + f"  (F1 {scores.f1:.4f}, headline {scores.titles:.4f})"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--splits", default=",".join(SPLITS))
    parser.add_argument("--models", type=Path, help="keep (and reuse) the fold models here")
    parser.add_argument("--keep", type=Path, help="keep the pages written here")
    args = parser.parse_args()
    splits = [split for split in args.splits.split(",") if split]
    if unknown := set(splits) - set(SPLITS):
        parser.error(f"unknown splits: {', '.join(sorted(unknown))}")
    gold = web_dev_gold()
    stems = sorted(gold)
    with tempfile.TemporaryDirectory(prefix="html-folds-") as temporary:
        work = args.keep or Path(temporary)
        models = args.models or Path(temporary) / "models"
        models.mkdir(parents=True, exist_ok=True)
        shutil.rmtree(work / "in-sample", ignore_errors=True)
        print(f"web-dev html/: {len(stems)} saved pages; web-dev's score.py metric")
        shipped = converted(stems, None, work / "in-sample")
        print(line("in-sample (shipped models)", scored_docs([shipped], gold)), flush=True)
        for split in splits:
            folders = []
            for fold, fold_stems in enumerate(folds_of(stems, split)):
                directory = fold_models(models, split, fold)
                shutil.rmtree(work / split / str(fold), ignore_errors=True)
                folders.append(converted(fold_stems, directory, work / split / str(fold)))
            print(line(f"out of fold, --split {split}", scored_docs(folders, gold)), flush=True)


if __name__ == "__main__":
    main()
