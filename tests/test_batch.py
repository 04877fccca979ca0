"""Whole runs over a seeds directory: golden output, idempotence, failures that do not stop."""

import gzip
import os
import plistlib
import quopri
import re
import shutil
from dataclasses import replace
from pathlib import Path

import pytest
from helpers import CORPUS, GOLDEN, page_parts, tree

from converter.batch import (
    Toolkit,
    check_directory,
    convert_directory,
    convert_groups,
    prepare_all,
    save_manifest,
    write_pages,
)
from converter.faults import FAULTS_VARIABLE
from converter.grouping import Grouping, group_seeds
from converter.manifest import Manifest, SeedRecord, current_stamp, load_manifest, sha256
from converter.model import Article, Failure, SeedFile
from converter.pipeline import Converted
from converter.prune import held_pages, prune_pages, reserved_slugs
from converter.scan import Plan, plan_run, scan_seeds
from converter.settings import Settings
from converter.slugs import seed_suffix
from converter.write import existing_pages

SEED = "000_f814c7b6e486f735.txt"
PAGE = "us-and-russia-poised-for-new-battle-over-syria.md"


@pytest.fixture(scope="module")
def toolkit():
    return Toolkit()


@pytest.fixture
def seeds(tmp_path):
    directory = tmp_path / "seeds"
    directory.mkdir()
    shutil.copy(GOLDEN / SEED, directory / SEED)
    return directory


def test_seed_converts_to_the_golden_page(seeds, tmp_path, toolkit):
    report = convert_directory(seeds, tmp_path / "docs", toolkit=toolkit)
    assert report.converted == (f"articles/{PAGE}",) and not report.failed
    assert (tmp_path / "docs" / "articles" / PAGE).read_text("utf-8") == (GOLDEN / PAGE).read_text(
        "utf-8"
    )


def test_golden_page_meets_the_seed_contract(seeds, tmp_path, toolkit):
    convert_directory(seeds, tmp_path / "docs", toolkit=toolkit)
    matter, body = page_parts((tmp_path / "docs" / "articles" / PAGE).read_text("utf-8"))
    assert matter["title"] == "US and Russia poised for new battle over Syria"
    assert matter["source"] == "Associated Press"
    assert matter["seed"] == "000_f814c7b6e486f735"
    assert [video["duration"] for video in matter["media"]] == ["00:43", "02:15"]
    assert all(
        video["source"] == "ONE News" and video["kind"] == "video" for video in matter["media"]
    )
    assert "\n## Attack on aid convoy\n" in body
    for chrome in ("share", "loading error", "refresh", "00:43", "02:15", "Source:", "ONE News"):
        assert not re.search(rf"(?m)^{re.escape(chrome)}$", body) and chrome not in body
    expected = {
        "John Kerry",
        "Sergey Lavrov",
        "Bashar Assad",
        "United States",
        "Russia",
        "Syria",
        "UN Security Council",
        "International Syria Support Group",
        "US Congress",
    }
    assert expected <= set(matter["actors"])
    assert not {
        "Kerry",
        "Assad",
        "US",
        "Source",
        "However",
        "Instead",
        "Attack",
        "Associated Press",
        "AP",
    } & set(matter["actors"])
    assert matter["topics"][0] == "conflict, war and peace"
    assert {"diplomacy", "humanitarian aid"} <= set(matter["topics"])
    assert matter["description"].startswith("With Syria's cease-fire in shambles")


def test_every_body_sentence_appears_exactly_once(seeds, tmp_path, toolkit):
    convert_directory(seeds, tmp_path / "docs", toolkit=toolkit)
    _, body = page_parts((tmp_path / "docs" / "articles" / PAGE).read_text("utf-8"))
    raw = (seeds / SEED).read_text("utf-8").replace("\u00a0", " ")
    paragraphs = [
        line for line in raw.split("\n") if len(line.split()) > 8 and line.endswith((".", '"'))
    ]
    video_descriptions = {line for line in paragraphs if paragraphs.count(line) == 2}
    for paragraph in set(paragraphs) - video_descriptions:
        for sentence in re.split(r"(?<=[.!?])\s+(?=[A-Z])", paragraph):
            assert body.count(sentence) == 1, sentence
    for description in video_descriptions:
        assert description not in body


