"""The test-only fault hook: what it reads, and that it is inert in a normal run."""

import pytest

from converter.faults import FAULTS_VARIABLE, inject, planned_faults


def test_planned_faults_name_a_fault_per_seed():
    assert planned_faults("die:a,hang:b/c,raise:d,wedge:e") == {
        "a": "die",
        "b/c": "hang",
        "d": "raise",
        "e": "wedge",
    }
    assert planned_faults("") == {}


@pytest.mark.parametrize("spec", ["explode:a", "die:", "die"])
def test_a_fault_it_does_not_know_is_an_error(spec):
    with pytest.raises(ValueError, match=FAULTS_VARIABLE):
        planned_faults(spec)


def test_inject_does_nothing_unless_asked(monkeypatch):
    monkeypatch.delenv(FAULTS_VARIABLE, raising=False)
    inject("a")
    monkeypatch.setenv(FAULTS_VARIABLE, "raise:b")
    inject("a")
    with pytest.raises(RuntimeError, match="fault injected into b"):
        inject("b")
