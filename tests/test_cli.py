"""The console script, run as a user runs it."""

import json
import shutil
import subprocess
import sys
from pathlib import Path

from helpers import GOLDEN


def archive(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    command = [sys.executable, "-c", "from converter.cli import main; main()", *args]
    return subprocess.run(command, cwd=cwd, capture_output=True, text=True)


def test_convert_defaults_and_summary(tmp_path):
    (tmp_path / "seeds").mkdir()
    shutil.copy(GOLDEN / "000_f814c7b6e486f735.txt", tmp_path / "seeds")
    result = archive("convert", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "converted 1, unchanged 0, failed 0" in result.stdout
    assert (
        tmp_path / "docs" / "articles" / "us-and-russia-poised-for-new-battle-over-syria.md"
    ).exists()


def test_some_failed_exits_1_and_names_the_file(tmp_path):
    seeds = tmp_path / "in"
    seeds.mkdir()
    shutil.copy(GOLDEN / "000_f814c7b6e486f735.txt", seeds)
    (seeds / "broken.txt").write_bytes(b"%PDF-1.4 \x00\x00\x00")
    result = archive("convert", str(seeds), "--out", str(tmp_path / "out"), cwd=tmp_path)
    assert result.returncode == 1
    assert (
        "failed 1" in result.stdout
        and "broken.txt" in result.stderr
        and "not text" in result.stderr
    )
    assert len(list((tmp_path / "out" / "articles").glob("*.md"))) == 1


def test_docs_or_report_the_machine_refuses_is_an_error_not_a_traceback(tmp_path):
    seeds = tmp_path / "in"
    seeds.mkdir()
    shutil.copy(GOLDEN / "000_f814c7b6e486f735.txt", seeds)
    (tmp_path / "a-file").write_text("not a directory")
    under_a_file = tmp_path / "a-file" / "docs"
    refused = archive("convert", str(seeds), "--out", str(under_a_file), cwd=tmp_path)
    assert refused.returncode == 1 and "Traceback" not in refused.stderr
    assert f"error: cannot take the lock on {under_a_file}: [Errno 20] Not a directory" in (
        refused.stderr
    )
    command = ("convert", str(seeds), "--out", str(tmp_path / "out"))
    report = archive(*command, "--report", str(tmp_path / "a-file" / "r.json"), cwd=tmp_path)
    assert report.returncode == 1 and "Traceback" not in report.stderr
    assert "converted 1, unchanged 0, failed 0" in report.stdout
    assert "error: the report could not be written: [Errno 20] Not a directory" in report.stderr


def test_usage_error_exits_2(tmp_path):
    assert archive("convert", str(tmp_path / "missing"), cwd=tmp_path).returncode == 2
    assert archive("frobnicate", cwd=tmp_path).returncode == 2


def test_report_lists_every_seed_with_its_page_or_reason(tmp_path):
    seeds = tmp_path / "in"
    seeds.mkdir()
    shutil.copy(GOLDEN / "000_f814c7b6e486f735.txt", seeds)
    shutil.copy(GOLDEN / "000_f814c7b6e486f735.txt", seeds / "copy.txt")
    (seeds / "broken.txt").write_bytes(b"%PDF-1.4 \x00\x00\x00")
    (seeds / "empty.txt").write_bytes(b"")
    report_file = tmp_path / "reports" / "report.json"
    command = ("convert", str(seeds), "--out", str(tmp_path / "out"), "--report", str(report_file))
    assert archive(*command, cwd=tmp_path).returncode == 1

    report = json.loads(report_file.read_text("utf-8"))
    page = "articles/us-and-russia-poised-for-new-battle-over-syria.md"
    assert report["counts"] == {"seeds": 4, "converted": 2, "unchanged": 0, "failed": 2}
    assert report["seeds"][1].pop("reason").startswith("not text")
    assert report["seeds"] == [
        {"file": "000_f814c7b6e486f735.txt", "outcome": "converted", "page": page},
        {"file": "broken.txt", "outcome": "failed"},
        {
            "file": "copy.txt",
            "outcome": "converted",
            "page": page,
            "duplicate_of": "000_f814c7b6e486f735",
        },
        {"file": "empty.txt", "outcome": "failed", "reason": "no article text: the seed is empty"},
    ]
    assert report["pages"] == {"converted": [page], "unchanged": [], "removed": []}

    assert archive(*command, cwd=tmp_path).returncode == 1
    again = report_file.read_bytes()
    assert archive(*command, cwd=tmp_path).returncode == 1
    assert report_file.read_bytes() == again
    outcomes = [entry["outcome"] for entry in json.loads(again)["seeds"]]
    assert outcomes == ["unchanged", "failed", "unchanged", "failed"]


def test_report_option_is_documented(tmp_path):
    result = archive("convert", "--help", cwd=tmp_path)
    assert "--report" in result.stdout and "--max-seed-bytes" in result.stdout


def test_dask_engine_from_the_command_line(tmp_path):
    (tmp_path / "seeds").mkdir()
    shutil.copy(GOLDEN / "000_f814c7b6e486f735.txt", tmp_path / "seeds")
    result = archive("convert", "--engine", "dask", "--workers", "1", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "converted 1, unchanged 0, failed 0" in result.stdout
