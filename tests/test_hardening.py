"""Hardening of the synthesized app: Pod Security "restricted", NetworkPolicies, volume claims that
survive GitOps, disruption budgets and spreading, resources, and a checkov skip list that stays exact.

The rules are evaluated here, on the parsed output, by code written from the Kubernetes documents
(Pod Security Standards, NetworkPolicy semantics), so that a change to the library is judged by the
rules and not by the code that produced it. Every failure names the object and the container.
"""

from __future__ import annotations

import json
from typing import Any

import cdk8s
import pytest
from conftest import SITES, Manifest, Manifests, containers, pod_spec, pod_template, synth, workloads
from support import APP_NAMESPACE, KUBERNETES_VERSIONS, checkov_reports, checkov_skips, harbor_site

import main
from constructs.harbor import AccessMode, HarborReplicas, HarborStorage, Storage
from constructs.harbor._components import constants
from constructs.harbor.kit import AppChart, ClusterDns, GatewayPeer, InternetEgress, KubernetesApi, PodSecurityLevel
from constructs.harbor.kit.argocd import SYNC_OPTIONS
from constructs.harbor.kit.labels import INSTANCE_LABEL
from constructs.harbor.kit.network_model import IpEndpoint, NetworkModel, PodEndpoint, Policy, selects

# Several replicas of everything that may run several; shared claims so that rolling is allowed.
HA_STORAGE = HarborStorage(registry=Storage(size="5Gi", access=AccessMode.READ_WRITE_MANY),
                           jobservice=Storage(size="1Gi", access=AccessMode.READ_WRITE_MANY))
HA_REPLICAS = HarborReplicas(core=2, portal=2, registry=3, jobservice=2, nginx=2, trivy=2)
MULTI = {"harbor-core": 2, "harbor-portal": 2, "harbor-registry": 3, "harbor-jobservice": 2, "harbor-nginx": 2,
         "harbor-trivy": 2}


@pytest.fixture(scope="module")
def ha() -> Manifests:
    return harbor_site(storage=HA_STORAGE, replicas=HA_REPLICAS).manifests()


# ---- Pod Security Standard "restricted" -------------------------------------------------------------

# Volume types the restricted profile allows (everything else, hostPath first of all, is rejected).
RESTRICTED_VOLUMES = {"configMap", "csi", "downwardAPI", "emptyDir", "ephemeral", "persistentVolumeClaim",
                      "projected", "secret"}
HOST_NAMESPACES = ("hostNetwork", "hostPID", "hostIPC")
SECCOMP_ALLOWED = {"RuntimeDefault", "Localhost"}


def restricted_violations(spec: dict[str, Any]) -> list[str]:
    """Every rule of the restricted Pod Security Standard this pod spec breaks, naming the container."""
    problems = []
    pod = spec.get("securityContext") or {}
    for key in HOST_NAMESPACES:
        if spec.get(key):
            problems.append(f"pod sets {key}")
    for volume in spec.get("volumes") or []:
        kinds = set(volume) - {"name"}
        if not kinds <= RESTRICTED_VOLUMES:
            problems.append(f"volume {volume.get('name')} is {sorted(kinds - RESTRICTED_VOLUMES)}")
    if pod.get("runAsUser") == 0:
        problems.append("pod runs as user 0")
    for container in containers(spec):
        name = f"container {container.get('name')}"
        sc = container.get("securityContext") or {}
        if sc.get("privileged"):
            problems.append(f"{name} is privileged")
        if sc.get("allowPrivilegeEscalation") is not False:
            problems.append(f"{name} does not set allowPrivilegeEscalation: false")
        caps = sc.get("capabilities") or {}
        if "ALL" not in (caps.get("drop") or []):
            problems.append(f"{name} does not drop ALL capabilities")
        added = set(caps.get("add") or []) - {"NET_BIND_SERVICE"}
        if added:
            problems.append(f"{name} adds capabilities {sorted(added)}")
        # runAsNonRoot: true at container level, or at pod level and not overridden with false
        non_root = sc.get("runAsNonRoot", pod.get("runAsNonRoot"))
        if non_root is not True:
            problems.append(f"{name} may run as root (runAsNonRoot is not true at pod or container level)")
        if sc.get("runAsUser", pod.get("runAsUser")) == 0:
            problems.append(f"{name} runs as user 0")
        seccomp = (sc.get("seccompProfile") or pod.get("seccompProfile") or {}).get("type")
        if seccomp not in SECCOMP_ALLOWED:
            problems.append(f"{name} has seccomp profile {seccomp!r}, not RuntimeDefault or Localhost")
        for port in container.get("ports") or []:
            if port.get("hostPort"):
                problems.append(f"{name} uses hostPort {port['hostPort']}")
    return problems


