"""The web-dev corpus for the scripts that train and measure the text rules: its seeds per level,
its gold bodies and headlines, and its own scorer (web-dev/score.py), imported from the corpus
so every figure is computed by the metric the issue names."""

from __future__ import annotations

import importlib.util
import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from types import ModuleType

from corpora import corpus

from converter.decode import decode
from converter.read import clean_text

LEVELS = ("article", "page")


@dataclass(frozen=True, slots=True)
class Page:
    """One web-dev seed at one level, with its gold article."""

    stem: str
    level: str
    text: str
    gold_title: str
    gold_body: str


@cache
def gold() -> dict[str, dict[str, str]]:
    return json.loads((corpus("web-dev") / "gold.json").read_text("utf-8"))


def pages(level: str) -> list[Page]:
    """Every seed of a level, decoded as the converter decodes it, in stem order."""
    folder = corpus("web-dev") / level
    return [
        Page(
            stem,
            level,
            clean_text(decode((folder / f"{stem}.txt").read_bytes())),
            entry["title"],
            entry["body"],
        )
        for stem, entry in sorted(gold().items())
        if (folder / f"{stem}.txt").exists()
    ]


@cache
def scorer() -> ModuleType:
    """web-dev/score.py as a module: tp_fp_fn, metrics, norm_title, score."""
    path = corpus("web-dev") / "score.py"
    spec = importlib.util.spec_from_file_location("webdev_score", path)
    if spec is None or spec.loader is None:
        raise SystemExit(f"cannot load the scorer {path}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def score(predicted: dict[str, tuple[str, str]]) -> dict[str, float]:
    """F1, precision, recall and headline accuracy of {stem: (title, body)} over the pages given
    (a stem left out scores as a page with no output)."""
    entries = {stem: gold()[stem] for stem in predicted}
    result = scorer().score(predicted, entries)
    return {key: result[key] for key in ("f1", "precision", "recall", "titles")}


def figures(name: str, result: dict[str, float]) -> str:
    return (
        f"{name:<34} F1 {result['f1']:.3f}  P {result['precision']:.3f}  "
        f"R {result['recall']:.3f}  headline {result['titles']:.3f}"
    )


def webdev_path(relative: str) -> Path:
    return corpus("web-dev") / relative
