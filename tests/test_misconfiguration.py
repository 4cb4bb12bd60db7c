"""The misconfiguration catalog: each symptom operators met fails synthesis with the field to change.

Two kinds of cases. Tree-wide ones (how two constructs meet: a route and a Harbor, a pod and a secret
sync) are construct validations: they fail `synthesize` with a ValueError before anything is written,
and a plain `app.synth()` as well. Point-of-entry ones (one value decides) raise ValueError where the
value is given. Every message names the field and quotes the bad value.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import cdk8s
import pytest
from support import (
    APP_NAMESPACE,
    EXTERNAL_URL,
    GATEWAY,
    HOST,
    NAMESPACE,
    SECRETS_PATH,
    harbor_site,
    harbor_sync,
    refusal,
)

import main
from constructs.harbor import (
    AccessMode,
    HarborRegistry,
    HarborReplicas,
    HarborSecrets,
    HarborStorage,
    ProxySettings,
    Storage,
    TrivySettings,
    harbor_synced_secrets,
)
from constructs.harbor.kit import (
    AppChart,
    ClusterDns,
    GatewayPeer,
    GatewayRoute,
    InternetEgress,
    RouteRule,
    SecretKeyRef,
    ServicePort,
    SyncedSecret,
    synthesize,
    validation_errors,
)


def site(outdir: str | None = None, *, backend: Callable[[HarborRegistry], ServicePort] | None = None,
         hostnames: tuple[str, ...] = (HOST,), token: bool = False, extra_secrets: tuple[SyncedSecret, ...] = (),
         secrets: Callable[[HarborSecrets], HarborSecrets] | None = None, sync: bool = True,
         sync_namespace: str | None = None, more_routes: Callable[[cdk8s.App, HarborRegistry], None] | None = None,
         after: Callable[[HarborRegistry], None] | None = None, **harbor_props) -> cdk8s.App:
    """A small Harbor site; each keyword bends one thing the way an operator got it wrong."""
    app = cdk8s.App(outdir=outdir) if outdir else cdk8s.App()
    chart = AppChart(app, "site", namespace=NAMESPACE)
    sync_chart = AppChart(app, "secrets", namespace=sync_namespace) if sync_namespace else chart
    synced = harbor_sync(sync_chart, trivy_github_token=token, extra_secrets=extra_secrets)
    handles = HarborSecrets.from_sync(synced)
    if not sync:
        synced.node.scope.node.try_remove_child(synced.node.id)
    if secrets is not None:
        handles = secrets(handles)
    harbor = HarborRegistry(chart, "harbor", external_url=EXTERNAL_URL, secrets=handles, **harbor_props)
    GatewayRoute(chart, "route", name="harbor", gateway=GATEWAY, hostnames=list(hostnames),
                 rules=[RouteRule(backend=backend(harbor) if backend else harbor.entrypoint)])
    if more_routes:
        more_routes(app, harbor)
    if after:
        after(harbor)
    return app


def second_rule_to_core(app: cdk8s.App, harbor: HarborRegistry) -> None:
    chart = app.node.find_child("site")
    GatewayRoute(chart, "api-route", name="harbor-api", gateway=GATEWAY, hostnames=[HOST],
                 rules=[RouteRule(backend=harbor.entrypoint, paths=("/",)),
                        RouteRule(backend=harbor.core.service, paths=("/api/",))])


def route_from_other_namespace(app: cdk8s.App, harbor: HarborRegistry) -> None:
    chart = AppChart(app, "routes", namespace="routes")
    GatewayRoute(chart, "route", name="harbor", gateway=GATEWAY, hostnames=[HOST],
                 rules=[RouteRule(backend=ServicePort(service="harbor-core", port=80, namespace=NAMESPACE))])


def patch(component: str, op: cdk8s.JsonPatch) -> Callable[[HarborRegistry], None]:
    """An escape hatch applied after the fact, past the checks at the point of entry."""
    return lambda harbor: getattr(harbor, component).deployment.add_json_patch(op)

# (id, site keywords, field, bad value as the message quotes it)
TREE_CASES = [
    # a route whose backend is a Harbor Service other than the entry point: blank UI, 404 on push
    ("route-to-core", dict(backend=lambda h: h.core.service), "GatewayRoute.rules[0].backend", "harbor-core:80"),
    ("route-to-portal", dict(backend=lambda h: h.portal.service), "GatewayRoute.rules[0].backend",
     "harbor-portal:80"),
    ("route-to-registry", dict(backend=lambda h: h.registry.service), "GatewayRoute.rules[0].backend",
     "harbor-registry:5000"),
    ("route-to-registryctl", dict(backend=lambda h: h.registry.controller), "GatewayRoute.rules[0].backend",
     "harbor-registry:8080"),
    ("route-to-jobservice", dict(backend=lambda h: h.jobservice.service), "GatewayRoute.rules[0].backend",
     "harbor-jobservice:80"),
    ("route-to-trivy", dict(backend=lambda h: h.trivy.service), "GatewayRoute.rules[0].backend", "harbor-trivy:8080"),
    ("route-to-database", dict(backend=lambda h: h.database.service), "GatewayRoute.rules[0].backend",
     "harbor-database:5432"),
    ("route-to-redis", dict(backend=lambda h: h.redis.service), "GatewayRoute.rules[0].backend", "harbor-redis:6379"),
    ("route-to-core-typed-by-hand", dict(backend=lambda h: ServicePort(service="harbor-core", port=80)),
     "GatewayRoute.rules[0].backend", "harbor-core:80"),
    ("route-second-rule-to-core", dict(more_routes=second_rule_to_core), "GatewayRoute.rules[1].backend",
     "harbor-core:80"),
    ("route-from-other-namespace-to-core", dict(more_routes=route_from_other_namespace),
     "GatewayRoute.rules[0].backend", "harbor-core:80"),
    ("route-to-entry-point-wrong-port", dict(backend=lambda h: ServicePort(service="harbor", port=8080)),
     "GatewayRoute.rules[0].backend", "8080"),
    # an external URL whose host is not a hostname of the route
    ("external-url-not-a-route-host", dict(hostnames=("registry.example.com",)), "HarborRegistry.external_url",
     "'harbor.example.com'"),
    ("external-url-below-route-wildcard", dict(hostnames=("*.harbor.example.com",)), "HarborRegistry.external_url",
     "'harbor.example.com'"),
    ("external-url-other-domain-wildcard", dict(hostnames=("*.example.org",)), "HarborRegistry.external_url",
     "'harbor.example.com'"),
    # a Secret key a pod needs that no secret sync produces: the pod never starts
    ("secret-key-typo", dict(secrets=lambda s: replace(s, csrf_key=SecretKeyRef(secret="harbor-core", key="csrf"))),
     "HarborRegistry.secrets", "Secret 'harbor-core' key 'csrf'"),
    ("secret-name-typo", dict(secrets=lambda s: replace(
        s, registry_htpasswd=SecretKeyRef(secret="harbor-htpasswd", key="REGISTRY_HTPASSWD"))),
     "HarborRegistry.secrets", "Secret 'harbor-htpasswd' key 'REGISTRY_HTPASSWD'"),
    ("no-secret-sync-at-all", dict(sync=False), "HarborRegistry.secrets", "Secret 'harbor-admin'"),
    ("secret-sync-in-another-namespace", dict(sync_namespace="vault"), "HarborRegistry.secrets",
     "Secret 'harbor-database' key 'POSTGRES_PASSWORD'"),
    # a synced Secret no pod consumes
    ("synced-token-without-its-consumer", dict(token=True), "OpenBaoSecretSync.secrets", "'harbor-trivy'"),
    ("synced-token-with-trivy-off", dict(token=True, trivy=None), "OpenBaoSecretSync.secrets", "'harbor-trivy'"),
    ("synced-secret-nobody-reads", dict(extra_secrets=(SyncedSecret("harbor-extra", keys={
        "TOKEN": harbor_synced_secrets(SECRETS_PATH)[0].keys["HARBOR_ADMIN_PASSWORD"]}),)), "OpenBaoSecretSync.secrets",
     "'harbor-extra'"),
    # a ReadWriteOnce volume under a rolling or multi-replica Deployment, changed after the fact
    ("rwo-registry-patched-to-rolling", dict(after=patch("registry", cdk8s.JsonPatch.replace(
        "/spec/strategy", {"type": "RollingUpdate"}))), "HarborStorage.registry.access", "['ReadWriteOnce']"),
    ("rwo-jobservice-patched-to-two-replicas", dict(after=patch("jobservice", cdk8s.JsonPatch.replace(
        "/spec/replicas", 2))), "HarborStorage.jobservice.access", "['ReadWriteOnce']"),
]


@pytest.mark.parametrize("kwargs, field, bad", [c[1:] for c in TREE_CASES], ids=[c[0] for c in TREE_CASES])
def test_tree_wide_misconfiguration_is_reported(kwargs: dict, field: str, bad: str) -> None:
    errors = validation_errors(site(**kwargs))
    matching = [e for e in errors if field in e and bad in e]
    assert matching, f"no error names {field} and {bad}: {errors}"


def test_the_real_site_is_clean() -> None:
    assert validation_errors(main.build("/dev/null")) == []


def test_a_clean_small_site_is_clean() -> None:
    assert validation_errors(site()) == []
    # a wildcard route that covers the host is fine
    assert validation_errors(site(hostnames=("*.example.com",))) == []


@pytest.mark.parametrize("kwargs, field", [
    (dict(backend=lambda h: h.core.service), "GatewayRoute.rules[0].backend"),
    (dict(token=True), "OpenBaoSecretSync.secrets"),
    (dict(secrets=lambda s: replace(s, csrf_key=SecretKeyRef(secret="harbor-core", key="csrf"))),
     "HarborRegistry.secrets"),
], ids=["route", "unconsumed", "unproduced"])
def test_synthesize_fails_before_writing(tmp_path: Path, kwargs: dict, field: str) -> None:
    target = tmp_path / "harbor"
    with pytest.raises(ValueError, match=re.escape(field)) as error:
        synthesize(lambda outdir: site(outdir, **kwargs), target)
    assert "site/" in str(error.value), f"the message does not name the construct path: {error.value}"
    assert not target.exists() and list(tmp_path.iterdir()) == []


def test_a_plain_app_synth_fails_too(tmp_path: Path) -> None:
    app = site(str(tmp_path / "out"), backend=lambda h: h.core.service)
    with pytest.raises(Exception, match=r"GatewayRoute\.rules\[0\]\.backend") as error:
        app.synth()
    assert "site/route" in str(error.value)
    assert not list((tmp_path / "out").glob("*.yaml"))


def test_the_route_error_says_what_breaks_and_what_to_use() -> None:
    (error,) = validation_errors(site(backend=lambda h: h.core.service))
    assert error.startswith("site/route: ")
    assert "blank" in error and "404" in error and "RouteRule(backend=harbor.entrypoint)" in error


# ---- point of entry -----------------------------------------------------------------------------------

def harbor_with(**props) -> HarborRegistry:
    return harbor_site(**props).harbor


def chart_with(**props) -> AppChart:
    return AppChart(cdk8s.App(), "c", namespace=APP_NAMESPACE, **props)


ENTRY_CASES = [
    # upper-case host names: Gateways compare host names byte for byte, the route never matches
    ("route-wildcard-upper-case", lambda: GatewayRoute(chart_with(), "r", name="r", gateway=GATEWAY,
                                                       hostnames=["*.Example.com"], rules=[RouteRule(
                                                           backend=ServicePort(service="web", port=80))]),
     "GatewayRoute.hostnames", "*.Example.com"),
    ("proxy-url-upper-case-host", lambda: ProxySettings(https_proxy="http://Proxy.internal:3128"),
     "ProxySettings.https_proxy", "http://Proxy.internal:3128"),
    # a single-attach volume under several replicas, given through HarborRegistry
    ("rwop-jobservice-two-replicas", lambda: harbor_with(
        storage=HarborStorage(jobservice=Storage(access=AccessMode.READ_WRITE_ONCE_POD)),
        replicas=HarborReplicas(jobservice=2)), "HarborStorage.jobservice.access", "ReadWriteOncePod"),
    ("rwo-trivy-existing-claim-two-replicas", lambda: harbor_with(
        storage=HarborStorage(trivy=Storage(existing_claim="trivy-cache")), replicas=HarborReplicas(trivy=2),
        trivy=TrivySettings()), "HarborStorage.trivy.access", "ReadWriteOnce"),
    # the Gateway's peer
    ("gateway-peer-namespace-upper", lambda: GatewayPeer(namespace="Kube-System"), "GatewayPeer.namespace",
     "Kube-System"),
    ("gateway-peer-label-key", lambda: GatewayPeer(namespace="gw", pod_labels={"bad key!": "x"}),
     "GatewayPeer.pod_labels key", "bad key!"),
    ("gateway-peer-label-value", lambda: GatewayPeer(namespace="gw", pod_labels={"app": "-proxy"}),
     "GatewayPeer.pod_labels['app']", "-proxy"),
    ("gateway-peer-label-prefix", lambda: GatewayPeer(namespace="gw", pod_labels={"Example.com/app": "x"}),
     "GatewayPeer.pod_labels key", "Example.com/app"),
    ("gateway-peer-cidr-host-bits", lambda: GatewayPeer(namespace="gw", cidrs=("10.0.0.1/8",)), "GatewayPeer.cidrs",
     "10.0.0.1/8"),
    ("gateway-peer-cidr-as-string", lambda: GatewayPeer(namespace="gw", cidrs="10.0.0.0/8"), "GatewayPeer.cidrs",
     "10.0.0.0/8"),
    ("gateway-peer-cidr-hostname", lambda: GatewayPeer(namespace="gw", cidrs=("gateway.local",)),
     "GatewayPeer.cidrs", "gateway.local"),
    # the cluster DNS
    ("dns-no-pod-labels", lambda: ClusterDns(pod_labels={}), "ClusterDns.pod_labels", "{}"),
    ("dns-port-zero", lambda: ClusterDns(port=0), "ClusterDns.port", "0"),
    ("dns-namespace-empty", lambda: ClusterDns(namespace=""), "ClusterDns.namespace", "''"),
    # the internet
    ("internet-cidr-prefix-too-long", lambda: InternetEgress(excluded_cidrs=("10.0.0.0/33",)),
     "InternetEgress.excluded_cidrs", "10.0.0.0/33"),
    ("internet-cidr-not-canonical", lambda: InternetEgress(excluded_cidrs=("fc00:0::/7",)),
     "InternetEgress.excluded_cidrs", "fc00:0::/7"),
    ("internet-cidr-duplicate", lambda: InternetEgress(excluded_cidrs=("10.0.0.0/8", "10.0.0.0/8")),
     "InternetEgress.excluded_cidrs", "10.0.0.0/8"),
    ("internet-port-zero", lambda: InternetEgress(ports=(0,)), "InternetEgress.ports", "0"),
    ("internet-port-not-a-tuple", lambda: InternetEgress(ports=443), "InternetEgress.ports", "443"),
    ("internet-port-duplicate", lambda: InternetEgress(ports=(443, 443)), "InternetEgress.ports", "(443, 443)"),
    # HarborRegistry's network props
    ("harbor-gateway-peer-as-string", lambda: harbor_with(gateway_peer="kube-system"), "HarborRegistry.gateway_peer",
     "kube-system"),
    ("harbor-internet-as-dict", lambda: harbor_with(internet_egress={"ports": (443,)}),
     "HarborRegistry.internet_egress", "{'ports': (443,)}"),
    ("harbor-dns-none", lambda: harbor_with(cluster_dns=None), "HarborRegistry.cluster_dns", "None"),
    ("harbor-policies-as-string", lambda: harbor_with(network_policies="yes"), "HarborRegistry.network_policies",
     "yes"),
    ("api-client-name-upper", lambda: harbor_with().allow_api_client("job", name="Config", pod_labels={"a": "b"}),
     "HarborRegistry.allow_api_client name", "Config"),
    ("api-client-no-labels", lambda: harbor_with().allow_api_client("job", name="config", pod_labels={}),
     "HarborRegistry.allow_api_client pod_labels", "{}"),
    # AppChart: the namespace's Pod Security level and isolation
    ("pod-security-as-string", lambda: chart_with(pod_security="restricted"), "AppChart.pod_security", "restricted"),
    ("pod-security-label-by-hand", lambda: chart_with(
        namespace_labels={"pod-security.kubernetes.io/enforce": "privileged"}), "AppChart.namespace_labels",
     "pod-security.kubernetes.io/enforce"),
    ("namespace-label-key-space", lambda: chart_with(namespace_labels={"team name": "x"}),
     "AppChart.namespace_labels key", "team name"),
    ("namespace-label-value-too-long", lambda: chart_with(namespace_labels={"team": "x" * 64}),
     "AppChart.namespace_labels['team']", "x" * 64),
    ("default-deny-as-string", lambda: chart_with(default_deny="yes"), "AppChart.default_deny", "yes"),
]


@pytest.mark.parametrize("build, field, bad", [c[1:] for c in ENTRY_CASES], ids=[c[0] for c in ENTRY_CASES])
def test_bad_input_names_the_field(build: Callable[[], object], field: str, bad: str) -> None:
    message = refusal(build, field)
    assert bad in message, f"the message does not quote the bad value {bad!r}: {message}"


def test_cases_are_distinct_and_enough() -> None:
    ids = [c[0] for c in [*TREE_CASES, *ENTRY_CASES]]
    assert len(ids) == len(set(ids)) >= 40