GOOD_CONTAINER = {"name": "app", "securityContext": {
    "allowPrivilegeEscalation": False, "capabilities": {"drop": ["ALL"]}, "runAsNonRoot": True,
    "seccompProfile": {"type": "RuntimeDefault"}}}


def spec_with(container: dict | None = None, **pod) -> dict:
    return {"containers": [container or GOOD_CONTAINER], **pod}


def sc(**fields) -> dict:
    return {"name": "app", "securityContext": {**GOOD_CONTAINER["securityContext"], **fields}}


@pytest.mark.parametrize("spec, expected", [
    (spec_with(hostNetwork=True), "pod sets hostNetwork"),
    (spec_with(hostPID=True), "pod sets hostPID"),
    (spec_with(hostIPC=True), "pod sets hostIPC"),
    (spec_with(volumes=[{"name": "root", "hostPath": {"path": "/"}}]), "volume root is ['hostPath']"),
    (spec_with(volumes=[{"name": "nfs", "nfs": {"server": "x", "path": "/"}}]), "volume nfs is ['nfs']"),
    (spec_with(sc(privileged=True)), "container app is privileged"),
    (spec_with(sc(allowPrivilegeEscalation=True)), "container app does not set allowPrivilegeEscalation"),
    (spec_with(sc(capabilities={"drop": ["NET_RAW"]})), "container app does not drop ALL"),
    (spec_with(sc(capabilities={"drop": ["ALL"], "add": ["SYS_ADMIN"]})), "container app adds capabilities"),
    (spec_with(sc(runAsNonRoot=False)), "container app may run as root"),
    (spec_with(sc(seccompProfile={"type": "Unconfined"})), "container app has seccomp profile 'Unconfined'"),
    (spec_with(sc(runAsUser=0)), "container app runs as user 0"),
    (spec_with({"name": "app", "ports": [{"containerPort": 80, "hostPort": 80}],
                "securityContext": GOOD_CONTAINER["securityContext"]}), "container app uses hostPort 80"),
])
def test_restricted_evaluator_catches_each_rule(spec: dict, expected: str) -> None:
    # the evaluator itself must see every rule, or the test over the output passes vacuously
    assert any(expected in problem for problem in restricted_violations(spec)), restricted_violations(spec)


def test_restricted_evaluator_accepts_pod_level_settings() -> None:
    bare = {"name": "app", "securityContext": {"allowPrivilegeEscalation": False, "capabilities": {"drop": ["ALL"]}}}
    pod = {"runAsNonRoot": True, "seccompProfile": {"type": "RuntimeDefault"}}
    assert restricted_violations(spec_with(bare, securityContext=pod)) == []
    net_bind = sc(capabilities={"drop": ["ALL"], "add": ["NET_BIND_SERVICE"]})
    assert restricted_violations(spec_with(net_bind)) == []


def test_every_pod_template_is_restricted(manifests: Manifests) -> None:
    checked = workloads(manifests)
    assert {m.kind for m, _ in checked} >= {"Deployment", "StatefulSet"}
    problems = [f"{m}: {problem}" for m, spec in checked for problem in restricted_violations(spec)]
    assert not problems, "pods that break the restricted Pod Security Standard:\n  " + "\n  ".join(problems)


def test_ha_pod_templates_are_restricted(ha: Manifests) -> None:
    problems = [f"{m}: {problem}" for m, spec in workloads(ha) for problem in restricted_violations(spec)]
    assert not problems, "\n  ".join(problems)


