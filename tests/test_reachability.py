"""The NetworkPolicy evaluator, the synth-time reachability check and Harbor's health model.

The evaluator (network_model.py) is pinned to the NetworkPolicy semantics of the Kubernetes
documents case by case; the two checks are shown to pass on both sites and to fire on trees broken on
purpose, each in the way a user could break them (a policy path missing, a wrong port, a setting
left out).
"""

from __future__ import annotations

import re

import cdk8s
import pytest
from cdk8s_plus_27 import k8s
from support import harbor_site

from constructs import Construct
from constructs.harbor.kit import AppChart, validation_errors
from constructs.harbor.kit.checks.adapter import add_checks
from constructs.harbor.kit.checks.reachability import unreachable_address_problems
from constructs.harbor.kit.network_model import IpEndpoint, NetworkModel, PodEndpoint, Policy, selects


def policy(name: str, spec: dict, namespace: str = "ns") -> Policy:
    return Policy(name, namespace, spec)


A = PodEndpoint("a", "ns", {"app": "a"})
B = PodEndpoint("b", "ns", {"app": "b", "tier": "api"}, {"http": 8080})


# ---- the evaluator -------------------------------------------------------------------------------

def test_unselected_pods_are_open_and_both_sides_must_allow() -> None:
    assert NetworkModel([]).allows(A, B, 80)
    egress_a = policy("a", {"podSelector": {"matchLabels": {"app": "a"}}, "policyTypes": ["Egress"]})
    verdict = NetworkModel([egress_a]).allows(A, B, 80)
    assert not verdict and verdict.refused_by == "the client's egress"
    assert NetworkModel([egress_a]).allows(B, A, 80)          # a's ingress is not isolated
    ingress_b = policy("b", {"podSelector": {"matchLabels": {"app": "b"}}})   # policyTypes default: Ingress
    assert NetworkModel([ingress_b]).allows(A, B, 80).refused_by == "the server's ingress"


def test_policy_types_default_to_egress_when_egress_rules_exist() -> None:
    p = policy("a", {"podSelector": {}, "egress": [{"ports": [{"port": 53, "protocol": "UDP"}]}]})
    assert p.types == ("Ingress", "Egress")
    dns = IpEndpoint("dns", "10.96.0.10")
    model = NetworkModel([p])
    assert not model.allows(A, dns, 80) and model.allows(A, dns, 53, "UDP")
    assert not model.allows(A, B, 53, "UDP")        # B's ingress: selected, with no ingress rule


def test_rules_add_up_across_policies() -> None:
    to_b80 = policy("x", {"podSelector": {"matchLabels": {"app": "a"}}, "policyTypes": ["Egress"],
                          "egress": [{"to": [{"podSelector": {"matchLabels": {"app": "b"}}}], "ports": [{"port": 80}]}]})
    to_b81 = policy("y", {"podSelector": {"matchLabels": {"app": "a"}}, "policyTypes": ["Egress"],
                          "egress": [{"to": [{"podSelector": {"matchLabels": {"app": "b"}}}], "ports": [{"port": 81}]}]})
    model = NetworkModel([to_b80, to_b81])
    assert model.allows(A, B, 80) and model.allows(A, B, 81) and not model.allows(A, B, 82)


@pytest.mark.parametrize("expression, labels, expected", [
    ({"key": "tier", "operator": "In", "values": ["api"]}, {"tier": "api"}, True),
    ({"key": "tier", "operator": "In", "values": ["api"]}, {}, False),
    ({"key": "tier", "operator": "NotIn", "values": ["api"]}, {"tier": "web"}, True),
    ({"key": "tier", "operator": "NotIn", "values": ["api"]}, {}, True),
    ({"key": "tier", "operator": "NotIn", "values": ["api"]}, {"tier": "api"}, False),
    ({"key": "tier", "operator": "Exists"}, {"tier": "x"}, True),
    ({"key": "tier", "operator": "Exists"}, {}, False),
    ({"key": "tier", "operator": "DoesNotExist"}, {}, True),
    ({"key": "tier", "operator": "DoesNotExist"}, {"tier": "x"}, False),
])
def test_match_expressions(expression: dict, labels: dict, expected: bool) -> None:
    assert selects({"matchExpressions": [expression]}, labels) is expected


def test_an_unknown_selector_operator_is_an_error() -> None:
    with pytest.raises(ValueError, match="operator must be In, NotIn, Exists or DoesNotExist, got 'Gt'"):
        selects({"matchExpressions": [{"key": "x", "operator": "Gt", "values": ["1"]}]}, {})


