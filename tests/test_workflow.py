"""The publishing workflow: valid for GitHub, it runs the README's own command in two steps,
and one bad seed does not hold back the others' pages."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import yaml
from helpers import GOLDEN, REPO

WORKFLOW = REPO / ".github" / "workflows" / "site.yml"


def load() -> dict:
    return yaml.safe_load(WORKFLOW.read_text("utf-8"))


def test_workflow_matches_githubs_schema():
    command = [
        sys.executable,
        "-m",
        "check_jsonschema",
        "--builtin-schema",
        "vendor.github-workflows",
        str(WORKFLOW),
    ]
    result = subprocess.run(command, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_runs_on_seed_pushes_and_by_hand():
    triggers = load()[True]  # YAML 1.1 reads the key `on` as True
    assert triggers["push"]["paths"] == ["seeds/**"]
    assert "workflow_dispatch" in triggers


def test_builds_with_the_readme_command_and_deploys_pages():
    """`make site` is `archive convert` then `mkdocs build --strict`: the workflow runs the two
    as steps of their own, after `make install`."""
    jobs = load()["jobs"]
    steps = jobs["build"]["steps"]
    runs = [step.get("run", "").strip() for step in steps]
    assert "make install" in runs
    assert "make site" in (REPO / "README.md").read_text("utf-8")
    assert "$(BIN)/archive build" in (REPO / "Makefile").read_text("utf-8")
    assert _step(steps, "convert")["run"].strip() == ".venv/bin/archive convert seeds --out docs"
    assert _step(steps, "build the site")["run"].strip().endswith("mkdocs build --strict")
    uses = [step.get("uses", "") for job in jobs.values() for step in job["steps"]]
    assert any(use.startswith("actions/setup-python") for use in uses)
    setup = next(step for step in steps if step.get("uses", "").startswith("actions/setup-python"))
    assert setup["with"]["cache"] == "pip"
    assert any(use.startswith("actions/upload-pages-artifact") for use in uses)
    assert any(use.startswith("actions/deploy-pages") for use in uses)


def test_a_failed_seed_still_publishes_the_others_then_fails_the_run():
    """The convert step may fail (a seed that did not convert) and every later step still runs:
    the build, the commit of the pages and the upload to Pages; a job after the deployment
    then fails the run. Nothing else may fail quietly."""
    jobs = load()["jobs"]
    steps = jobs["build"]["steps"]
    convert = _step(steps, "convert")
    assert [step for step in steps if step.get("continue-on-error")] == [convert]
    later = steps[steps.index(convert) + 1 :]
    assert [step.get("uses", "") for step in later][-1].startswith("actions/upload-pages-artifact")
    assert not [step for step in later if "if" in step]
    outcome = "${{ steps." + convert["id"] + ".outcome }}"
    assert jobs["build"]["outputs"]["converted"] == outcome
    seeds = jobs["seeds"]
    assert set(seeds["needs"]) == {"build", "deploy"}
    assert seeds["if"] == "needs.build.outputs.converted != 'success'"
    assert seeds["steps"][-1]["run"].rstrip().endswith("exit 1")


def test_the_workflows_steps_build_the_good_pages_past_a_bad_seed(tmp_path):
    """The convert and build steps' own commands, run in a copy of the project whose seeds are
    the real seed and a binary file: the convert step fails naming the bad seed, the build
    step succeeds, and the site holds the real seed's article."""
    steps = load()["jobs"]["build"]["steps"]
    project = tmp_path / "project"
    (project / "seeds").mkdir(parents=True)
    (project / "docs").mkdir()
    shutil.copy(REPO / "mkdocs.yml", project)
    (project / ".venv").symlink_to(Path(sys.executable).parents[1])
    shutil.copy(GOLDEN / "000_f814c7b6e486f735.txt", project / "seeds")
    (project / "seeds" / "bad.txt").write_bytes(b"\x00\x01\x02 not text")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SITE_URL": "https://example.org/news/"}

    def run(step: dict) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            ["bash", "-e", "-c", step["run"]],
            cwd=project,
            env=env,
            capture_output=True,
            text=True,
            check=False,
        )

    converted = run(_step(steps, "convert"))
    assert converted.returncode == 1, converted.stderr
    assert "failed: bad.txt: not text" in converted.stderr
    built = run(_step(steps, "build the site"))
    assert built.returncode == 0, built.stdout + built.stderr
    page = project / "site" / "articles" / "us-and-russia-poised-for-new-battle-over-syria"
    assert "US and Russia poised for new battle over Syria" in (page / "index.html").read_text(
        "utf-8"
    )


def _step(steps: list[dict], name: str) -> dict:
    """The step whose name starts with `name` (case aside)."""
    return next(step for step in steps if step.get("name", "").casefold().startswith(name))