def test_every_container_has_a_read_only_root(manifests: Manifests) -> None:
    writable = [f"{m} container {c['name']}" for m, spec in workloads(manifests) for c in containers(spec)
                if (c.get("securityContext") or {}).get("readOnlyRootFilesystem") is not True]
    assert not writable, f"containers with a writable root filesystem: {writable}"


def test_namespace_enforces_restricted(manifests: Manifests) -> None:
    labels = manifests.get("Namespace", main.NAMESPACE).labels
    for mode in ("enforce", "warn", "audit"):
        assert labels.get(f"pod-security.kubernetes.io/{mode}") == "restricted", labels


@pytest.mark.parametrize("level, expected", [
    (PodSecurityLevel.RESTRICTED, "restricted"), (PodSecurityLevel.BASELINE, "baseline"), (None, None)])
def test_app_chart_pod_security(app: cdk8s.App, level, expected) -> None:
    chart = AppChart(app, "c", namespace=APP_NAMESPACE, pod_security=level, namespace_labels={"team": "platform"})
    labels = synth(chart).get("Namespace", APP_NAMESPACE).labels
    assert labels["team"] == "platform"
    assert labels.get("pod-security.kubernetes.io/enforce") == expected
    assert labels.get("pod-security.kubernetes.io/warn") == expected


# ---- requests and limits -------------------------------------------------------------------------

@pytest.mark.parametrize("which", ["dist", "ha"])
def test_every_container_has_requests_and_limits(manifests: Manifests, ha: Manifests, which: str) -> None:
    output = manifests if which == "dist" else ha
    missing = []
    for m, spec in workloads(output):
        for c in containers(spec):
            resources = c.get("resources") or {}
            for kind in ("requests", "limits"):
                for resource in ("cpu", "memory"):
                    if not (resources.get(kind) or {}).get(resource):
                        missing.append(f"{m} container {c['name']}: no {kind}.{resource}")
    assert not missing, "\n  ".join(missing)


# ---- disruption budgets and spreading ------------------------------------------------------------

def test_no_budget_for_single_replicas(manifests: Manifests) -> None:
    # every workload of the homelab runs one pod: a budget there could only block node drains
    singles = [m.name for m, _ in workloads(manifests) if m.obj["spec"].get("replicas", 1) == 1]
    assert singles and not manifests.of_kind("PodDisruptionBudget")


@pytest.mark.parametrize("name, replicas", sorted(MULTI.items()))
def test_multi_replica_components_have_a_budget_and_spread(ha: Manifests, name: str, replicas: int) -> None:
    (workload,) = [m for m in ha if m.name == name and m.kind in ("Deployment", "StatefulSet")]
    assert workload.obj["spec"]["replicas"] == replicas
    selector = workload.obj["spec"]["selector"]["matchLabels"]
    budget = ha.get("PodDisruptionBudget", name).obj["spec"]
    assert budget["maxUnavailable"] == 1 and "minAvailable" not in budget
    assert budget["selector"] == {"matchLabels": selector}
    assert budget["unhealthyPodEvictionPolicy"] == "AlwaysAllow"
    (spread,) = pod_spec(workload.obj)["topologySpreadConstraints"]
    assert spread == {"maxSkew": 1, "topologyKey": "kubernetes.io/hostname", "whenUnsatisfiable": "ScheduleAnyway",
                      "labelSelector": {"matchLabels": selector}}
    template_labels = pod_template(workload.obj)["metadata"]["labels"]
    assert selector.items() <= template_labels.items()


def test_every_budget_belongs_to_a_multi_replica_workload(ha: Manifests) -> None:
    budgets = {m.name for m in ha.of_kind("PodDisruptionBudget")}
    assert budgets == set(MULTI)
    singles = [m for m, spec in workloads(ha) if m.obj["spec"].get("replicas", 1) == 1]
    assert {m.name for m in singles} >= {"harbor-database", "harbor-redis"}
    assert not [m.name for m, spec in workloads(ha) if m.name in {s.name for s in singles}
                and "topologySpreadConstraints" in spec]