def test_named_ports_end_ports_and_protocols() -> None:
    isolated = {"podSelector": {"matchLabels": {"app": "b"}}, "policyTypes": ["Ingress"]}
    named = policy("named", {**isolated, "ingress": [{"ports": [{"port": "http"}]}]})
    assert NetworkModel([named]).allows(A, B, 8080) and not NetworkModel([named]).allows(A, B, 9090)
    ranged = policy("range", {**isolated, "ingress": [{"ports": [{"port": 8000, "endPort": 8100}]}]})
    assert NetworkModel([ranged]).allows(A, B, 8080) and not NetworkModel([ranged]).allows(A, B, 8101)
    udp = policy("udp", {**isolated, "ingress": [{"ports": [{"port": 8080, "protocol": "UDP"}]}]})
    assert not NetworkModel([udp]).allows(A, B, 8080) and NetworkModel([udp]).allows(A, B, 8080, "UDP")


def test_namespace_and_pod_selectors() -> None:
    elsewhere = PodEndpoint("c", "other", {"app": "a"})
    isolated = {"podSelector": {"matchLabels": {"app": "b"}}, "policyTypes": ["Ingress"]}
    pods_here = policy("here", {**isolated, "ingress": [{"from": [{"podSelector": {"matchLabels": {"app": "a"}}}]}]})
    assert NetworkModel([pods_here]).allows(A, B, 80)
    assert not NetworkModel([pods_here]).allows(elsewhere, B, 80)   # podSelector alone: own namespace
    by_label = policy("by-label", {**isolated, "ingress": [{"from": [{"namespaceSelector": {
        "matchLabels": {"team": "x"}}, "podSelector": {"matchLabels": {"app": "a"}}}]}]})
    assert not NetworkModel([by_label]).allows(elsewhere, B, 80)
    assert NetworkModel([by_label], {"other": {"team": "x"}}).allows(elsewhere, B, 80)
    by_name = policy("by-name", {**isolated, "ingress": [{"from": [{"namespaceSelector": {
        "matchLabels": {"kubernetes.io/metadata.name": "other"}}}]}]})
    assert NetworkModel([by_name]).allows(elsewhere, B, 80) and not NetworkModel([by_name]).allows(A, B, 80)


def test_ip_blocks_match_addresses_not_pods() -> None:
    outside, private = IpEndpoint("internet", "203.0.113.9"), IpEndpoint("lan", "10.1.2.3")
    egress = policy("out", {"podSelector": {"matchLabels": {"app": "a"}}, "policyTypes": ["Egress"], "egress": [
        {"to": [{"ipBlock": {"cidr": "0.0.0.0/0", "except": ["10.0.0.0/8"]}}]}]})
    model = NetworkModel([egress])
    assert model.allows(A, outside, 443) and not model.allows(A, private, 443)
    assert not model.allows(A, B, 443)
    assert not model.allows(A, IpEndpoint("v6", "2001:db8::1"), 443)


# ---- the reachability check ------------------------------------------------------------------------

def reachability_errors(app: cdk8s.App) -> list[str]:
    return [e for e in validation_errors(app) if "calls " in e]


@pytest.mark.parametrize("site", ["harbor", "harbor-ha"])
def test_both_sites_reach_every_configured_address(site: str, tmp_path) -> None:
    from conftest import SITES

    app = SITES[site].build(str(tmp_path))
    assert reachability_errors(app) == []


def test_a_missing_policy_path_fires() -> None:
    site = harbor_site(default_deny=True)
    app, harbor = site.app, site.harbor
    core_policy = harbor.network_policies.policies["core"]
    # drop core's egress rule to the portal: the configuration still names the portal's address
    rendered = core_policy.to_json()
    index = next(i for i, rule in enumerate(rendered["spec"]["egress"])
                 if rule.get("to", [{}])[0].get("podSelector", {}).get("matchLabels", {})
                 .get("app.kubernetes.io/component") == "portal")
    core_policy.add_json_patch(cdk8s.JsonPatch.remove(f"/spec/egress/{index}"))
    errors = reachability_errors(app)
    assert any(re.search(r"Deployment harbor-core container core env PORTAL_URL .* calls harbor-portal:80 "
                         r"\(pod port 8080 of Deployment harbor-portal\), which the NetworkPolicies refuse "
                         r"\(the client's egress\)", e) for e in errors), errors


def test_a_port_the_service_lacks_fires() -> None:
    site = harbor_site(default_deny=True)
    app, harbor = site.app, site.harbor
    harbor.core.config_map.add_json_patch(cdk8s.JsonPatch.replace("/data/REGISTRY_URL", "http://harbor-registry:5001"))
    errors = reachability_errors(app)
    assert any("env REGISTRY_URL (ConfigMap harbor-core key REGISTRY_URL) calls harbor-registry:5001, but Service "
               "harbor-registry has no TCP port 5001" in e for e in errors), errors


def test_a_config_file_address_is_checked_too() -> None:
    site = harbor_site(default_deny=True)
    app, harbor = site.app, site.harbor
    policy = harbor.network_policies.policies["redis"]
    policy.add_json_patch(cdk8s.JsonPatch.replace("/spec/ingress", []))
    errors = reachability_errors(app)
    # the registry names redis in its config.yml (a mounted ConfigMap file), Trivy in an env value
    assert any("Deployment harbor-registry container registry file config.yml of ConfigMap harbor-registry" in e
               and "calls harbor-redis:6379" in e and "the server's ingress" in e for e in errors), errors
    assert any("StatefulSet harbor-trivy container trivy env SCANNER_REDIS_URL calls harbor-redis:6379" in e
               for e in errors), errors


