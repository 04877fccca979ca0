"""The publishing workflow: valid for GitHub, and it runs the README's own command."""

import subprocess
import sys

import yaml
from helpers import REPO

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
    jobs = load()["jobs"]
    steps = jobs["build"]["steps"]
    runs = [step.get("run", "") for step in steps]
    assert any(run.strip() == "make site" for run in runs)
    assert "make site" in (REPO / "README.md").read_text("utf-8")
    uses = [step.get("uses", "") for job in jobs.values() for step in job["steps"]]
    assert any(use.startswith("actions/setup-python") for use in uses)
    setup = next(step for step in steps if step.get("uses", "").startswith("actions/setup-python"))
    assert setup["with"]["cache"] == "pip"
    assert any(use.startswith("actions/upload-pages-artifact") for use in uses)
    assert any(use.startswith("actions/deploy-pages") for use in uses)