# ---- volume claims survive GitOps --------------------------------------------------------------------

KEEP = "Prune=false,Delete=false"


def claim_templates(manifests: Manifests) -> list[tuple[Manifest, dict]]:
    return [(m, t) for m in manifests.of_kind("StatefulSet") for t in m.obj["spec"].get("volumeClaimTemplates", [])]


@pytest.mark.parametrize("which", ["dist", "ha"])
def test_argo_cd_never_prunes_or_deletes_a_claim(manifests: Manifests, ha: Manifests, which: str) -> None:
    output = manifests if which == "dist" else ha
    claims = output.of_kind("PersistentVolumeClaim")
    templates = claim_templates(output)
    assert claims and templates
    bad = [str(c) for c in claims if c.annotations.get(SYNC_OPTIONS) != KEEP]
    bad += [f"{m} volumeClaimTemplate {t['metadata']['name']}" for m, t in templates
            if (t["metadata"].get("annotations") or {}).get(SYNC_OPTIONS) != KEEP]
    assert not bad, f"claims without {SYNC_OPTIONS}: {KEEP}: {bad}"


def test_claims_from_templates_are_not_tracked_by_argo_cd(manifests: Manifests) -> None:
    # the StatefulSet controller copies a template's labels onto its claims; with Argo CD's label
    # tracking, `app.kubernetes.io/instance: harbor` would make them extraneous resources of the app
    tracked = [f"{m} {t['metadata']['name']}" for m, t in claim_templates(manifests)
               if INSTANCE_LABEL in (t["metadata"].get("labels") or {})]
    assert not tracked, tracked


@pytest.mark.parametrize("which", ["dist", "ha"])
def test_every_stateful_set_retains_its_claims(manifests: Manifests, ha: Manifests, which: str) -> None:
    output = manifests if which == "dist" else ha
    sets = output.of_kind("StatefulSet")
    assert sets
    bad = [str(m) for m in sets
           if m.obj["spec"].get("persistentVolumeClaimRetentionPolicy") != {"whenDeleted": "Retain",
                                                                            "whenScaled": "Retain"}]
    assert not bad, f"StatefulSets that may delete their claims: {bad}"


def claim_names(manifests: Manifests) -> set[str]:
    """Every claim name the output creates: PVC objects and `<template>-<statefulset>-<ordinal>`."""
    names = {m.name for m in manifests.of_kind("PersistentVolumeClaim")}
    for m, template in claim_templates(manifests):
        for ordinal in range(m.obj["spec"].get("replicas", 1)):
            names.add(f"{template['metadata']['name']}-{m.name}-{ordinal}")
    return names


def test_claim_names_do_not_depend_on_construct_ids() -> None:
    original = claim_names(harbor_site(harbor_id="harbor").manifests())
    renamed = claim_names(harbor_site(harbor_id="renamed-construct").manifests())
    assert original == renamed == {"harbor-registry", "harbor-jobservice", "database-data-harbor-database-0",
                                   "data-harbor-redis-0", "data-harbor-trivy-0"}


def test_claim_names_come_from_the_instance() -> None:
    names = claim_names(harbor_site(harbor_id="harbor", instance="team-a").manifests())
    assert names == {"team-a-registry", "team-a-jobservice", "database-data-team-a-database-0",
                     "data-team-a-redis-0", "data-team-a-trivy-0"}


def test_dist_claims_are_the_sites(manifests: Manifests) -> None:
    assert claim_names(manifests) == {"harbor-registry", "harbor-jobservice", "database-data-harbor-database-0",
                                      "data-harbor-redis-0", "data-harbor-trivy-0", "harbor-database-backup"}


# ---- NetworkPolicies ---------------------------------------------------------------------------------

# The evaluator is the library's (constructs/harbor/network_model.py), which the synth-time
# reachability check uses too; the semantics tests below pin it to the Kubernetes documents.