def test_second_run_changes_nothing(seeds, tmp_path, toolkit):
    docs = tmp_path / "docs"
    convert_directory(seeds, docs, toolkit=toolkit)
    before = tree(docs)
    report = convert_directory(seeds, docs, toolkit=toolkit)
    assert report.converted == () and len(report.unchanged) == 1
    assert tree(docs) == before


def test_bad_seeds_fail_alone_and_by_name(seeds, tmp_path, toolkit):
    (seeds / "empty.txt").write_bytes(b"")
    (seeds / "image.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(100))
    (seeds / "chrome-only.txt").write_text("Headline\n\nshare\n\nrefresh\n")
    report = convert_directory(seeds, tmp_path / "docs", toolkit=toolkit)
    assert report.exit_code == 1
    assert len(report.converted) == 1
    reasons = {failure.seed_file: failure.reason for failure in report.failed}
    assert set(reasons) == {"empty.txt", "image.png", "chrome-only.txt"}
    assert "not text" in reasons["image.png"]
    assert "no article text" in reasons["chrome-only.txt"]


def test_deleted_seed_loses_its_page(seeds, tmp_path, toolkit):
    docs = tmp_path / "docs"
    convert_directory(seeds, docs, toolkit=toolkit)
    (seeds / SEED).unlink()
    report = convert_directory(seeds, docs, toolkit=toolkit)
    assert report.removed == (PAGE,)
    assert not list((docs / "articles").glob("*.md"))


def test_two_seeds_with_one_title_get_two_pages(seeds, tmp_path, toolkit):
    shutil.copy(seeds / SEED, seeds / "copy.txt")
    (seeds / "copy.txt").write_text(
        (seeds / SEED).read_text("utf-8") + "\nOne more sentence here.\n"
    )
    report = convert_directory(seeds, tmp_path / "docs", toolkit=toolkit)
    assert len(report.converted) == 2 and len(set(report.converted)) == 2


def test_symbolic_link_is_refused_by_name(seeds, tmp_path, toolkit):
    secret = tmp_path / "secret.txt"
    secret.write_text("Secret headline\n\nPrivate text that must not be published.\n")
    (seeds / "link.txt").symlink_to(secret)
    report = convert_directory(seeds, tmp_path / "docs", toolkit=toolkit)
    assert [(f.seed_file, f.reason) for f in report.failed] == [
        ("link.txt", "refused: a symbolic link, not a seed file")
    ]
    assert len(report.converted) == 1


def test_a_hostile_manifest_can_make_the_run_read_or_delete_nothing_outside_articles(
    seeds, tmp_path, toolkit
):
    """A manifest edited to point its records out of articles/: one at a file the run would
    publish as the seed's 'unchanged' page (its hashes match), one, of a seed gone, at a file
    the prune would delete. Both records are left out; the seed gets its real page."""
    docs = tmp_path / "docs"
    convert_directory(seeds, docs, toolkit=toolkit)
    page = (docs / "articles" / PAGE).read_bytes()
    secret, precious = tmp_path / "secret.md", tmp_path / "precious.md"
    secret.write_text("---\ntitle: Leaked\n---\n\nThe private key.\n", "utf-8")
    precious.write_text("Not the converter's to delete.\n", "utf-8")
    manifest = load_manifest(docs)
    record = manifest.seeds[SEED.removesuffix(".txt")]
    leak = replace(record, page="../secret.md", page_hash=sha256(secret.read_bytes()))
    gone = replace(record, page="articles/../../precious.md")
    save_manifest(docs, manifest.stamp, {SEED.removesuffix(".txt"): leak, "a-seed-now-gone": gone})
    assert load_manifest(docs).seeds == {}
    report = convert_directory(seeds, docs, toolkit=toolkit)
    assert report.unchanged == (f"articles/{PAGE}",) and not report.failed
    assert (docs / "articles" / PAGE).read_bytes() == page
    assert precious.exists() and secret.exists()


def test_a_symlink_put_in_a_pages_place_is_replaced_not_published(seeds, tmp_path, toolkit):
    """The page swapped for a link to a secret and the record's hash for the secret's: the
    run neither publishes the secret as the 'unchanged' page nor writes through the link."""
    docs = tmp_path / "docs"
    convert_directory(seeds, docs, toolkit=toolkit)
    path = docs / "articles" / PAGE
    page = path.read_bytes()
    secret = tmp_path / "secret.md"
    secret.write_bytes(page.replace(b"Syria", b"SECRET"))
    path.unlink()
    path.symlink_to(secret)
    manifest = load_manifest(docs)
    name = SEED.removesuffix(".txt")
    forged = replace(manifest.seeds[name], page_hash=sha256(secret.read_bytes()))
    save_manifest(docs, manifest.stamp, {name: forged})
    report = convert_directory(seeds, docs, toolkit=toolkit)
    assert report.converted == (f"articles/{PAGE}",) and not report.failed
    assert not path.is_symlink() and path.read_bytes() == page
    assert b"SECRET" in secret.read_bytes()


def test_a_named_pipe_is_refused_by_name_not_waited_on(seeds, tmp_path, toolkit):
    os.mkfifo(seeds / "pipe.txt")  # opening it to read would wait for a writer forever
    report = convert_directory(seeds, tmp_path / "docs", toolkit=toolkit)
    assert [(f.seed_file, f.reason) for f in report.failed] == [
        ("pipe.txt", "refused: a named pipe, not a seed file")
    ]
    assert len(report.converted) == 1


# The run's named stages, each alone, and what a failure at any of them leaves.


@pytest.fixture
def archive(tmp_path, toolkit):
    """Two corpus seeds and the golden one, converted: (seeds, docs, pages by seed)."""
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    for path in [*sorted(CORPUS.glob("*.txt"))[:2], GOLDEN / SEED]:
        shutil.copy(path, seeds / path.name)
    docs = tmp_path / "docs"
    assert not convert_directory(seeds, docs, toolkit=toolkit).failed
    records = load_manifest(docs).seeds.items()
    return seeds, docs, {name: (docs / record.page).read_bytes() for name, record in records}


def edit(seeds: Path) -> None:
    for path in seeds.iterdir():
        edit_one(path)


def edit_one(path: Path) -> None:
    path.write_text(path.read_text("utf-8") + "\nA closing paragraph added later.\n")


HANG_LIMIT = 5
FAILURES = {
    "refused at scan": ("", lambda path: _relink(path), "refused: a symbolic link"),
    "not text": ("", lambda path: path.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(99)), "not text"),
    "no article left by the rules": (
        "",
        lambda path: path.write_text("Headline\n\nshare\n\nrefresh\n"),
        "no article text",
    ),
    "raises in enrichment": ("raise", None, "internal error while enriching"),
    "hangs past the time limit": ("hang", None, f"timed out: took more than {HANG_LIMIT} s"),
    "kills its worker": ("die", None, "its worker process died on it (killed by SIGKILL)"),
}


