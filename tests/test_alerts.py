"""Harbor's alert rules, checked and unit-tested by Prometheus' own promtool on synthetic series.

The rules under test are the homelab's PrometheusRule as synthesized (its `spec` is a Prometheus rule
file), so what is tested is what Argo CD applies. `promtool check rules` parses and checks every
rule; `promtool test rules` evaluates each alert on series written here, at a chosen time, and
compares the alerts that fire, labels and annotations both, with the expected ones. Every alert has
cases where it fires and cases where it must stay silent (things are well, a blip shorter than its
`for`, another app's series, what its filters leave out).

promtool comes with Debian's `prometheus` package, which scripts/check installs; without it the tests
skip, and fail in CI.
"""

from __future__ import annotations

import dataclasses
import re
import shutil
import subprocess
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
import yaml
from conftest import Manifests, synth
from fast_yaml import load_yaml
from realsoftware import unavailable
from support import SECRETS_PATH, harbor_site

from constructs.harbor import CloudNativePgDatabase, HarborMetrics, HarborStorage, S3Storage, Storage, TrivySettings
from constructs.harbor.kit import BaoKey, SecretKeyRef, SyncedSecret

NS = "harbor"
EXPORTER = {"namespace": NS, "job": "harbor-exporter", "pod": "harbor-exporter-7d9f-x2x", "instance": "10.42.0.7:8001"}
JOBSERVICE = {"namespace": NS, "job": "harbor-jobservice", "pod": "harbor-jobservice-5c4-abc",
              "instance": "10.42.0.8:8001"}
CORE = {"namespace": NS, "job": "harbor-core", "pod": "harbor-core-6b8-def", "instance": "10.42.0.9:8001"}
KUBELET = {"job": "kubelet", "node": "node-1", "namespace": NS}


def promtool() -> str:
    found = shutil.which("promtool")
    if found is None:
        unavailable("promtool not found (Debian's prometheus package; scripts/check installs it)")
    return found


def series(metric: str, labels: Mapping[str, str], values: str) -> dict[str, str]:
    inner = ", ".join(f'{key}="{value}"' for key, value in labels.items())
    return {"series": f"{metric}{{{inner}}}", "values": values}


@dataclass(frozen=True)
class Case:
    """One evaluation: the input series, when, and the alert's expected instances (none: silent)."""

    id: str
    alert: str
    input: tuple[dict[str, str], ...]
    at: str
    fires: tuple[Mapping[str, str], ...] = ()      # the labels each firing instance carries besides severity
    value: float | None = None                     # the value the annotations print, when they do
    severity: str = "warning"
    extra: Mapping[str, Any] = field(default_factory=dict)


def targets(*jobs: str, value: str = "1x30") -> tuple[dict[str, str], ...]:
    return tuple(series("up", {"namespace": NS, "job": job, "instance": f"10.42.1.{i}:8001"}, value)
                 for i, job in enumerate(jobs))


ALL_JOBS = ("harbor-core", "harbor-registry", "harbor-jobservice", "harbor-exporter")


def claims(used: float, capacity: float = 100, claim: str = "harbor-registry", nodes: tuple[str, ...] = ("node-1",),
           namespace: str = NS) -> tuple[dict[str, str], ...]:
    found = []
    for node in nodes:
        labels = {**KUBELET, "node": node, "namespace": namespace, "persistentvolumeclaim": claim}
        found += [series("kubelet_volume_stats_used_bytes", labels, f"{used}x30"),
                  series("kubelet_volume_stats_capacity_bytes", labels, f"{capacity}x30")]
    return tuple(found)


BACKUP = {"namespace": NS, "cronjob": "harbor-database-backup", "job": "kube-state-metrics",
          "instance": "10.42.0.3:8080"}
DAY = 86400


