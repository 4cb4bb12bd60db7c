"""Bad input fails at the point of entry with a ValueError naming the field and quoting the value.

Also: a synthesis whose app fails to build leaves the previous output folder exactly as it was.
"""

from __future__ import annotations

import re
from pathlib import Path

import cdk8s
import jsii
import pytest
from conftest import folder_bytes
from support import APP_NAMESPACE, GATEWAY, SERVER, refusal

import constructs
from constructs.harbor.kit import (
    AppChart,
    BaoKey,
    GatewayRef,
    GatewayRoute,
    OpenBaoSecretSync,
    OpenBaoServer,
    PathMatch,
    RouteRule,
    SecretKeyRef,
    ServicePort,
    SyncedSecret,
    synthesize,
)

KEY = BaoKey(path="secret/data/app", key="password")
SECRET = SyncedSecret("app", keys={"PASSWORD": KEY})
WEB = ServicePort(service="web", port=80)
RULE = RouteRule(backend=WEB)


def chart(app: cdk8s.App) -> AppChart:
    return AppChart(app, "c", namespace=APP_NAMESPACE)


def route(app: cdk8s.App, *, hostnames=("web.example.com",), rules=(RULE,), name="web", gateway=GATEWAY):
    return GatewayRoute(chart(app), "route", name=name, gateway=gateway, hostnames=list(hostnames), rules=rules)


def sync(app: cdk8s.App, *, secrets=(SECRET,), role="app", name="app-secrets", scope=None):
    return OpenBaoSecretSync(scope or chart(app), "sync", name=name, server=SERVER, role=role, secrets=secrets)