def Endpoint(name: str, namespace: str | None = None, labels: dict[str, str] | None = None,
             ip: str | None = None) -> PodEndpoint | IpEndpoint:
    """A pod (namespace and labels) or an address outside the cluster (ip)."""
    return IpEndpoint(name, ip) if ip is not None else PodEndpoint(name, namespace or "", labels or {})


def allowed(policies: list[Manifest], source, target, port: int, protocol: str = "TCP") -> bool:
    model = NetworkModel([Policy.from_manifest(p.obj) for p in policies])
    return bool(model.allows(source, target, port, protocol))


def pods_of(manifests: Manifests) -> dict[str, Endpoint]:
    """Each workload's pods as an endpoint, named by component (`secret-sync` for the pause pod)."""
    found = {}
    for m, _ in workloads(manifests):
        labels = pod_template(m.obj)["metadata"]["labels"]
        found[labels["app.kubernetes.io/component"]] = Endpoint(labels["app.kubernetes.io/component"], m.namespace,
                                                                 labels)
    return found


# What the issue and Harbor 2.15.1's code need (see components/network_policy.py for the reasons):
# (client, server, pod port). Written out here, independent of the library's table.
EXPECTED_FLOWS = {
    ("nginx", "core", 8080), ("nginx", "portal", 8080),
    ("core", "portal", 8080), ("core", "registry", 5000), ("core", "registry", 8080), ("core", "jobservice", 8080),
    ("core", "redis", 6379),
    ("core", "database", 5432), ("core", "trivy", 8080),
    ("jobservice", "core", 8080), ("jobservice", "registry", 5000), ("jobservice", "registry", 8080),
    ("jobservice", "redis", 6379), ("jobservice", "database", 5432), ("jobservice", "trivy", 8080),
    # no registry -> core: Harbor 2.15.1 configures no registry notifications, and core serves none
    ("registry", "redis", 6379),
    ("trivy", "redis", 6379), ("trivy", "core", 8080),
    # the configuration Job talks to core's API only
    ("configure", "core", 8080),
    # the database backup (dump and restore) talks to the database only
    ("database-backup", "database", 5432),
    # HarborMetrics' exporter: core's health API, jobservice's queues in redis, the database
    ("exporter", "core", 8080), ("exporter", "redis", 6379), ("exporter", "database", 5432),
}
PORTS = (53, 80, 443, 5000, 5001, 5432, 6379, 8001, 8080, 9090)
HARBOR = ("nginx", "portal", "core", "registry", "jobservice", "trivy", "database", "redis", "exporter")
# the registry dials nothing outside the cluster with volume storage (S3 has a path of its own)
INTERNET_CLIENTS = {"core", "jobservice", "trivy"}
GATEWAY_POD = Endpoint("gateway", main.GATEWAY.namespace, {"app": "gateway-proxy"})
DNS_POD = Endpoint("dns", "kube-system", {"k8s-app": "kube-dns"})
OUTSIDE = Endpoint("internet", ip="203.0.113.10")
OUTSIDE_V6 = Endpoint("internet-v6", ip="2001:db8::10")


@pytest.fixture(scope="module")
def policies(manifests: Manifests) -> list[Manifest]:
    return manifests.of_kind("NetworkPolicy")


@pytest.fixture(scope="module")
def pods(manifests: Manifests) -> dict[str, Endpoint]:
    found = pods_of(manifests)
    assert set(found) == {*HARBOR, "secret-sync", "configure", "database-backup", "upgrade-guard"}, sorted(found)
    return found


def test_the_evaluator_follows_the_semantics() -> None:
    # a pod no policy selects is open; one selected for egress only keeps its ingress open
    a, b = Endpoint("a", "ns", {"app": "a"}), Endpoint("b", "ns", {"app": "b"})
    assert allowed([], a, b, 80)
    egress_only = Manifest("x", {"kind": "NetworkPolicy", "metadata": {"name": "x", "namespace": "ns"},
                                 "spec": {"podSelector": {"matchLabels": {"app": "a"}}, "policyTypes": ["Egress"]}})
    assert not allowed([egress_only], a, b, 80) and allowed([egress_only], b, a, 80)
    same_labels_elsewhere = Endpoint("a2", "other", {"app": "a"})
    assert allowed([egress_only], same_labels_elsewhere, b, 80)