def _relink(path: Path) -> None:
    target = path.parent.parent / "elsewhere.txt"
    target.write_bytes(path.read_bytes())
    path.unlink()
    path.symlink_to(target)


@pytest.mark.parametrize("how", FAILURES)
def test_a_seed_failing_at_any_stage_keeps_its_page_and_record(archive, toolkit, monkeypatch, how):
    seeds, docs, old = archive
    edit(seeds)
    fault, damage, reason = FAILURES[how]
    victim = seeds / SEED
    if damage:
        damage(victim)
    if fault:
        monkeypatch.setenv(FAULTS_VARIABLE, f"{fault}:{victim.stem}")
    before = load_manifest(docs).seeds[victim.stem]
    # Only the hanging seed needs a short limit; a loaded machine can take longer than that over
    # an ordinary seed, which must not fail with it.
    limit = HANG_LIMIT if fault == "hang" else Settings().seed_timeout
    report = convert_directory(seeds, docs, Settings(seed_timeout=limit), toolkit=toolkit)
    assert [failure.seed_file for failure in report.failed] in ([SEED], [victim.stem])
    assert report.failed[0].reason.startswith(reason)
    assert (docs / "articles" / PAGE).read_bytes() == old[victim.stem]
    assert load_manifest(docs).seeds[victim.stem] == replace(before, seed_hash="")
    assert len(report.converted) == 2 and not report.removed
    monkeypatch.delenv(FAULTS_VARIABLE, raising=False)
    if damage:
        victim.unlink()
        shutil.copy(GOLDEN / SEED, victim)
        edit_one(victim)
    again = convert_directory(seeds, docs, toolkit=toolkit)
    assert again.converted == (f"articles/{PAGE}",) and not again.failed
    assert check_directory(seeds, docs) == []


