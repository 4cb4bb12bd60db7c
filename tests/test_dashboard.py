"""The Grafana dashboard: every panel's query parses, and every metric a query or an alert names is
one that Harbor, distribution, the kubelet or Prometheus really exposes.

The queries are parsed by promql-parser (a PromQL parser from PyPI); the metric names they read are
collected from the syntax tree and held to the catalog of _components/metric_catalog.py, where each
metric names the upstream file it comes from. Where Harbor's and distribution's sources are checked
out beside the repository (../src), each catalog entry is found in its file, and its name is rebuilt
the way that code builds it.
"""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path
from typing import Any

import promql_parser
import pytest
from conftest import Manifest, Manifests, synth
from support import HARBOR_SRC, UPSTREAM_SOURCES, harbor_site
from test_alerts import promtool, pulls, tasks

from constructs.harbor import HarborMetrics
from constructs.harbor._components import metric_catalog
from constructs.harbor._components.metric_catalog import METRICS, SERIES
from constructs.harbor._components.runtime_contracts import DISTRIBUTION, HARBOR

NS = "harbor"
CHECKOUTS = {HARBOR: HARBOR_SRC, DISTRIBUTION: UPSTREAM_SOURCES / "distribution"}
# Grafana's variables a query may hold, and what stands in for them when it is parsed
GRAFANA_VARIABLES = {"$__rate_interval": "5m"}


def metric_names(expr: str) -> set[str]:
    """The metric names a PromQL expression reads (a parse error raises ValueError)."""
    names: set[str] = set()

    def visit(node: Any) -> bool:
        if isinstance(node, promql_parser.VectorSelector):
            if node.name:
                names.add(node.name)
            else:
                names.update(m.value for m in node.matchers.matchers if m.name == "__name__")
        return True

    promql_parser.walk(promql_parser.parse(expr), visit)
    return names


def unknown_metrics(expr: str) -> set[str]:
    return metric_names(expr) - set(SERIES)


def dashboard_json(manifests: Manifests) -> dict[str, Any]:
    config_map = manifests.get("ConfigMap", "harbor-dashboard", NS)
    (content,) = config_map.obj["data"].values()
    return json.loads(content)


def panel_queries(board: dict[str, Any]) -> list[tuple[str, str]]:
    """(panel title, query as Prometheus gets it) for every target of every panel."""
    found = []
    for panel in board["panels"]:
        for target in panel.get("targets", []):
            expr = target["expr"]
            for variable, stand_in in GRAFANA_VARIABLES.items():
                expr = expr.replace(variable, stand_in)
            found.append((panel["title"], expr))
    return found


def alert_expressions(manifests: Manifests) -> dict[str, str]:
    rule = manifests.get("PrometheusRule", "harbor", NS)
    return {r["alert"]: r["expr"] for g in rule.obj["spec"]["groups"] for r in g["rules"]}


# ---- the dashboard's queries ----------------------------------------------------------------------

def test_every_panel_query_parses_and_names_known_metrics(manifests: Manifests) -> None:
    queries = panel_queries(dashboard_json(manifests))
    assert len(queries) >= 20
    for title, expr in queries:
        assert "$" not in expr, f"{title}: a Grafana variable the test does not stand in for: {expr}"
        try:
            unknown = unknown_metrics(expr)
        except ValueError as error:
            pytest.fail(f"{title}: the query does not parse ({error}): {expr}")
        assert not unknown, f"{title}: metrics no catalogued upstream code exposes: {sorted(unknown)}"


def test_every_query_reads_this_harbors_series(manifests: Manifests) -> None:
    # filtered to the namespace, as the alerts are: another Harbor in the same Prometheus stays apart
    for title, expr in panel_queries(dashboard_json(manifests)):
        for selector in re.findall(r"[a-z_:]+\{[^}]*\}", expr):
            assert f'namespace="{NS}"' in selector, f"{title}: {selector}"


def test_every_query_s_min_step_is_the_scrape_interval(manifests: Manifests) -> None:
    # $__rate_interval is four times a query's Min step, else four times the data source's own setting
    # (15 s by default, grafana/grafana#84063): two of the 30 s scrapes, and a gap at every missed one
    targets = [t for p in dashboard_json(manifests)["panels"] for t in p.get("targets", [])]
    assert targets and all(t["interval"] == HarborMetrics().scrape_interval for t in targets)