CASES = [
    # GatewayRoute host names
    pytest.param(lambda app: route(app, hostnames=["https://web.example.com"]), "GatewayRoute.hostnames",
                 "https://web.example.com", id="hostname-with-scheme"),
    pytest.param(lambda app: route(app, hostnames=["web.example.com:443"]), "GatewayRoute.hostnames",
                 "web.example.com:443", id="hostname-with-port"),
    pytest.param(lambda app: route(app, hostnames=["Web.Example.com"]), "GatewayRoute.hostnames",
                 "Web.Example.com", id="hostname-upper-case"),
    pytest.param(lambda app: route(app, hostnames=["web.*.example.com"]), "GatewayRoute.hostnames",
                 "web.*.example.com", id="hostname-wildcard-not-leftmost"),
    pytest.param(lambda app: route(app, hostnames=["web.example.com/ui"]), "GatewayRoute.hostnames",
                 "web.example.com/ui", id="hostname-with-path"),
    pytest.param(lambda app: route(app, hostnames=["web_app.example.com"]), "GatewayRoute.hostnames",
                 "web_app.example.com", id="hostname-underscore"),
    pytest.param(lambda app: route(app, hostnames=["a.example.com", "a.example.com"]), "GatewayRoute.hostnames",
                 ["a.example.com", "a.example.com"], id="hostnames-duplicate"),
    pytest.param(lambda app: route(app, name="Web"), "GatewayRoute.name", "Web", id="route-name-upper-case"),
    pytest.param(lambda app: route(app, rules=()), "GatewayRoute.rules", (), id="route-without-rules"),
    # RouteRule
    pytest.param(lambda app: RouteRule(backend=WEB, paths=("api/",)), "RouteRule.paths", "api/",
                 id="path-without-slash"),
    pytest.param(lambda app: RouteRule(backend=WEB, paths=("/a?b=1",)), "RouteRule.paths", "/a?b=1",
                 id="path-with-query"),
    pytest.param(lambda app: RouteRule(backend=WEB, paths=("/a", "/a")), "RouteRule.paths", ("/a", "/a"),
                 id="paths-duplicate"),
    pytest.param(lambda app: RouteRule(backend=WEB, request_timeout="15 minutes"), "RouteRule.request_timeout",
                 "15 minutes", id="duration-words"),
    pytest.param(lambda app: RouteRule(backend=WEB, backend_request_timeout="900"),
                 "RouteRule.backend_request_timeout", "900", id="duration-without-unit"),
    pytest.param(lambda app: RouteRule(backend="web:80"), "RouteRule.backend", "web:80", id="backend-as-string"),
    pytest.param(lambda app: RouteRule(backend=WEB, match="PathPrefix"), "RouteRule.match", "PathPrefix",
                 id="match-as-string"),
    # ServicePort
    pytest.param(lambda app: ServicePort(service="web", port=0), "ServicePort.port", 0, id="port-0"),
    pytest.param(lambda app: ServicePort(service="web", port=70000), "ServicePort.port", 70000, id="port-70000"),
    pytest.param(lambda app: ServicePort(service="web", port="80"), "ServicePort.port", "80", id="port-as-string"),
    pytest.param(lambda app: ServicePort(service="harbor.core", port=80), "ServicePort.service", "harbor.core",
                 id="service-with-dot"),
    # GatewayRef
    pytest.param(lambda app: GatewayRef(name="Public_GW", namespace="gateway"), "GatewayRef.name", "Public_GW",
                 id="gateway-name-invalid"),
    pytest.param(lambda app: GatewayRef(name="public", namespace=""), "GatewayRef.namespace", "",
                 id="gateway-namespace-empty"),
    pytest.param(lambda app: GatewayRef(name="public", namespace="gateway", section_name="HTTPS"),
                 "GatewayRef.section_name", "HTTPS", id="gateway-section-upper-case"),
    # OpenBaoServer
    pytest.param(lambda app: OpenBaoServer(address="openbao.openbao.svc:8200"), "OpenBaoServer.address",
                 "openbao.openbao.svc:8200", id="address-without-scheme"),
    pytest.param(lambda app: OpenBaoServer(address="ftp://openbao:8200"), "OpenBaoServer.address",
                 "ftp://openbao:8200", id="address-ftp"),
    pytest.param(lambda app: OpenBaoServer(address="http://OpenBao:8200"), "OpenBaoServer.address",
                 "http://OpenBao:8200", id="address-upper-case-host"),
    pytest.param(lambda app: OpenBaoServer(address="http://openbao:8200", auth_mount_path="/kubernetes"),
                 "OpenBaoServer.auth_mount_path", "/kubernetes", id="auth-mount-leading-slash"),
    pytest.param(lambda app: OpenBaoServer(address="http://openbao:8200", audience="  "), "OpenBaoServer.audience",
                 "  ", id="audience-blank"),
    pytest.param(lambda app: OpenBaoServer(address="http://openbao:99999"), "OpenBaoServer.address",
                 "http://openbao:99999", id="address-port-out-of-range"),
    pytest.param(lambda app: OpenBaoServer(address="http://openbao:8200", audience=5), "OpenBaoServer.audience",
                 5, id="audience-not-text"),
    pytest.param(lambda app: OpenBaoServer(address="http://openbao:8200", auth_mount_path=5),
                 "OpenBaoServer.auth_mount_path", 5, id="auth-mount-not-text"),
    # BaoKey
    pytest.param(lambda app: BaoKey(path="/secret/data/app", key="password"), "BaoKey.path", "/secret/data/app",
                 id="bao-path-leading-slash"),
    pytest.param(lambda app: BaoKey(path="secret/data/app/", key="password"), "BaoKey.path", "secret/data/app/",
                 id="bao-path-trailing-slash"),
    pytest.param(lambda app: BaoKey(path="secret/data/app", key=""), "BaoKey.key", "", id="bao-key-empty"),
    pytest.param(lambda app: BaoKey(path="secret/data/app", key="pass word"), "BaoKey.key", "pass word",
                 id="bao-key-space"),
    # SyncedSecret
    pytest.param(lambda app: SyncedSecret("Harbor-Admin", keys={"K": KEY}), "SyncedSecret.name", "Harbor-Admin",
                 id="synced-secret-upper-case"),
    pytest.param(lambda app: SyncedSecret("app", keys={}), "SyncedSecret('app').keys", {}, id="synced-secret-no-keys"),
    pytest.param(lambda app: SyncedSecret("app", keys={"bad key": KEY}), "SyncedSecret('app').keys", "bad key",
                 id="synced-secret-bad-key"),
    pytest.param(lambda app: SyncedSecret("app", keys={"K": "secret/data/app#password"}), "SyncedSecret('app').keys",
                 "secret/data/app#password", id="synced-secret-string-source"),
    pytest.param(lambda app: SyncedSecret("app", keys={"K": KEY}, type="Opaque"), "SyncedSecret('app').type",
                 "Opaque", id="synced-secret-type-string"),
    # OpenBaoSecretSync
    pytest.param(lambda app: sync(app, secrets=()), "OpenBaoSecretSync.secrets", (), id="sync-no-secrets"),
    pytest.param(lambda app: sync(app, secrets=(SECRET, SyncedSecret("app", keys={"OTHER": KEY}))),
                 "OpenBaoSecretSync.secrets", "app", id="sync-duplicate-secret-names"),
    pytest.param(lambda app: sync(app, role="Harbor_Role"), "OpenBaoSecretSync.role", "Harbor_Role",
                 id="sync-role-invalid"),
    pytest.param(lambda app: sync(app, name="App-Secrets"), "OpenBaoSecretSync.name", "App-Secrets",
                 id="sync-name-invalid"),
    pytest.param(lambda app: sync(app, scope=cdk8s.Chart(app, "plain")), "OpenBaoSecretSync namespace", None,
                 id="sync-chart-without-namespace"),
    # SecretKeyRef
    pytest.param(lambda app: SecretKeyRef(secret="App Admin", key="K"), "SecretKeyRef.secret", "App Admin",
                 id="secret-ref-name-space"),
    pytest.param(lambda app: SecretKeyRef(secret="app", key="bad key!"), "SecretKeyRef.key", "bad key!",
                 id="secret-ref-key-invalid"),
    pytest.param(lambda app: SecretKeyRef(secret="app", key="K").env_var("1PASSWORD"), "SecretKeyRef.env_var",
                 "1PASSWORD", id="env-var-name-digit"),
    # AppChart
    pytest.param(lambda app: AppChart(app, "c", namespace="Harbor"), "AppChart.namespace", "Harbor",
                 id="namespace-upper-case"),
    pytest.param(lambda app: AppChart(app, "c", namespace="a" * 64), "AppChart.namespace", "a" * 64,
                 id="namespace-too-long"),
    pytest.param(lambda app: AppChart(app, "c", namespace="apps.prod"), "AppChart.namespace", "apps.prod",
                 id="namespace-with-dot"),
]


