"""The checks render the tree once per synthesis, however the app is synthesized, and never stale.

Times are measured by the benchmarks (bench/), not here: these tests count renderings, the thing
that made an app of N Harbors quadratic, and show that a tree changed between two syntheses is read
afresh.
"""

from __future__ import annotations

import cdk8s
import pytest
from support import harbor_site

from constructs.harbor.kit.checks import _cache, tree


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