def test_every_alert_names_known_metrics(manifests: Manifests) -> None:
    for alert, expr in alert_expressions(manifests).items():
        assert not unknown_metrics(expr), f"{alert}: {sorted(unknown_metrics(expr))}"


def test_the_panels_show_every_signal_the_alerts_watch(manifests: Manifests) -> None:
    shown = set().union(*(metric_names(expr) for _, expr in panel_queries(dashboard_json(manifests))))
    for alert, expr in alert_expressions(manifests).items():
        missing = {SERIES[name].name for name in metric_names(expr)} - {SERIES[name].name for name in shown}
        assert not missing, f"{alert} watches {sorted(missing)}, which no panel shows"


def test_every_catalogued_metric_is_used(manifests: Manifests) -> None:
    used = {SERIES[name].name for _, expr in panel_queries(dashboard_json(manifests)) for name in metric_names(expr)}
    used |= {SERIES[name].name for expr in alert_expressions(manifests).values() for name in metric_names(expr)}
    assert set(METRICS) - used == set(), "catalogue entries nothing reads"


@pytest.mark.parametrize("expr, problem", [
    ('sum(rate(harbor_core_http_requests_total{namespace="harbor"}[5m]))', {"harbor_core_http_requests_total"}),
    ('harbor_task_queue_size{namespace="harbor"} + harbor_jobs_waiting', {"harbor_jobs_waiting"}),
    ('{__name__="harbor_quota_bytes"}', {"harbor_quota_bytes"}),
], ids=["plural-typo", "invented", "by-name-matcher"])
def test_the_check_catches_a_metric_nobody_exposes(expr: str, problem: set[str]) -> None:
    assert unknown_metrics(expr) == problem


def test_the_check_catches_a_query_that_does_not_parse() -> None:
    with pytest.raises(ValueError):
        metric_names('sum(rate(harbor_core_http_request_total{namespace="harbor"}[5m])')


# ---- what Grafana's sidecar loads -----------------------------------------------------------------

def test_the_config_map_is_for_grafanas_dashboard_sidecar(manifests: Manifests) -> None:
    config_map: Manifest = manifests.get("ConfigMap", "harbor-dashboard", NS)
    assert config_map.labels["grafana_dashboard"] == "1"
    (key,) = config_map.obj["data"]
    assert key.endswith(".json")
    board = dashboard_json(manifests)
    assert len(board["uid"]) <= 40 and board["title"].startswith("Harbor")
    ids = [panel["id"] for panel in board["panels"]]
    assert len(ids) == len(set(ids)) and 0 not in ids
    variables = {v["name"]: v for v in board["templating"]["list"]}
    assert variables["datasource"]["type"] == "datasource" and variables["datasource"]["query"] == "prometheus"
    for panel in board["panels"]:
        if panel["type"] != "row":
            assert panel["datasource"] == {"type": "prometheus", "uid": "${datasource}"}, panel["title"]
            assert [t["refId"] for t in panel["targets"]] == [chr(ord("A") + i) for i in range(len(panel["targets"]))]


def test_the_dashboard_can_be_left_out() -> None:
    out = synth(harbor_site(metrics=HarborMetrics(dashboard=False)).chart)
    assert out.find("ConfigMap", "harbor-dashboard") is None
    assert out.find("PrometheusRule", "harbor") is not None


# ---- the catalogue against the upstream sources -----------------------------------------------------

# How each file's code builds the exposed name from the string it holds (metric_catalog's docstring)
NAME_RULES = {
    "src/pkg/exporter/": ("harbor_", ""),
    "src/lib/metric/collector.go": ("harbor_core_", ""),
    "src/lib/metric/jobservice.go": ("harbor_jobservice_", ""),
    "vendor/github.com/docker/go-metrics/namespace.go": ("registry_http_", ""),
    "registry/storage/driver/base/base.go": ("registry_storage_", "_seconds"),
    "registry/storage/cache/cachedblobdescriptorstore.go": ("registry_storage_", "_total"),
    "vendor/github.com/prometheus/client_golang/": ("", ""),
}


def name_rule(path: str) -> tuple[str, str]:
    (rule,) = [rule for prefix, rule in NAME_RULES.items() if path.startswith(prefix)]
    return rule