def test_default_deny_isolates_every_pod_of_the_namespace(manifests: Manifests) -> None:
    deny = manifests.get("NetworkPolicy", "default-deny", main.NAMESPACE).obj["spec"]
    assert deny == {"podSelector": {}, "policyTypes": ["Ingress", "Egress"]}


def test_every_pod_is_isolated_by_a_policy_of_its_own(policies: list[Manifest], pods: dict[str, Endpoint]) -> None:
    for pod in pods.values():
        own = [p.name for p in policies if p.obj["spec"]["podSelector"].get("matchLabels")
               and selects(p.obj["spec"]["podSelector"], pod.labels)
               and set(p.obj["spec"]["policyTypes"]) == {"Ingress", "Egress"}]
        assert own, f"no policy of its own selects {pod.name} for ingress and egress"


def test_harbor_pods_reach_each_other_only_on_the_needed_paths(policies, pods) -> None:
    everyone = (*HARBOR, "configure", "database-backup", "upgrade-guard")
    actual = {(a, b, port) for a in everyone for b in everyone for port in PORTS
              if allowed(policies, pods[a], pods[b], port)}
    assert actual - EXPECTED_FLOWS == set(), "paths that should be closed"
    assert EXPECTED_FLOWS - actual == set(), "paths Harbor needs that are closed"


def test_the_secret_sync_pod_gets_no_traffic_at_all(policies, pods) -> None:
    sync = pods["secret-sync"]
    others = [*pods.values(), GATEWAY_POD, DNS_POD, OUTSIDE]
    for other in others:
        for port in PORTS:
            for protocol in ("TCP", "UDP"):
                assert not allowed(policies, sync, other, port, protocol), f"sync -> {other.name}:{port}/{protocol}"
                assert not allowed(policies, other, sync, port, protocol), f"{other.name} -> sync:{port}/{protocol}"


def test_only_the_gateway_reaches_the_entry_point(policies, pods) -> None:
    assert allowed(policies, GATEWAY_POD, pods["nginx"], 8080)
    for port in PORTS:
        for name in HARBOR:
            if (name, port) != ("nginx", 8080):
                assert not allowed(policies, GATEWAY_POD, pods[name], port), f"gateway -> {name}:{port}"
    stranger = Endpoint("stranger", "default", {"app": "gateway-proxy"})
    assert not allowed(policies, stranger, pods["nginx"], 8080)
    assert not allowed(policies, OUTSIDE, pods["nginx"], 8080)


@pytest.mark.parametrize("protocol", ["UDP", "TCP"])
def test_every_harbor_pod_resolves_names(policies, pods, protocol: str) -> None:
    for name in HARBOR:
        assert allowed(policies, pods[name], DNS_POD, 53, protocol), name
        assert not allowed(policies, pods[name], DNS_POD, 8080, protocol), name
    not_dns = Endpoint("other", "kube-system", {"k8s-app": "metrics-server"})
    assert not any(allowed(policies, pods[name], not_dns, 53, protocol) for name in HARBOR)


@pytest.mark.parametrize("target", [OUTSIDE, OUTSIDE_V6], ids=["ipv4", "ipv6"])
def test_internet_egress_only_for_the_components_that_fetch(policies, pods, target: Endpoint) -> None:
    for name in HARBOR:
        for port in (80, 443):
            assert allowed(policies, pods[name], target, port) is (name in INTERNET_CLIENTS), f"{name}:{port}"
        assert not allowed(policies, pods[name], target, 22), name


@pytest.mark.parametrize("address", ["10.43.0.10", "192.168.1.20", "172.20.0.5", "169.254.169.254", "100.64.1.1",
                                     "fd00::1"])
def test_internet_egress_leaves_out_cluster_and_private_ranges(policies, pods, address: str) -> None:
    inside = Endpoint("private", ip=address)
    assert not any(allowed(policies, pods[name], inside, port) for name in HARBOR for port in (80, 443))