def test_any_app_can_attach_the_check() -> None:
    app = cdk8s.App()
    chart = AppChart(app, "shop", namespace="shop", default_deny=True)
    labels = {"app": "db"}
    k8s.KubeDeployment(chart, "db", metadata=k8s.ObjectMeta(name="db"), spec=k8s.DeploymentSpec(
        selector=k8s.LabelSelector(match_labels=labels), template=k8s.PodTemplateSpec(
            metadata=k8s.ObjectMeta(labels=labels), spec=k8s.PodSpec(containers=[k8s.Container(
                name="db", image="postgres:17.6", ports=[k8s.ContainerPort(name="pg", container_port=5432)])]))))
    k8s.KubeService(chart, "db-service", metadata=k8s.ObjectMeta(name="db"), spec=k8s.ServiceSpec(
        selector=labels, ports=[k8s.ServicePort(port=5432, target_port=k8s.IntOrString.from_string("pg"))]))
    web = Construct(chart, "web")   # any construct may carry the check for what it holds
    k8s.KubeDeployment(web, "web", metadata=k8s.ObjectMeta(name="web"), spec=k8s.DeploymentSpec(
        selector=k8s.LabelSelector(match_labels={"app": "web"}), template=k8s.PodTemplateSpec(
            metadata=k8s.ObjectMeta(labels={"app": "web"}), spec=k8s.PodSpec(containers=[k8s.Container(
                name="web", image="shop:1.0", env=[k8s.EnvVar(name="DATABASE_URL",
                                                              value="postgresql://shop@db.shop.svc:5432/shop")])]))))
    add_checks(web, (unreachable_address_problems, web))
    errors = validation_errors(app)
    assert any("Deployment web container web env DATABASE_URL calls db.shop.svc:5432 (pod port 5432 of Deployment "
               "db), which the NetworkPolicies refuse (the client's egress and the server's ingress)" in e
               for e in errors), errors


# ---- Harbor's health model ---------------------------------------------------------------------------

def test_the_health_model_names_every_checker_of_core() -> None:
    from constructs.harbor._components.health_model import CORE_HEALTH_CHECKS

    # src/controller/health/checker.go RegisterHealthCheckers, Harbor v2.15.1
    assert [c.component for c in CORE_HEALTH_CHECKS] == [
        "portal", "jobservice", "registry", "registryctl", "database", "redis", "trivy"]


def test_a_health_setting_left_out_fires() -> None:
    site = harbor_site(default_deny=True)
    app, harbor = site.app, site.harbor
    harbor.core.config_map.add_json_patch(cdk8s.JsonPatch.remove("/data/PORTAL_URL"))
    deployment = harbor.core.deployment
    env = deployment.to_json()["spec"]["template"]["spec"]["containers"][0]["env"]
    index = next(i for i, e in enumerate(env) if e["name"] == "PORTAL_URL")
    deployment.add_json_patch(cdk8s.JsonPatch.remove(f"/spec/template/spec/containers/0/env/{index}"))
    errors = validation_errors(app)
    assert any("core's health report checks portal at the address in PORTAL_URL" in e
               and "does not set PORTAL_URL: core dials http://portal:8080 instead" in e for e in errors), errors


def test_a_health_target_core_cannot_reach_fires() -> None:
    site = harbor_site(default_deny=True)
    app, harbor = site.app, site.harbor
    harbor.network_policies.policies["portal"].add_json_patch(cdk8s.JsonPatch.replace("/spec/ingress", []))
    errors = validation_errors(app)
    assert any("core's health report checks portal every 10 s" in e and "the server's ingress" in e
               for e in errors), errors


def test_without_trivy_its_health_check_is_not_required() -> None:
    app = harbor_site(default_deny=True, trivy=None).app
    assert not [e for e in validation_errors(app) if "health report" in e]


def test_the_configuration_job_carries_the_check() -> None:
    from constructs.harbor.configuration import HarborConfiguration
    from constructs.harbor.configuration.job import HarborConfigurationJob

    site = harbor_site(default_deny=True)
    app, harbor = site.app, site.harbor
    job = HarborConfigurationJob(site.chart, "configure", harbor=harbor, configuration=HarborConfiguration())
    assert reachability_errors(app) == []
    # without its path to core (the policy that opens core to it), the Job's HARBOR_URL is refused
    core_side = job.network_policies[1]
    core_side.add_json_patch(cdk8s.JsonPatch.replace("/spec/ingress", []))
    errors = reachability_errors(app)
    assert any("Job harbor-configure container configure env HARBOR_URL calls harbor-core:80" in e
               and "the server's ingress" in e for e in errors), errors