def backup_runs(scheduled: str, succeeded: str | None) -> tuple[dict[str, str], ...]:
    """kube-state-metrics' times of the backup CronJob's last scheduled and last successful run (Unix
    seconds); None: it never succeeded, and the series does not exist."""
    found = [series("kube_cronjob_status_last_schedule_time", BACKUP, scheduled)]
    if succeeded is not None:
        found.append(series("kube_cronjob_status_last_successful_time", BACKUP, succeeded))
    return tuple(found)


def tasks(type_: str, status: str, values: str) -> dict[str, str]:
    return series("harbor_jobservice_task_total", {**JOBSERVICE, "type": type_, "status": status}, values)


def pulls(code: str, values: str, operation: str = "v2_manifest", method: str = "GET") -> dict[str, str]:
    return series("harbor_core_http_request_total", {**CORE, "operation": operation, "method": method, "code": code},
                  values)


CASES = [
    # ---- a component unhealthy, core or the exporter gone, a target down or missing ----------------
    Case("unhealthy-component", "HarborComponentUnhealthy", (
        series("harbor_up", {**EXPORTER, "component": "registry"}, "0x10"),
        series("harbor_up", {**EXPORTER, "component": "core"}, "1x10")), at="6m",
        fires=({"namespace": NS, "component": "registry"},), severity="critical"),
    Case("all-healthy", "HarborComponentUnhealthy", (
        series("harbor_up", {**EXPORTER, "component": "registry"}, "1x10"),
        series("harbor_up", {**EXPORTER, "component": "core"}, "1x10")), at="10m"),
    Case("unhealthy-shorter-than-5m", "HarborComponentUnhealthy", (
        series("harbor_up", {**EXPORTER, "component": "trivy"}, "1x6 0x3"),), at="9m"),
    Case("unhealthy-in-another-namespace", "HarborComponentUnhealthy", (
        series("harbor_up", {**EXPORTER, "namespace": "other", "component": "core"}, "0x10"),), at="10m"),
    Case("no-health-report", "HarborHealthUnknown", targets("harbor-exporter", value="1x10"), at="6m",
         fires=({"namespace": NS, "job": "harbor-exporter"},), severity="critical"),
    Case("health-reported", "HarborHealthUnknown", (
        series("harbor_up", {**EXPORTER, "component": "core"}, "1x10"),), at="10m"),
    Case("target-down", "HarborMetricsTargetDown", (
        *targets("harbor-core", "harbor-jobservice", "harbor-exporter"),
        series("up", {"namespace": NS, "job": "harbor-registry", "instance": "10.42.2.1:8001"}, "0x10")), at="6m",
         fires=({"namespace": NS, "job": "harbor-registry"},)),
    Case("targets-up", "HarborMetricsTargetDown", targets(*ALL_JOBS), at="10m"),
    Case("other-job-down", "HarborMetricsTargetDown", (
        *targets(*ALL_JOBS), series("up", {"namespace": NS, "job": "kubelet", "instance": "n1"}, "0x30")), at="10m"),
    Case("target-missing", "HarborMetricsTargetMissing", targets("harbor-core", "harbor-registry", "harbor-exporter"),
         at="16m", fires=({"namespace": NS, "job": "harbor-jobservice"},)),
    Case("targets-present", "HarborMetricsTargetMissing", targets(*ALL_JOBS), at="20m"),
    # ---- claims and quotas ---------------------------------------------------------------------------
    Case("claim-85-percent", "HarborVolumeFillingUp", claims(85), at="16m",
         fires=({"namespace": NS, "persistentvolumeclaim": "harbor-registry"},), value=85),
    Case("rwx-claim-on-two-nodes-alerts-once", "HarborVolumeFillingUp",
         claims(85, claim="harbor-jobservice", nodes=("node-1", "node-2")), at="16m",
         fires=({"namespace": NS, "persistentvolumeclaim": "harbor-jobservice"},), value=85),
    Case("claim-half-full", "HarborVolumeFillingUp", claims(50), at="20m"),
    Case("claim-85-percent-for-10m", "HarborVolumeFillingUp", claims(85), at="10m"),
    Case("another-apps-claim-full", "HarborVolumeFillingUp", claims(95, claim="data-postgres-0"), at="20m"),
    Case("claim-of-same-name-elsewhere", "HarborVolumeFillingUp", claims(95, namespace="other"), at="20m"),
    Case("database-claim-95-percent", "HarborVolumeAlmostFull", claims(95, claim="database-data-harbor-database-0"),
         at="6m", fires=({"namespace": NS, "persistentvolumeclaim": "database-data-harbor-database-0"},), value=95,
         severity="critical"),
    Case("trivy-claim-95-percent", "HarborVolumeAlmostFull", claims(95, claim="data-harbor-trivy-0"),
         at="6m", fires=({"namespace": NS, "persistentvolumeclaim": "data-harbor-trivy-0"},), value=95,
         severity="critical"),
    Case("redis-claim-85-percent", "HarborVolumeAlmostFull", claims(85, claim="data-harbor-redis-0"), at="20m"),
    Case("quota-95-percent", "HarborProjectQuotaNearLimit", (
        series("harbor_project_quota_usage_byte", {**EXPORTER, "project_name": "library"}, "95x30"),
        series("harbor_project_quota_byte", {**EXPORTER, "project_name": "library"}, "100x30")), at="16m",
         fires=({"namespace": NS, "project_name": "library"},), value=95),
    Case("quota-unlimited", "HarborProjectQuotaNearLimit", (
        series("harbor_project_quota_usage_byte", {**EXPORTER, "project_name": "dockerhub"}, "5e12x30"),
        series("harbor_project_quota_byte", {**EXPORTER, "project_name": "dockerhub"}, "-1x30")), at="20m"),
    Case("quota-half-used", "HarborProjectQuotaNearLimit", (
        series("harbor_project_quota_usage_byte", {**EXPORTER, "project_name": "library"}, "50x30"),
        series("harbor_project_quota_byte", {**EXPORTER, "project_name": "library"}, "100x30")), at="20m"),
    # ---- jobservice --------------------------------------------------------------------------------
    Case("queue-waits-15-minutes", "HarborJobQueueBacklog", (
        series("harbor_task_queue_latency", {**EXPORTER, "type": "REPLICATION"}, "900x30"),
        series("harbor_task_queue_latency", {**EXPORTER, "type": "GARBAGE_COLLECTION"}, "0x30")), at="16m",
         fires=({"namespace": NS, "type": "REPLICATION"},)),
    Case("queue-drains", "HarborJobQueueBacklog", (
        series("harbor_task_queue_latency", {**EXPORTER, "type": "REPLICATION"}, "30x30"),), at="20m"),
    Case("first-scan-failure-since-start", "HarborScanJobsFailing", (
        tasks("IMAGE_SCAN", "success", "5x60"), tasks("IMAGE_SCAN", "fail", "_x30 1x30")), at="45m",
         fires=({"namespace": NS, "type": "IMAGE_SCAN"},), value=1),
    Case("scan-failure-this-hour", "HarborScanJobsFailing", (
        tasks("IMAGE_SCAN", "success", "5x130"), tasks("IMAGE_SCAN", "fail", "1x70 2x60")), at="120m",
         fires=({"namespace": NS, "type": "IMAGE_SCAN"},), value=1),
    Case("scan-failures-long-ago", "HarborScanJobsFailing", (
        tasks("IMAGE_SCAN", "success", "5+1x130"), tasks("IMAGE_SCAN", "fail", "3x130")), at="120m"),
    Case("scans-succeed", "HarborScanJobsFailing", (tasks("IMAGE_SCAN", "success", "0+1x130"),), at="120m"),
    # a failed scrape marks every series stale at 60m; nothing ran since: an hour later, nothing counts
    Case("scans-a-missed-scrape-an-hour-ago", "HarborScanJobsFailing", (
        tasks("IMAGE_SCAN", "success", "500x59 stale 500x70"), tasks("IMAGE_SCAN", "fail", "5x59 stale 5x70")),
         at="120m"),
    Case("replication-fails-20-percent", "HarborJobsFailing", (
        tasks("REPLICATION", "success", "0x70 8x60"), tasks("REPLICATION", "fail", "0x70 2x60")), at="120m",
         fires=({"namespace": NS, "type": "REPLICATION"},), value=20),
    Case("replication-fails-1-percent", "HarborJobsFailing", (
        tasks("REPLICATION", "success", "0x70 99x60"), tasks("REPLICATION", "fail", "0x70 1x60")), at="120m"),
    Case("jobs-a-missed-scrape-an-hour-ago", "HarborJobsFailing", (
        tasks("REPLICATION", "success", "100x59 stale 100x70"), tasks("REPLICATION", "fail", "30x59 stale 30x70")),
         at="120m"),
    Case("scans-are-not-this-alerts", "HarborJobsFailing", (
        tasks("IMAGE_SCAN", "success", "0x130"), tasks("IMAGE_SCAN", "fail", "0x70 5x60")), at="120m"),
    Case("every-scan-fails-for-6h", "HarborTrivyDatabaseUpdateFailing", (
        tasks("IMAGE_SCAN", "success", "10x480"), tasks("IMAGE_SCAN", "fail", "0+1x480")), at="480m",
         fires=({"namespace": NS, "type": "IMAGE_SCAN"},)),
    Case("some-scans-succeed", "HarborTrivyDatabaseUpdateFailing", (
        tasks("IMAGE_SCAN", "success", "10x400 11x80"), tasks("IMAGE_SCAN", "fail", "0+1x480")), at="480m"),
    Case("no-scans-at-all", "HarborTrivyDatabaseUpdateFailing", (tasks("IMAGE_SCAN", "success", "10x480"),),
         at="480m"),
    # ---- pulls through core: the proxy caches' upstreams --------------------------------------------
    Case("pulls-fail-10-percent", "HarborPullErrors", (
        pulls("200", "0+90x30"), pulls("502", "0+10x30", operation="v2_blob")), at="25m",
         fires=({"namespace": NS},), value=10),
    Case("upstream-rate-limit", "HarborPullErrors", (pulls("200", "0+80x30"), pulls("429", "0+20x30")), at="25m",
         fires=({"namespace": NS},), value=20),
    Case("pulls-fail-for-5m-only", "HarborPullErrors", (
        pulls("200", "0+90x30"), pulls("502", "0x15 0+10x15")), at="25m"),
    Case("not-found-is-no-error", "HarborPullErrors", (pulls("200", "0+50x30"), pulls("404", "0+50x30")), at="25m"),
    Case("push-errors-are-not-pulls", "HarborPullErrors", (
        pulls("200", "0+90x30"), pulls("500", "0+90x30", method="PUT"),
        pulls("500", "0+90x30", operation="ListProjects")), at="25m"),
    # ---- the database backup: a run that has not succeeded since it was scheduled ---------------------
    Case("backup-failed", "HarborDatabaseBackupFailing", backup_runs(f"{10 * DAY}x100", f"{9 * DAY + 60}x100"),
         at="80m", fires=({"namespace": NS, "cronjob": "harbor-database-backup"},)),
    Case("backup-still-running", "HarborDatabaseBackupFailing",
         backup_runs(f"{10 * DAY}x100", f"{9 * DAY + 60}x100"), at="70m"),
    Case("backup-succeeded", "HarborDatabaseBackupFailing",
         backup_runs(f"{10 * DAY}x100", f"{9 * DAY + 60}x20 {10 * DAY + 600}x80"), at="95m"),
    Case("backup-never-succeeded", "HarborDatabaseBackupFailing", backup_runs(f"{10 * DAY}x100", None), at="80m",
         fires=({"namespace": NS, "cronjob": "harbor-database-backup"},)),
]