def test_policy_ports_are_the_components_ports(policies) -> None:
    known = {constants.CORE_PORT, constants.PORTAL_PORT, constants.REGISTRY_PORT, constants.REGISTRYCTL_PORT, constants.JOBSERVICE_PORT,
             constants.TRIVY_PORT, constants.DATABASE_PORT, constants.REDIS_PORT, constants.NGINX_PORT, 53, *InternetEgress().ports,
             *KubernetesApi().ports,   # the upgrade guard reads the API server
             constants.METRICS_PORT}
    used = {p["port"] for m in policies for direction in ("ingress", "egress")
            for rule in m.obj["spec"].get(direction) or [] for p in rule.get("ports") or []}
    assert used <= known, sorted(used - known)


def test_the_gateway_peer_is_the_sites_gateway_namespace(policies) -> None:
    (nginx,) = [p for p in policies if p.name == "harbor-nginx"]
    (rule,) = nginx.obj["spec"]["ingress"]
    assert rule["from"] == [{"namespaceSelector": {"matchLabels": {"kubernetes.io/metadata.name":
                                                                   main.GATEWAY.namespace}}}]


def test_gateway_peer_labels_and_ranges() -> None:
    peer = GatewayPeer(namespace="gateways", pod_labels={"gateway.networking.k8s.io/gateway-name": "public"},
                       cidrs=("192.168.10.0/24",))
    out = harbor_site(gateway_peer=peer).manifests()
    policies, pods = out.of_kind("NetworkPolicy"), pods_of(out)
    proxy = Endpoint("proxy", "gateways", {"gateway.networking.k8s.io/gateway-name": "public"})
    other = Endpoint("other", "gateways", {"gateway.networking.k8s.io/gateway-name": "internal"})
    node = Endpoint("node", ip="192.168.10.7")
    assert allowed(policies, proxy, pods["nginx"], 8080)
    assert allowed(policies, node, pods["nginx"], 8080)
    assert not allowed(policies, other, pods["nginx"], 8080)
    assert not allowed(policies, node, pods["core"], 8080)


def test_without_a_gateway_peer_only_the_entry_points_port_is_open() -> None:
    out = harbor_site().manifests()
    policies, pods = out.of_kind("NetworkPolicy"), pods_of(out)
    anyone = Endpoint("anyone", "elsewhere", {"app": "x"})
    assert allowed(policies, anyone, pods["nginx"], 8080)
    assert not allowed(policies, anyone, pods["nginx"], 9090)
    assert not allowed(policies, anyone, pods["core"], 8080)


def test_without_trivy_no_policy_names_it() -> None:
    out = harbor_site(trivy=None).manifests()
    assert "harbor-trivy" not in {m.name for m in out.of_kind("NetworkPolicy")}
    text = json.dumps([m.obj for m in out.of_kind("NetworkPolicy")])
    assert '"trivy"' not in text


def test_policies_can_be_turned_off_and_internet_closed() -> None:
    off = harbor_site(network_policies=False).manifests()
    # only the secret sync's own policy remains
    assert [m.name for m in off.of_kind("NetworkPolicy")] == ["secrets-mount"]
    out = harbor_site(internet_egress=None).manifests()
    pods = pods_of(out)
    assert not any(allowed(out.of_kind("NetworkPolicy"), pods[name], OUTSIDE, 443) for name in HARBOR if name in pods)


def test_internet_egress_on_every_port_and_own_ranges() -> None:
    out = harbor_site(internet_egress=InternetEgress(excluded_cidrs=("10.0.0.0/8",), ports=())).manifests()
    policies, pods = out.of_kind("NetworkPolicy"), pods_of(out)
    lan_mirror = Endpoint("mirror", ip="192.168.1.20")
    assert allowed(policies, pods["core"], lan_mirror, 5000)
    assert not allowed(policies, pods["core"], Endpoint("pod-range", ip="10.42.0.9"), 443)