def test_scan_names_each_failure_by_its_seed(seeds):
    (seeds / "link.txt").symlink_to(seeds / SEED)
    found, failed = scan_seeds(seeds)
    assert [seed.name for seed in found] == [SEED.removesuffix(".txt")]
    assert failed == {"link": Failure("link.txt", "refused: a symbolic link, not a seed file")}


def test_plan_converts_what_changed_and_what_failed_last_time(archive):
    seeds, docs, _ = archive
    manifest = load_manifest(docs)
    found, _ = scan_seeds(seeds)
    assert plan_run(found, manifest, current_stamp(), docs).to_convert == []
    failed_last_time = replace(manifest.seeds[found[0].name], seed_hash="")
    manifest.seeds[found[0].name] = failed_last_time
    plan = plan_run(found, manifest, current_stamp(), docs)
    assert plan.to_convert == [found[0]] and found[0].name not in plan.unchanged
    assert plan_run(found, None, current_stamp(), docs).to_convert == found


def test_prepare_parses_good_seeds_and_names_bad_ones(seeds):
    (seeds / "empty.txt").write_bytes(b"")
    found, _ = scan_seeds(seeds)
    prepared, failed = prepare_all(found, Settings())
    assert [item.seed.stem for item in prepared] == [SEED.removesuffix(".txt")]
    assert failed == {"empty": Failure("empty.txt", "no article text: the seed is empty")}


def test_grouping_converts_again_an_unchanged_seed_whose_page_must_list_others(archive):
    seeds, docs, _ = archive
    owner = SEED.removesuffix(".txt")
    shutil.copy(seeds / SEED, seeds / "zz_copy.txt")
    found, _ = scan_seeds(seeds)
    plan = plan_run(found, load_manifest(docs), current_stamp(), docs)
    prepared, _ = prepare_all(plan.to_convert, Settings())
    grouping = group_seeds(plan, prepared, docs, Settings())
    assert grouping.groups[owner] == (owner, "zz_copy") and grouping.regroup == (owner,)


def test_grouping_gives_a_duplicate_whose_owner_is_gone_a_page_of_its_own(archive, toolkit):
    seeds, docs, _ = archive
    shutil.copy(seeds / SEED, seeds / "zz_copy.txt")
    convert_directory(seeds, docs, toolkit=toolkit)
    (seeds / SEED).unlink()
    found, _ = scan_seeds(seeds)
    plan = plan_run(found, load_manifest(docs), current_stamp(), docs)
    assert "zz_copy" in plan.unchanged
    grouping = group_seeds(plan, [], docs, Settings())
    assert grouping.regroup == ("zz_copy",)
    report = convert_directory(seeds, docs, toolkit=toolkit)
    assert report.converted == (f"articles/{PAGE}",)
    matter, _ = page_parts((docs / "articles" / PAGE).read_text("utf-8"))
    assert matter["seed"] == "zz_copy" and "seeds" not in matter  # its own page, alone


def test_convert_fails_a_failed_owners_duplicates_with_it(archive, toolkit, monkeypatch):
    seeds, docs, _ = archive
    owner = SEED.removesuffix(".txt")
    shutil.copy(seeds / SEED, seeds / "zz_copy.txt")
    monkeypatch.setenv(FAULTS_VARIABLE, f"raise:{owner}")
    found, _ = scan_seeds(seeds)
    plan = plan_run(found, load_manifest(docs), current_stamp(), docs)
    prepared, _ = prepare_all(plan.to_convert, Settings())
    grouping = group_seeds(plan, prepared, docs, Settings())
    converted, failed = convert_groups(grouping, prepared, found, toolkit, Settings())
    assert converted == [] and failed.keys() == {owner, "zz_copy"}
    assert failed["zz_copy"].reason.startswith(f"shares its page with {owner}, which failed: ")