def expand(template: str, labels: Mapping[str, str], value: float | None) -> str:
    """The subset of Go templates the rules use: `{{ $labels.x }}` and `{{ $value | printf "%.0f" }}`."""
    text = re.sub(r"\{\{ \$labels\.(\w+) \}\}", lambda m: labels[m.group(1)], template)
    if "$value" in text:
        assert value is not None, f"the case must give the value the annotation prints: {template}"
        text = text.replace('{{ $value | printf "%.0f" }}', f"{value:.0f}")
    assert "{{" not in text, f"a template construct the test does not expand: {text}"
    return text


# session-scoped, like `manifests`: built once per worker however pytest-xdist orders the tests
@pytest.fixture(scope="session")
def rule_file(manifests: Manifests, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The homelab's PrometheusRule spec as a Prometheus rule file."""
    rule = manifests.get("PrometheusRule", "harbor", NS)
    path = tmp_path_factory.mktemp("rules") / "harbor.rules.yaml"
    path.write_text(yaml.safe_dump(rule.obj["spec"], sort_keys=False))
    return path


def rules_of(path: Path) -> dict[str, dict[str, Any]]:
    return {rule["alert"]: rule for group in load_yaml(path.read_text())["groups"] for rule in group["rules"]}


def alone(rule_path: Path, alert: str, folder: Path) -> Path:
    """A rule file holding `alert` only, as written in `rule_path`, in its group.

    promtool evaluates every rule of its rule files at every step up to the case's time; a case reads
    one alert, and no rule reads another's result (the file has no recording rule, which
    test_no_rule_reads_another_s_result checks), so the others would only cost time.
    """
    path = folder / f"{alert}.rules.yaml"
    if path.exists():   # written for an earlier case of the same alert
        return path
    for group in load_yaml(rule_path.read_text())["groups"]:
        for rule in group["rules"]:
            if rule.get("alert") == alert:
                path.write_text(yaml.safe_dump({"groups": [{**group, "rules": [rule]}]}, sort_keys=False))
                return path
    raise AssertionError(f"no alert {alert} in {rule_path}")


def promtool_test_file(rule_path: Path, case: Case, folder: Path) -> Path:
    """The promtool unit-test file of one case, evaluating its alert alone."""
    rule = rules_of(rule_path)[case.alert]
    expected = []
    for labels in case.fires:
        expected.append({
            "exp_labels": {**labels, "severity": case.severity},
            "exp_annotations": {key: expand(text, labels, case.value) for key, text in rule["annotations"].items()}})
    test = {"rule_files": [str(alone(rule_path, case.alert, folder))], "evaluation_interval": "1m", "tests": [{
        "interval": "1m", "input_series": list(case.input),
        "alert_rule_test": [{"eval_time": case.at, "alertname": case.alert, "exp_alerts": expected}]}]}
    test_file = folder / f"{case.id}.test.yaml"
    test_file.write_text(yaml.safe_dump(test, sort_keys=False))
    return test_file


def run_promtool_test(rule_path: Path, case: Case, folder: Path) -> subprocess.CompletedProcess[str]:
    test_file = promtool_test_file(rule_path, case, folder)
    return subprocess.run([promtool(), "test", "rules", str(test_file)], capture_output=True, text=True, timeout=60)


@pytest.fixture(scope="session")
def passed_cases(rule_file: Path, tmp_path_factory: pytest.TempPathFactory) -> set[str]:
    """The ids of the CASES promtool passes, all evaluated in one run (one promtool start, not fifty).

    promtool prints "Unit Testing:  <file>" and then "SUCCESS" under each file that passed.
    """
    folder = tmp_path_factory.mktemp("alert-cases")
    files = {promtool_test_file(rule_file, case, folder): case.id for case in CASES}
    done = subprocess.run([promtool(), "test", "rules", *map(str, files)], capture_output=True, text=True,
                          timeout=300)
    passed, current = set(), None
    for line in done.stdout.splitlines():
        if line.startswith("Unit Testing:"):
            current = files.get(Path(line.split(":", 1)[1].strip()))
        elif line.strip() == "SUCCESS" and current is not None:
            passed.add(current)
    return passed


def test_promtool_checks_every_rule(rule_file: Path) -> None:
    result = subprocess.run([promtool(), "check", "rules", str(rule_file)], capture_output=True, text=True,
                            timeout=60)
    assert result.returncode == 0, result.stdout + result.stderr
    assert f"SUCCESS: {len(rules_of(rule_file))} rules found" in result.stdout


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_alert(case: Case, rule_file: Path, passed_cases: set[str], tmp_path: Path) -> None:
    if case.id in passed_cases:
        return
    result = run_promtool_test(rule_file, case, tmp_path)   # alone, for promtool's own account of the failure
    assert result.returncode == 0, f"{case.alert} at {case.at}:\n{result.stdout}{result.stderr}"
    pytest.fail(f"{case.id}: promtool passed it alone but not among the others: {sorted(passed_cases)}")


def test_no_rule_reads_another_s_result(rule_file: Path) -> None:
    # what lets each case evaluate its alert alone (`alone`)
    rules = [rule for group in load_yaml(rule_file.read_text())["groups"] for rule in group["rules"]]
    assert all("alert" in rule and "record" not in rule for rule in rules), rules
    assert not [r["alert"] for r in rules if any(o["alert"] in r["expr"] for o in rules if o is not r)]


def test_every_alert_has_cases_that_fire_and_cases_that_do_not(rule_file: Path) -> None:
    alerts = set(rules_of(rule_file))
    firing = {c.alert for c in CASES if c.fires}
    silent = {c.alert for c in CASES if not c.fires}
    assert alerts == firing == silent, (sorted(alerts - firing), sorted(alerts - silent), sorted(firing - alerts))
    assert len({c.id for c in CASES}) == len(CASES)


def test_the_batch_reads_a_failure(rule_file: Path, tmp_path_factory: pytest.TempPathFactory) -> None:
    # the one-run fixture must tell a failed case from a passed one: a case that expects silence where
    # the alert fires is not among the passed ones
    loud = next(c for c in CASES if c.fires)
    wrong = dataclasses.replace(loud, id=f"{loud.id}-expecting-silence", fires=())
    folder = tmp_path_factory.mktemp("batch-probe")
    files = [promtool_test_file(rule_file, case, folder) for case in (loud, wrong)]
    done = subprocess.run([promtool(), "test", "rules", *map(str, files)], capture_output=True, text=True,
                          timeout=60)
    sections = done.stdout.split("Unit Testing:")
    assert done.returncode == 1 and "SUCCESS" in sections[1] and "SUCCESS" not in sections[2], done.stdout


def test_a_wrong_expectation_fails(rule_file: Path, tmp_path: Path) -> None:
    # the harness can fail: a case that expects silence where the alert fires makes promtool exit 1
    (case,) = [c for c in CASES if c.id == "unhealthy-component"]
    silent = Case("wrong", case.alert, case.input, case.at)
    result = run_promtool_test(rule_file, silent, tmp_path)
    assert result.returncode != 0 and "HarborComponentUnhealthy" in result.stdout + result.stderr


# ---- the rules of other Harbors ----------------------------------------------------------------------

def site_rules(tmp_path: Path, **props: Any) -> Path:
    out = synth(harbor_site(metrics=HarborMetrics(), **props).chart)
    path = tmp_path / "rules.yaml"
    path.write_text(yaml.safe_dump(out.get("PrometheusRule", "harbor").obj["spec"], sort_keys=False))
    return path


def test_a_cloudnative_pg_clusters_claims_are_watched(tmp_path: Path) -> None:
    path = site_rules(tmp_path, database=CloudNativePgDatabase(instances=2), database_password=False)
    check = subprocess.run([promtool(), "check", "rules", str(path)], capture_output=True, text=True, timeout=60)
    assert check.returncode == 0, check.stdout + check.stderr
    # the operator names each instance's claim <cluster>-<serial>; serials grow as instances are replaced
    fires = Case("cnpg", "HarborVolumeAlmostFull", claims(95, claim="harbor-database-3"), at="6m",
                 fires=({"namespace": NS, "persistentvolumeclaim": "harbor-database-3"},), value=95,
                 severity="critical")
    quiet = Case("cnpg-bundled-name", "HarborVolumeAlmostFull", claims(95, claim="database-data-harbor-database-0"),
                 at="6m")
    for case in (fires, quiet):
        result = run_promtool_test(path, case, tmp_path)
        assert result.returncode == 0, f"{case.id}:\n{result.stdout}{result.stderr}"


def test_thresholds_come_from_the_settings(tmp_path: Path) -> None:
    metrics = HarborMetrics(volume_warning_percent=60, volume_critical_percent=70, quota_percent=50,
                            job_failure_percent=0, pull_error_percent=1, job_queue_latency="1h")
    out = synth(harbor_site(metrics=metrics).chart)
    rules = {r["alert"]: r["expr"] for g in out.get("PrometheusRule", "harbor").obj["spec"]["groups"]
             for r in g["rules"]}
    assert rules["HarborVolumeFillingUp"].endswith("* 100 > 60")
    assert rules["HarborVolumeAlmostFull"].endswith("* 100 > 70")
    assert rules["HarborProjectQuotaNearLimit"].endswith("* 100 > 50")
    assert rules["HarborJobsFailing"].endswith("* 100 > 0")
    assert rules["HarborPullErrors"].endswith("* 100 > 1")
    assert rules["HarborJobQueueBacklog"].endswith("> 3600")


@pytest.mark.parametrize("trivy", [None, TrivySettings(skip_update=True)], ids=["no-trivy", "updates-skipped"])
def test_no_trivy_database_alert_where_nothing_updates_it(trivy: TrivySettings | None) -> None:
    out = synth(harbor_site(metrics=HarborMetrics(), trivy=trivy).chart)
    alerts = {r["alert"] for g in out.get("PrometheusRule", "harbor").obj["spec"]["groups"] for r in g["rules"]}
    assert "HarborTrivyDatabaseUpdateFailing" not in alerts and "HarborScanJobsFailing" in alerts


def test_the_claims_of_s3_and_existing_claims() -> None:
    # images in S3: no registry claim; an existing claim is watched by its own name, its '.' escaped
    s3 = S3Storage(bucket="images", region="eu", access_key=SecretKeyRef(secret="harbor-s3", key="access-key"),
                   secret_key=SecretKeyRef(secret="harbor-s3", key="secret-key"))
    synced = SyncedSecret("harbor-s3", keys={key: BaoKey(path=SECRETS_PATH, key=key) for key in ("access-key",
                                                                                                "secret-key")})
    out = synth(harbor_site(metrics=HarborMetrics(), image_storage=s3, extra_secrets=(synced,),
                            storage=HarborStorage(redis=Storage(existing_claim="redis.data"))).chart)
    (rule,) = [r for g in out.get("PrometheusRule", "harbor").obj["spec"]["groups"] for r in g["rules"]
               if r["alert"] == "HarborVolumeAlmostFull"]
    (pattern,) = set(re.findall(r'persistentvolumeclaim=~"([^"]+)"', rule["expr"]))
    assert pattern.split("|") == ["harbor-jobservice", "database-data-harbor-database-0", "redis\\\\.data",
                                  "data-harbor-trivy-0"]
