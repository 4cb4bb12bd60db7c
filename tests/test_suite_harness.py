"""The suite's own machinery: how pytest-xdist shares the tests out, and the fast YAML reader."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import conftest
import pytest
import upstream
import yaml
from conftest import ONE_WORKER_MODULES, REPO, SITES, STARTS_FIRST, ModuleGroups, _StartsFirstQueue
from fast_yaml import load_yaml, load_yaml_all

TESTS = REPO / "tests"


def unit_of_work(nodeid: str) -> str:
    # the scheduler's grouping alone (its __init__ needs a running pytest-xdist session)
    return ModuleGroups._split_scope(object.__new__(ModuleGroups), nodeid)


def test_a_grouped_module_is_one_unit_of_work() -> None:
    scopes = {unit_of_work(nodeid) for nodeid in (
        "tests/test_alerts.py::test_alert[all-healthy]", "tests/test_alerts.py::test_alert[target-down]",
        "tests/test_alerts.py::test_promtool_checks_every_rule")}
    assert scopes == {"tests/test_alerts.py::"}
    real = unit_of_work("tests/test_real_registry.py::test_a_wrong_password_gets_401")
    assert real == "tests/test_real_registry.py::"


def test_other_tests_are_shared_out_one_by_one() -> None:
    ids = ["tests/test_manifests.py::test_a[harbor]", "tests/test_manifests.py::test_a[harbor-ha]",
           "tests/test_alerts_extra.py::test_b"]
    assert [unit_of_work(nodeid) for nodeid in ids] == ids


def test_the_starts_first_tests_are_handed_out_first_in_their_order() -> None:
    # xdist fills its queue (largest group first, then file order) and takes units from the front
    queue = _StartsFirstQueue()
    for scope in ("tests/test_alerts.py::", "tests/test_hardening.py::test_a", *STARTS_FIRST,
                  "tests/test_z.py::b"):
        queue[scope] = {scope: False}
    assert [queue.popitem(last=False)[0] for _ in range(len(queue))] == [
        *STARTS_FIRST, "tests/test_alerts.py::", "tests/test_hardening.py::test_a", "tests/test_z.py::b"]


def test_every_test_handed_out_first_exists() -> None:
    # a renamed test would silently go back to its place in the queue
    for nodeid in STARTS_FIRST:
        path, _, name = nodeid.partition("::")
        assert f"def {name}(" in (REPO / path).read_text(), nodeid


def test_every_grouped_name_is_a_module_of_the_suite() -> None:
    # a renamed module would silently fall out of its group
    for name in ONE_WORKER_MODULES:
        assert list(TESTS.glob(f"{name}.py")), name


@pytest.mark.parametrize("path", sorted((REPO / "dist" / "harbor").glob("*.yaml"))[:12], ids=lambda p: p.name)
def test_the_fast_reader_reads_as_safe_load_does(path: Path) -> None:
    text = path.read_text()
    assert load_yaml(text) == yaml.safe_load(text)
    assert list(load_yaml_all(text)) == list(yaml.safe_load_all(text))


def test_the_fast_reader_refuses_what_safe_load_refuses() -> None:
    with pytest.raises(yaml.YAMLError):
        load_yaml("!!python/object/apply:os.system ['true']")


def schema_texts() -> list[tuple[str, str]]:
    """Every schema the suite validates against: Kubernetes' (both versions tested), the CRDs, Harbor's API."""
    from kubernetes_validate import utils as kv_utils
    from support import NEWEST_KUBERNETES, OLDEST_KUBERNETES

    texts = []
    root = Path(kv_utils.__file__).with_name("kubernetes-json-schema")
    for version in (OLDEST_KUBERNETES, NEWEST_KUBERNETES):
        folder = next(root.glob(f"v{version}*-local-strict"))
        texts += [(str(p), p.read_text()) for p in sorted(folder.glob("*.json"))]
    pinned = [upstream.path(pin.name) for pin in upstream.PINS]
    texts += [(str(p), p.read_text()) for p in pinned if p is not None]
    return texts


def test_no_schema_the_tests_use_has_an_iri_format() -> None:
    # conftest keeps jsonschema from importing rfc3987_syntax, which checks only these formats
    texts = schema_texts()
    assert len(texts) > 100
    iri = re.compile(r"""["']?format["']?\s*[:=]\s*["']?iri""")
    assert [name for name, text in texts if iri.search(text)] == []
    assert iri.search('{"type": "string", "format": "iri-reference"}')


@pytest.mark.parametrize("name", sorted(SITES))
def test_each_site_is_named_after_its_apps_folder(name: str) -> None:
    assert SITES[name].app_module.APP_NAME == name
    assert SITES[name].script.stem == SITES[name].module


def test_the_controller_loads_no_toolchain() -> None:
    # pytest-xdist's controller imports conftest before starting the workers: that must stay cheap
    probe = ("import sys; sys.path[:0] = ['tests', '.', 'examples']; import conftest; "
             "loaded = {'cdk8s', 'jsii', 'main', 'ha_site', 'constructs.harbor'} & set(sys.modules); "
             "sys.exit(f'conftest loads {sorted(loaded)}' if loaded else 0)")
    done = subprocess.run([sys.executable, "-c", probe], cwd=REPO, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr


class _Options:
    def __init__(self, dist: str) -> None:
        self.dist = dist

    def getoption(self, name: str) -> str:
        assert name == "dist"
        return self.dist


@pytest.mark.parametrize(("dist", "ours"), [("load", True), ("loadgroup", True), ("loadfile", False),
                                            ("each", False), ("worksteal", False)])
def test_the_groups_apply_to_load_scheduling_only(dist: str, ours: bool, monkeypatch: pytest.MonkeyPatch) -> None:
    made = []
    monkeypatch.setattr(conftest, "ModuleGroups", lambda config, log: made.append((config, log)) or "groups")
    scheduler = conftest.pytest_xdist_make_scheduler(_Options(dist), None)  # type: ignore[arg-type]
    assert (scheduler == "groups") is ours and len(made) == int(ours)