def test_write_keeps_off_the_pages_failed_seeds_hold(tmp_path):
    plan = Plan(unchanged={})
    seeds = [SeedFile("b", tmp_path / "b.txt", "b.txt", "hash-b")]
    article = Article(seed="b", title="Same title", source="", blocks=())
    grouping = Grouping({"b": ("b",)}, {"b": "text-b"}, {"b": ""}, (), ())
    pages = [Converted(article, "page of b")]
    written = write_pages(tmp_path, seeds, plan, grouping, pages, {}, frozenset({"same-title"}))
    assert written.converted == (f"articles/same-title-{seed_suffix('b')}.md",)
    assert written.records["b"].page == written.converted[0]


def test_failed_seeds_hold_their_pages_but_not_one_their_owner_rewrites(archive):
    seeds, docs, _ = archive
    manifest = load_manifest(docs)
    owner = SEED.removesuffix(".txt")
    failed = {owner: Failure(SEED, "not text")}
    held = held_pages(docs, manifest, failed, existing_pages(docs))
    assert held == {owner: {f"articles/{PAGE}"}}
    grouping = Grouping({"other": ("other",)}, {}, {}, (), ())
    assert reserved_slugs(held, manifest, grouping, failed) == {PAGE.removesuffix(".md")}
    member = replace(manifest.seeds[owner], duplicate_of="x")
    manifest.seeds["member"] = member
    held = held_pages(docs, manifest, {"member": Failure("member", "")}, [])
    assert reserved_slugs(held, manifest, Grouping({owner: (owner,)}, {}, {}, (), ()), {}) == set()


def test_prune_removes_pages_of_gone_seeds_and_keeps_those_failed_seeds_hold(archive):
    seeds, docs, _ = archive
    manifest = load_manifest(docs)
    names = sorted(manifest.seeds)
    gone, failing, written = names[0], names[1], {names[2]: manifest.seeds[names[2]]}
    on_disk = existing_pages(docs)
    held = held_pages(docs, manifest, {failing: Failure("", "")}, on_disk)
    records, removed = prune_pages(docs, manifest, written, held, on_disk)
    assert records == written | {failing: replace(manifest.seeds[failing], seed_hash="")}
    assert removed == [docs / manifest.seeds[gone].page]
    assert sorted(path.name for path in (docs / "articles").iterdir()) == sorted(
        Path(record.page).name for record in records.values()
    )


def test_save_manifest_writes_what_load_manifest_reads(tmp_path):
    record = SeedRecord("s", "t", "Title", "articles/title.md", "p")
    save_manifest(tmp_path, current_stamp(), {"a": record})
    assert load_manifest(tmp_path) == Manifest(current_stamp(), {"a": record})


def test_without_a_manifest_a_failed_seed_still_keeps_the_page_that_names_it(archive):
    seeds, docs, _ = archive
    manifest = load_manifest(docs)
    on_disk = existing_pages(docs)
    failing, gone = sorted(manifest.seeds)[:2]
    held = held_pages(docs, None, {failing: Failure("", "")}, on_disk)
    records, removed = prune_pages(docs, None, {}, held, on_disk)
    assert records == {}
    assert (docs / manifest.seeds[failing].page).exists()
    assert docs / manifest.seeds[gone].page in removed


