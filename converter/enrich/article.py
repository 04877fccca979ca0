"""Enrichment: a parsed seed plus its NLP analysis -> a full Article (actors, topics, summary)."""

from __future__ import annotations

from spacy.tokens import Doc

from converter.casing import case_evidence
from converter.enrich.actors import extract_actors
from converter.enrich.aliases import AliasTable
from converter.enrich.classify import classify
from converter.enrich.summary import count_words, describe
from converter.enrich.tables import table_mentions
from converter.enrich.topics import Vocabulary
from converter.language import load_language
from converter.model import Article, ParsedSeed, Video
from converter.rules.article_language import DEFAULT_LANGUAGE
from converter.settings import Settings


def body_text(parsed: ParsedSeed) -> str:
    """The article's paragraphs and crossheads as plain text, one block per paragraph."""
    return "\n\n".join(block.text for block in parsed.blocks)


ENGLISH = (DEFAULT_LANGUAGE, "")
"""The NER model and the topic cues are English; an article in another language gets neither."""


def in_english(parsed: ParsedSeed) -> bool:
    return parsed.language in ENGLISH


def analysis_text(parsed: ParsedSeed) -> str:
    """What the NER model reads: headline and body, one block per paragraph; nothing for a text
    in another language (the model is English: it would tag noise)."""
    if not in_english(parsed):
        return ""
    return "\n\n".join([parsed.title, *(block.text for block in parsed.blocks)])


def enrich(
    parsed: ParsedSeed,
    doc: Doc,
    aliases: AliasTable,
    vocabulary: Vocabulary,
    settings: Settings = Settings(),
    text: str | None = None,
) -> Article:
    """Add actors, topics, description and word count to a parsed seed; `text` is what the
    model read to make `doc`, when the caller has it (spaCy rebuilds `doc.text` on each access)."""
    credits = [parsed.source, *(item.source for item in parsed.media if isinstance(item, Video))]
    body = body_text(parsed)
    english = in_english(parsed)
    language = load_language()
    evidence = case_evidence([parsed.title, body])
    return Article(
        seed=parsed.stem,
        title=parsed.title,
        source=parsed.source,
        blocks=parsed.blocks,
        media=parsed.media,
        actors=extract_actors(
            doc,
            aliases,
            credits,
            headline_chars=len(parsed.title),
            dateline=parsed.dateline,
            extra=table_mentions(parsed.blocks, language, evidence) if english else [],
            language=language,
            evidence=evidence,
            reporters=parsed.authors if english else (),
            text=text,
        ),
        topics=classify(parsed.title, body, vocabulary) if english else (),
        description=describe(parsed.blocks, settings.description_max_chars),
        words=count_words(parsed.blocks),
        dateline=parsed.dateline,
        date=parsed.date,
        publisher=parsed.publisher,
        authors=parsed.authors,
        language=parsed.language,
        format=parsed.format,
        seeds=(parsed.stem,),
    )
