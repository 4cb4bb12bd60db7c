"""The checks render the tree once per synthesis, however the app is synthesized, and never stale.

Times are measured by the benchmarks (bench/), not here: these tests count renderings, the thing
that made an app of N Harbors quadratic, and show that a tree changed between two syntheses is read
afresh.
"""

from __future__ import annotations

import sys
from pathlib import Path
from types import FrameType
from typing import Any

import cdk8s
import pytest
from support import harbor_site

from constructs.harbor.kit.checks import _cache, adapter, tree


@pytest.fixture
def renderings(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The path of every ApiObject the checks render (an ApiObject.to_json() round trip each)."""
    rendered: list[str] = []

    class Counted(tree.Manifest):
        def __init__(self, *fields: object) -> None:
            super().__init__(*fields)  # type: ignore[arg-type]
            rendered.append(self.path)

    monkeypatch.setattr(tree, "Manifest", Counted)
    return rendered


def rendered_once(rendered: list[str]) -> bool:
    return len(rendered) > 30 and len(set(rendered)) == len(rendered)


def test_jsii_s_callback_loop_is_found() -> None:
    # the per-call cache recognises the call by jsii's callback loop: a jsii release that renames it
    # would silently make every plain app.synth() quadratic again
    assert _cache._CALLBACK_LOOP is not None


def test_a_plain_synth_of_several_charts_renders_each_object_once(renderings: list[str], tmp_path) -> None:
    site = harbor_site(app=cdk8s.App(outdir=str(tmp_path)))
    for i in range(3):   # more charts: cdk8s validates the whole app once more for each
        cdk8s.Chart(site.app, f"extra-{i}", namespace=f"extra-{i}")
    site.app.synth()
    assert rendered_once(renderings), len(renderings)


def test_testing_synth_renders_each_object_once(renderings: list[str]) -> None:
    site = harbor_site()
    cdk8s.Testing.synth(site.chart)
    assert rendered_once(renderings), len(renderings)


def test_a_tree_changed_between_two_syntheses_is_read_afresh(tmp_path) -> None:
    site = harbor_site(app=cdk8s.App(outdir=str(tmp_path)))
    site.app.synth()                       # valid, and cached for that call only
    site.harbor.core.config_map.add_json_patch(cdk8s.JsonPatch.remove("/data/PORTAL_URL"))
    with pytest.raises(RuntimeError, match="does not set PORTAL_URL"):
        site.app.synth()


def test_outside_a_synthesis_nothing_is_cached() -> None:
    site = harbor_site()
    assert tree.manifests(site.app) is not tree.manifests(site.app)


def test_without_the_per_call_cache_the_count_shows_it(renderings: list[str], monkeypatch) -> None:
    # the counting above can fail: with the cache off, each check renders the tree again
    monkeypatch.setattr(_cache, "_CALLBACK_LOOP", None)
    site = harbor_site()
    cdk8s.Testing.synth(site.chart)
    assert not rendered_once(renderings) and len(renderings) >= 3 * len(set(renderings))


# ---- under python -O -------------------------------------------------------------------------------------

OPTIMIZED_PROGRAM = '''
import sys
import bundled_node  # noqa: F401
import cdk8s
from support import harbor_site

assert sys.flags.optimize == 1  # this program's own asserts are gone under -O: checked by the prints below
outcomes = []
try:
    harbor_site(storage={"registry": "50Gi"})   # a user's wrong type, which the bindings' typeguard no longer sees
except ValueError as error:
    outcomes.append(f"refused: {error}")
site = harbor_site(app=cdk8s.App(outdir=sys.argv[1]))
site.harbor.core.config_map.add_json_patch(cdk8s.JsonPatch.remove("/data/PORTAL_URL"))
try:
    site.app.synth()
except RuntimeError as error:
    outcomes.append(f"synth failed: {error}")
print(sys.flags.optimize)
print("\\n".join(outcomes))
'''


def test_the_library_checks_hold_under_python_O(tmp_path) -> None:
    # python -O drops the bindings' runtime type checks (typeguard, under __debug__) and every assert:
    # the library's own checks must hold without either
    import os
    import subprocess
    import sys

    from conftest import EXAMPLES, REPO

    env = dict(os.environ, PYTHONPATH=os.pathsep.join([str(REPO), str(EXAMPLES), str(REPO / "tests")]))
    done = subprocess.run([sys.executable, "-O", "-c", OPTIMIZED_PROGRAM, str(tmp_path)], capture_output=True,
                          text=True, env=env, cwd=REPO, timeout=120)
    assert done.returncode == 0, done.stderr[-3000:]
    lines = done.stdout.splitlines()
    assert lines[0] == "1", done.stdout
    assert any(line.startswith("refused: HarborRegistry.storage must be a HarborStorage") for line in lines), lines
    failed = done.stdout.split("synth failed:", 1)
    assert len(failed) == 2 and "does not set PORTAL_URL" in failed[1], done.stdout


def test_the_library_holds_no_assert() -> None:
    # an assert is gone under python -O; every check of the library raises or reports instead
    import ast

    from conftest import REPO

    found = [f"{path.relative_to(REPO)}:{node.lineno}"
             for path in sorted((REPO / "constructs" / "harbor").rglob("*.py"))
             for node in ast.walk(ast.parse(path.read_text())) if isinstance(node, ast.Assert)]
    assert found == []


def check_calls(sites: int, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> int:
    """Python calls into the library while the app of `sites` Harbor sites is validated (one AppChecks run).

    The calls are the checks' work: reading manifests, matching selectors, looking up Services. A count
    that grows with the square of the sites means a check of one site scans the whole app.
    """
    library = str(Path(adapter.__file__).resolve().parents[2])
    calls = [0]

    def count(frame: FrameType, event: str, _: object) -> None:
        if event == "call" and frame.f_code.co_filename.startswith(library):
            calls[0] += 1

    run = adapter.AppChecks._run

    def counted_run(self: adapter.AppChecks) -> Any:
        sys.setprofile(count)
        try:
            return run(self)
        finally:
            sys.setprofile(None)

    monkeypatch.setattr(adapter.AppChecks, "_run", counted_run)
    app = cdk8s.App(outdir=str(tmp_path / f"sites-{sites}"))
    for i in range(sites):
        harbor_site(app=app, chart_id=f"team-{i}", namespace=f"team-{i}", default_deny=True)
    app.synth()
    monkeypatch.undo()
    return calls[0]


def test_the_checks_work_grows_linearly_with_the_sites(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    one, four = check_calls(1, tmp_path, monkeypatch), check_calls(4, tmp_path, monkeypatch)
    assert one > 1000
    # linear: four sites cost four times one (3.99x); when each site's checks scanned the whole app it was 6.2x
    assert four <= 4.3 * one, (one, four, four / one)