def test_cluster_dns_elsewhere() -> None:
    dns = ClusterDns(namespace="dns", pod_labels={"app": "coredns"}, cidrs=("169.254.20.10/32",))
    out = harbor_site(cluster_dns=dns).manifests()
    policies, pods = out.of_kind("NetworkPolicy"), pods_of(out)
    assert allowed(policies, pods["core"], Endpoint("coredns", "dns", {"app": "coredns"}), 53, "UDP")
    assert allowed(policies, pods["core"], Endpoint("node-local", ip="169.254.20.10"), 53, "UDP")
    assert not allowed(policies, pods["core"], DNS_POD, 53, "UDP")


def test_api_client_hook_for_the_configuration_job() -> None:
    site = harbor_site()
    job_labels = {"app.kubernetes.io/name": "harbor", "app.kubernetes.io/component": "configuration"}
    site.harbor.allow_api_client("configuration", name="configuration", pod_labels=job_labels)
    out = site.manifests()
    policies, pods = out.of_kind("NetworkPolicy"), pods_of(out)
    job = Endpoint("job", "harbor", {**job_labels, "app.kubernetes.io/instance": "harbor"})
    assert allowed(policies, job, pods["core"], 8080)
    assert allowed(policies, job, DNS_POD, 53, "UDP")
    for name in (n for n in HARBOR if n in pods):   # a small site without metrics runs no exporter
        for port in PORTS:
            if (name, port) != ("core", 8080):
                assert not allowed(policies, job, pods[name], port), f"job -> {name}:{port}"
    assert not allowed(policies, job, OUTSIDE, 443)
    assert not allowed(policies, pods["core"], job, 8080)
    assert {"harbor-configuration", "harbor-core-from-configuration"} <= {m.name for m in policies}


def test_api_client_hook_without_policies_does_nothing() -> None:
    harbor = harbor_site(network_policies=False).harbor
    assert harbor.allow_api_client("configuration", name="configuration", pod_labels={"app": "job"}) == ()


def test_policies_pass_the_strict_schemas(ha: Manifests) -> None:
    from kubernetes_validate import utils as kv_utils

    for m in [*ha.of_kind("NetworkPolicy"), *ha.of_kind("PodDisruptionBudget")]:
        for version in KUBERNETES_VERSIONS:
            kv_utils.validate(m.obj, version, strict=True)


# ---- checkov: the skip list is exact -------------------------------------------------------------------

def test_every_checkov_skip_is_still_needed(synthesized) -> None:
    """A check that no longer fails without its skip, in any site, must leave checkov-skips.yaml."""
    skips = checkov_skips()
    failing = {c["check_id"] for site in SITES for entry in checkov_reports(synthesized, site)
               for c in entry.get("results", {}).get("failed_checks", [])}
    assert failing <= set(skips), f"failing checks that are not skipped: {sorted(failing - set(skips))}"
    assert set(skips) <= failing, f"skips no longer needed, remove them: {sorted(set(skips) - failing)}"
    assert "CKV2_K8S_6" not in skips, "every pod has a NetworkPolicy now"



def test_the_configuration_job_fits_the_hook() -> None:
    """The configuration Job's pods get their path to core with `allow_api_client`, and pass "restricted"."""
    job_module = pytest.importorskip("constructs.harbor.configuration.job")
    from constructs.harbor.configuration import HarborConfiguration

    site = harbor_site()
    job_module.HarborConfigurationJob(site.chart, "configure", harbor=site.harbor, configuration=HarborConfiguration())
    labels = site.harbor._context.selector(job_module.COMPONENT)
    site.harbor.allow_api_client("configure", name=job_module.COMPONENT, pod_labels=labels)
    out = site.manifests()
    (job,) = out.of_kind("Job")
    assert restricted_violations(pod_spec(job.obj)) == []
    policies, pods = out.of_kind("NetworkPolicy"), pods_of(out)
    template_labels = pod_template(job.obj)["metadata"]["labels"]
    pod = Endpoint("job", job.namespace, template_labels)
    assert allowed(policies, pod, pods["core"], constants.CORE_PORT)
    assert not allowed(policies, pod, pods["database"], constants.DATABASE_PORT)
    assert not allowed(policies, pod, OUTSIDE, 443)