@pytest.mark.parametrize("metric", [m for m in METRICS.values() if m.source.repo in CHECKOUTS],
                         ids=[m.name for m in METRICS.values() if m.source.repo in CHECKOUTS])
def test_each_catalogued_metric_is_in_its_upstream_file(metric: metric_catalog.Metric) -> None:
    prefix, suffix = name_rule(metric.source.path)
    assert metric.name == f"{prefix}{metric.written}{suffix}"
    file = CHECKOUTS[metric.source.repo] / metric.source.path
    if not file.is_file():
        pytest.skip(f"{metric.source.repo} is not checked out at {CHECKOUTS[metric.source.repo]}")
    assert f'"{metric.written}"' in file.read_text(), f"{file} holds no {metric.written!r}"


def test_the_registrys_names_are_built_as_the_catalogue_says() -> None:
    root = CHECKOUTS[DISTRIBUTION]
    if not (root / "metrics" / "prometheus.go").is_file():
        pytest.skip(f"{DISTRIBUTION} is not checked out at {root}")
    assert 'NamespacePrefix = "registry"' in (root / "metrics" / "prometheus.go").read_text()
    assert 'metrics.NewNamespace(prometheus.NamespacePrefix, "http", nil)' in (
        root / "registry" / "handlers" / "app.go").read_text()
    assert 'NewNamespace(NamespacePrefix, "storage", nil)' in (root / "metrics" / "prometheus.go").read_text()


def test_harbors_exporter_prefix_is_harbor() -> None:
    collector = CHECKOUTS[HARBOR] / "src" / "pkg" / "exporter" / "collector.go"
    if not collector.is_file():
        pytest.skip(f"{HARBOR} is not checked out at {CHECKOUTS[HARBOR]}")
    assert re.search(r'namespace\s*=\s*"harbor"', collector.read_text())


def test_every_entry_cites_a_file() -> None:
    for metric in METRICS.values():
        assert metric.source.repo and metric.source.path and metric.written, metric


# ---- panels evaluated by Prometheus' promtool on synthetic series --------------------------------------

def panel_values(manifests: Manifests, title: str, input_series: list[dict[str, str]], at: str,
                 expected: list[dict[str, Any]], tmp_path: Path) -> subprocess.CompletedProcess[str]:
    """promtool's verdict on one panel's query at `at` against `expected` samples ({labels, value})."""
    (expr,) = [e for t, e in panel_queries(dashboard_json(manifests)) if t == title]
    test = {"rule_files": [], "evaluation_interval": "1m", "tests": [{
        "interval": "1m", "input_series": input_series,
        "promql_expr_test": [{"expr": expr, "eval_time": at, "exp_samples": expected}]}]}
    path = tmp_path / "panel_test.yaml"
    path.write_text(json.dumps(test))
    return subprocess.run([promtool(), "test", "rules", str(path)], capture_output=True, text=True, timeout=60)


def test_the_scan_runs_panel_counts_a_first_failure(manifests: Manifests, tmp_path: Path) -> None:
    # jobservice creates a type's `fail` series at its first failure, already at 1
    # (src/jobservice/runner/redis.go): the panel shows it, as HarborScanJobsFailing counts it
    done = panel_values(manifests, "Scan runs",
                        [tasks("IMAGE_SCAN", "success", "5x100"), tasks("IMAGE_SCAN", "fail", "_x60 1x40")], "90m",
                        [{"labels": '{status="fail"}', "value": 1}, {"labels": '{status="success"}', "value": 0}],
                        tmp_path)
    assert done.returncode == 0, done.stdout + done.stderr


def test_the_pull_errors_panel_shows_zero_before_any_error(manifests: Manifests, tmp_path: Path) -> None:
    # core creates a code's series at its first request: with no failed pull yet there is no error series
    done = panel_values(manifests, "Pull errors", [pulls("200", "0+10x30")], "20m",
                        [{"labels": "{}", "value": 0}], tmp_path)
    assert done.returncode == 0, done.stdout + done.stderr


def test_a_panel_evaluation_can_fail(manifests: Manifests, tmp_path: Path) -> None:
    done = panel_values(manifests, "Pull errors", [pulls("200", "0+10x30")], "20m",
                        [{"labels": "{}", "value": 50}], tmp_path)
    assert done.returncode != 0