def test_every_kind_of_seed_file_converts_in_one_run(seeds, tmp_path, toolkit):
    """A text seed, Markdown, a saved page compressed, as one file (MHTML, Safari's Web Archive)
    and as a source under another name: each page traces back to its own file, a second run
    changes nothing."""
    paragraphs = "".join(
        f"<p>The ferry service between the islands resumed on day {day} of the month after "
        "a strike of two weeks, the operator said in a statement to the press.</p>"
        for day in (1, 2)
    )

    def page(title: str) -> bytes:
        return (
            f"<!DOCTYPE html><html><head><title>{title}</title></head><body><article>"
            f"<h1>{title}</h1>{paragraphs}</article></body></html>"
        ).encode()

    (seeds / "clip.md").write_text(
        "---\ntitle: Council votes on harbour\n---\n"
        "The council voted on the [harbour](https://x.example/h) plan on Monday evening, "
        "after a debate of four hours in a full chamber.\n",
        "utf-8",
    )
    (seeds / "saved.html.gz").write_bytes(gzip.compress(page("Ferry service resumes")))
    (seeds / "source.php").write_bytes(page("Ferries run again"))
    (seeds / "single.mhtml").write_bytes(
        b'MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary="b"\r\n\r\n'
        b"--b\r\nContent-Type: text/html\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n"
        + quopri.encodestring(page("Island ferries back"))
        + b"\r\n--b--\r\n"
    )
    (seeds / "safari.webarchive").write_bytes(
        plistlib.dumps(
            {"WebMainResource": {"WebResourceData": page("Ferry crews return to work"),
                                 "WebResourceMIMEType": "text/html",
                                 "WebResourceTextEncodingName": "UTF-8"},
             "WebSubresources": []},
            fmt=plistlib.FMT_BINARY,
        )
    )  # fmt: skip
    docs = tmp_path / "docs"
    report = convert_directory(seeds, docs, toolkit=toolkit)
    assert not report.failed and len(report.converted) == 6
    formats = {}
    for path in (docs / "articles").glob("*.md"):
        matter, _ = page_parts(path.read_text("utf-8"))
        formats[matter["seed"]] = (matter["title"], matter.get("format", "text"))
    assert formats == {
        "000_f814c7b6e486f735": ("US and Russia poised for new battle over Syria", "text"),
        "clip.md": ("Council votes on harbour", "markdown"),
        "saved.html.gz": ("Ferry service resumes", "html"),
        "source.php": ("Ferries run again", "html"),
        "single.mhtml": ("Island ferries back", "html"),
        "safari.webarchive": ("Ferry crews return to work", "html"),
    }
    again = convert_directory(seeds, docs, toolkit=toolkit)
    assert not again.converted and not again.failed


def test_a_page_saved_complete_is_one_seed_and_its_folder_is_not(seeds, tmp_path, toolkit):
    """A browser's 'Web page, complete': `story.html` and `story_files/` (scripts, styles,
    images, an advert's frame saved as HTML). The folder's files are the page's, not seeds, but
    for a text seed put there; a folder named so with no page beside it is read as any."""
    (seeds / "story.html").write_bytes(
        b"<html><head><title>Harbour wall approved</title></head><body><article>"
        b"<h1>Harbour wall approved</h1><p>The harbour authority approved the new breakwater "
        b"on Tuesday after two years of public hearings, the council said.</p></article>"
        b"</body></html>"
    )
    resources = seeds / "story_files"
    (resources / "nested").mkdir(parents=True)
    (resources / "jquery.min.js").write_text("window.$ = function () { return 1 };", "utf-8")
    (resources / "style.css").write_text("body { color: black }", "utf-8")
    (resources / "logo.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(64))
    (resources / "nested" / "ad.html").write_text("<html><body>Buy now</body></html>", "utf-8")
    (resources / "kept.txt").write_text(
        "Ferry returns to the island\n\nThe island's ferry made its first crossing in a year on "
        "Monday, after repairs to its engines, the operator said.\n",
        "utf-8",
    )
    orphan = seeds / "notes_files"
    orphan.mkdir()
    (orphan / "council.txt").write_text(
        "Council approves budget\n\nThe council approved the budget for next year on Monday "
        "after a debate of three hours, its leader said.\n",
        "utf-8",
    )
    report = convert_directory(seeds, tmp_path / "docs", toolkit=toolkit)
    assert not report.failed
    assert sorted(report.converted) == [
        "articles/council-approves-budget.md",
        "articles/ferry-returns-to-the-island.md",
        "articles/harbour-wall-approved.md",
        "articles/us-and-russia-poised-for-new-battle-over-syria.md",
    ]