def test_enough_distinct_cases() -> None:
    assert len({case.id for case in CASES}) == len(CASES) >= 20


@pytest.mark.parametrize("build, field, bad", CASES)
def test_bad_input_raises_value_error(app: cdk8s.App, build, field: str, bad: object) -> None:
    message = refusal(lambda: build(app), field)
    assert repr(bad) in message, f"the message does not quote the bad value {bad!r}: {message}"


def test_path_match_is_an_enum() -> None:
    # the one accepted way to say "prefix": the enum, never its string
    assert RouteRule(backend=WEB, match=PathMatch.PREFIX).match is PathMatch.PREFIX


# ---- atomic synthesis ------------------------------------------------------------------------------

@jsii.implements(constructs.IValidation)
class _Failing:
    """A construct validation that always fails, to prove synthesize() checks before it writes."""

    def validate(self) -> list[str]:
        return ["always fails"]


def test_failed_build_leaves_target_untouched(tmp_path: Path) -> None:
    target = tmp_path / "out" / "app"
    target.mkdir(parents=True)
    (target / "ConfigMap.old.k8s.yaml").write_text("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: old\n")
    (target / "keep.txt").write_bytes(b"\x00previous bytes\n")
    before = folder_bytes(target)

    def build(outdir: str) -> cdk8s.App:
        app = cdk8s.App(outdir=outdir, yaml_output_type=cdk8s.YamlOutputType.FILE_PER_RESOURCE)
        AppChart(app, "app", namespace="Bad_Namespace")  # raises while the app is built
        return app

    with pytest.raises(ValueError, match=re.escape("AppChart.namespace")):
        synthesize(build, target)
    assert folder_bytes(target) == before
    assert sorted(p.name for p in target.parent.iterdir()) == ["app"], "a scratch folder was left behind"


def test_failed_validation_leaves_target_untouched(tmp_path: Path) -> None:
    # a construct validation (run at synth, before anything is written) fails the same way
    target = tmp_path / "app"
    target.mkdir()
    (target / "keep.yaml").write_text("kept: true\n")
    before = folder_bytes(target)

    def build(outdir: str) -> cdk8s.App:
        app = cdk8s.App(outdir=outdir, yaml_output_type=cdk8s.YamlOutputType.FILE_PER_RESOURCE)
        chart = AppChart(app, "app", namespace=APP_NAMESPACE)
        chart.node.add_validation(_Failing())
        return app

    with pytest.raises(ValueError, match="always fails"):
        synthesize(build, target)
    assert folder_bytes(target) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["app"], "a scratch folder was left behind"


def test_synthesize_replaces_the_whole_folder(tmp_path: Path) -> None:
    target = tmp_path / "app"
    target.mkdir()
    (target / "Stale.k8s.yaml").write_text("stale: true\n")

    def build(outdir: str) -> cdk8s.App:
        app = cdk8s.App(outdir=outdir, yaml_output_type=cdk8s.YamlOutputType.FILE_PER_RESOURCE)
        AppChart(app, "app", namespace=APP_NAMESPACE)
        return app

    written = synthesize(build, target)
    assert [p.name for p in written] == [f"Namespace.{APP_NAMESPACE}.k8s.yaml"]
    assert sorted(p.name for p in target.iterdir()) == [f"Namespace.{APP_NAMESPACE}.k8s.yaml"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["app"]
