"""The CRDs' own CEL rules (x-kubernetes-validations) on every custom resource of both sites.

The JSON schema check of test_manifests.py leaves out what the API server checks next: the rules
written in CEL inside the CRDs (89 in HTTPRoute, 16 in Gateway, 9 in the CloudNativePG Cluster,
per served version). tests/cel_rules.py evaluates them as the API server does on create (defaults
first, each rule where its node exists, transition rules skipped); its docstring says how, and why
that CEL library. A rule that cannot be evaluated fails a test here by name, never passes.
"""

from __future__ import annotations

import copy
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

import cel
import pytest
from cel_rules import (
    EXTENSIONS,
    Crd,
    Evaluation,
    applicable,
    compile_crd,
    crd_of,
    escape,
    evaluate,
    load_crds,
)
from conftest import Manifest, Manifests, Site, load_manifests


@pytest.fixture(scope="session")
def crds(crd_dir: Path) -> dict[tuple[str, str], Crd]:
    """Every version of every CRD in ../shared/crds, each rule compiled once per session."""
    return load_crds(crd_dir)


@pytest.fixture(scope="module")
def custom_resources(site: Site, synthesized: Callable[[str], Path], crds: dict) -> list[Manifest]:
    """The objects of the site whose apiVersion and kind a CRD of ../shared/crds defines."""
    found = [m for m in load_manifests(synthesized(site.name)) if crd_of(crds, m.obj) is not None]
    assert found, f"{site.name} has no custom resource (expected at least its SecretProviderClass)"
    return found


# ---- the rules themselves -------------------------------------------------------------------------

def test_every_rule_of_every_crd_can_be_evaluated(crds: dict) -> None:
    # compiles, and calls only CEL's standard functions or the Kubernetes extensions implemented in
    # cel_rules.EXTENSIONS: anything else would be skipped, so it is named here instead
    unevaluable = [f"{rule}: {rule.problem}" for crd in crds.values() for rule in crd.unevaluable]
    assert not unevaluable, "CEL rules that cannot be evaluated:\n  " + "\n  ".join(unevaluable)


def test_every_rule_entry_of_the_crds_is_reached(crds: dict) -> None:
    # the evaluator walks properties, items, additionalProperties and allOf; a rule placed anywhere
    # else (anyOf, oneOf, not, nested allOf) would be counted here but never run
    missed = [f"{crd.file} {crd.name}: {crd.entries} x-kubernetes-validations entries, {len(crd.rules)} reached"
              for crd in crds.values() if crd.entries != len(crd.rules)]
    assert not missed, "\n".join(missed)


@pytest.mark.parametrize(("kind", "api_version", "rules", "nodes"), [
    # the issue counted `x-kubernetes-validations:` lines of each file (both served versions of the
    # Gateway API kinds): 52 = 2 x 26, 16 = 2 x 8, 6; these are the rules under them, per version
    ("HTTPRoute", "gateway.networking.k8s.io/v1", 89, 26),
    ("Gateway", "gateway.networking.k8s.io/v1", 16, 8),
    ("Cluster", "postgresql.cnpg.io/v1", 9, 6),
    # the Prometheus Operator's v0.93.0 CRDs carry no CEL rule: a later tag that adds some fails here
    ("ServiceMonitor", "monitoring.coreos.com/v1", 0, 0),
    ("PrometheusRule", "monitoring.coreos.com/v1", 0, 0),
])
def test_rule_counts_of_the_pinned_crds(crds: dict, kind: str, api_version: str, rules: int, nodes: int) -> None:
    # a tripwire for CRD upgrades and for a loader that loses rules: update it with the CRD's tag
    crd = crds[(api_version, kind)]
    assert (len(crd.rules), len({rule.steps for rule in crd.rules})) == (rules, nodes), crd.file


# ---- every custom resource of both sites ----------------------------------------------------------

def test_the_homelabs_monitoring_objects_are_custom_resources_here(synthesized: Callable[[str], Path],
                                                                    crds: dict) -> None:
    # HarborMetrics' kinds reach the rule evaluation below like every other custom resource
    kinds = {m.kind for m in load_manifests(synthesized("harbor")) if crd_of(crds, m.obj) is not None}
    assert {"ServiceMonitor", "PrometheusRule"} <= kinds, kinds


def test_custom_resources_pass_every_cel_rule(custom_resources: list[Manifest], crds: dict) -> None:
    problems = []
    for m in custom_resources:
        result = evaluate(crd_of(crds, m.obj), m.obj)
        problems += [f"{m}: {error}" for error in result.errors]
        problems += [f"{m}: not evaluated: {line}" for line in result.unevaluated]
    assert not problems, "CEL rules reject or cannot judge:\n  " + "\n  ".join(problems)


def test_every_applicable_rule_is_evaluated(custom_resources: list[Manifest], crds: dict, site: Site) -> None:
    # the rules whose node exists in the defaulted object, found by path without the evaluator's
    # tree, must be exactly those it ran (or skipped as transition rules): none can vanish unseen
    applies: Counter[str] = Counter()
    ran: Counter[str] = Counter()
    for m in custom_resources:
        crd = crd_of(crds, m.obj)
        result = evaluate(crd, m.obj)
        expected = {rule for rule in applicable(crd, m.obj) if not rule.transition}
        assert set(result.evaluated) == expected, (
            f"{m}: applicable but not evaluated: {sorted(map(str, expected - set(result.evaluated)))}; "
            f"evaluated but not applicable: {sorted(map(str, set(result.evaluated) - expected))}")
        assert set(result.transitions) == {r for r in applicable(crd, m.obj) if r.transition}, m
        applies[crd.kind] += len(expected)
        ran[crd.kind] += len(result.evaluated)
    assert ran == applies, f"{site.name}: rules evaluated per kind {dict(ran)}, applicable {dict(applies)}"
    # each site has a one-rule HTTPRoute with one backend and one path match: 20 of its rules apply
    assert ran["HTTPRoute"] >= 20, f"{site.name}: rules evaluated per kind: {dict(ran)}"


# ---- bad objects are rejected by the rule that forbids them --------------------------------------

def only(manifests: Manifests, kind: str) -> dict[str, Any]:
    """A copy of the one object of a kind (the homelab's HTTPRoute, the HA site's Cluster)."""
    found = manifests.of_kind(kind)
    assert len(found) == 1, f"expected one {kind}, found {[str(m) for m in found]}"
    return copy.deepcopy(found[0].obj)


def relative_path(route: dict) -> None:
    route["spec"]["rules"][0]["matches"][0]["path"]["value"] = "v2/"


def service_without_port(route: dict) -> None:
    backend = route["spec"]["rules"][0]["backendRefs"][0]
    for name in ("port", "kind", "group"):  # kind Service and group "" come back as defaults
        backend.pop(name)


def backend_timeout_over_request(route: dict) -> None:
    route["spec"]["rules"][0]["timeouts"] = {"request": "10s", "backendRequest": "1m"}


def same_parent_with_and_without_section(route: dict) -> None:
    parent = route["spec"]["parentRefs"][0]
    route["spec"]["parentRefs"].append({"name": parent["name"], "namespace": parent["namespace"],
                                        "sectionName": "https"})


def redirect_with_backends(route: dict) -> None:
    route["spec"]["rules"][0]["filters"] = [
        {"type": "RequestRedirect", "requestRedirect": {"scheme": "https", "statusCode": 301}}]


def header_filter_without_its_field(route: dict) -> None:
    route["spec"]["rules"][0]["filters"] = [{"type": "RequestHeaderModifier"}]


BAD_ROUTES = [
    (relative_path, "spec.rules[0].matches[0].path: Invalid value: \"object\": value must be an absolute path "
                    "and start with '/' when type one of ['Exact', 'PathPrefix']"),
    (service_without_port, 'spec.rules[0].backendRefs[0]: Invalid value: "object": Must have port for Service '
                           "reference"),
    (backend_timeout_over_request, 'spec.rules[0].timeouts: Invalid value: "object": backendRequest timeout '
                                   "cannot be longer than request timeout"),
    (same_parent_with_and_without_section, 'spec.parentRefs: Invalid value: "array": sectionName must be '
                                           "specified when parentRefs includes 2 or more references to the same "
                                           "parent"),
    (redirect_with_backends, 'spec.rules[0]: Invalid value: "object": RequestRedirect filter must not be used '
                             "together with backendRefs"),
    (header_filter_without_its_field, 'spec.rules[0].filters[0]: Invalid value: "object": '
                                      "filter.requestHeaderModifier must be specified for RequestHeaderModifier "
                                      "filter.type"),
]


@pytest.mark.parametrize(("mutate", "error"), BAD_ROUTES, ids=[mutate.__name__ for mutate, _ in BAD_ROUTES])
def test_bad_route_is_rejected_by_its_rule(manifests: Manifests, crds: dict, mutate, error: str) -> None:
    route = only(manifests, "HTTPRoute")
    mutate(route)
    result = evaluate(crd_of(crds, route), route)
    assert result.errors == [error]
    assert not result.unevaluated


def test_bad_cluster_is_rejected_by_each_rule_it_breaks(ha_manifests: Manifests, crds: dict) -> None:
    cluster = only(ha_manifests, "Cluster")
    spec = cluster["spec"]
    spec["imageCatalogRef"] = {"apiGroup": "example.com", "kind": "Catalog", "name": "images", "major": 16}
    spec["bootstrap"]["initdb"]["icuLocale"] = "en-US"      # without localeProvider: icu
    spec["postgresql"]["synchronous"] = {"method": "any", "number": 0}
    result = evaluate(crd_of(crds, cluster), cluster)
    assert sorted(result.errors) == sorted([
        'spec: Invalid value: "object": imageName and imageCatalogRef are mutually exclusive',
        'spec.imageCatalogRef: Invalid value: "object": Only image catalogs are supported',   # kind
        'spec.imageCatalogRef: Invalid value: "object": Only image catalogs are supported',   # apiGroup
        # the rule reads self.localeProvider, which is absent: an evaluation error, as with cel-go
        'spec.bootstrap.initdb: Invalid value: "object": no such key: localeProvider evaluating rule: icuLocale is '
        "only available when localeProvider is set to `icu`",
        'spec.postgresql.synchronous.number: Invalid value: "integer": The number of synchronous replicas should '
        "be greater than zero",
    ])


def test_gateway_rules_with_the_strings_extension(crds: dict) -> None:
    # no site has a Gateway, but its rules call split(): the extension is exercised on a bad one
    gateway = {
        "apiVersion": "gateway.networking.k8s.io/v1", "kind": "Gateway", "metadata": {"name": "public"},
        "spec": {"gatewayClassName": "cilium",
                 "infrastructure": {"labels": {"a" * 253 + "/name": "x", "example.com/ok": "y"}},
                 "listeners": [{"name": "web", "port": 80, "protocol": "HTTP"},
                               {"name": "web", "port": 443, "protocol": "HTTPS", "hostname": "a.example.com"}]},
    }
    result = evaluate(crd_of(crds, gateway), gateway)
    assert sorted(result.errors) == [
        'spec.infrastructure.labels: Invalid value: "object": If specified, the label key\'s prefix must be a DNS '
        "subdomain not longer than 253 characters in total.",
        'spec.listeners: Invalid value: "array": Listener name must be unique within the Gateway',
    ]
    gateway["spec"]["infrastructure"]["labels"] = {"example.com/ok": "y"}
    gateway["spec"]["listeners"][1]["name"] = "websecure"
    assert evaluate(crd_of(crds, gateway), gateway).errors == []


def test_field_path_and_reason_shape_the_error(crds: dict) -> None:
    store = {"apiVersion": "barmancloud.cnpg.io/v1", "kind": "ObjectStore", "metadata": {"name": "backups"},
             "spec": {"configuration": {"destinationPath": "s3://backups/", "serverName": "old"}}}
    assert evaluate(crd_of(crds, store), store).errors == [
        "spec.configuration.serverName: Forbidden: use the 'serverName' plugin parameter in the Cluster resource"]


# ---- defaults, escaping and transition rules, as the API server applies them ---------------------

def test_defaults_are_applied_before_the_rules(manifests: Manifests, crds: dict) -> None:
    route = only(manifests, "HTTPRoute")
    rule = route["spec"]["rules"][0]
    del rule["matches"]  # defaults to one PathPrefix "/" match, which the path rules then check
    rule["filters"] = [{"type": "URLRewrite",
                        "urlRewrite": {"path": {"type": "ReplacePrefixMatch", "replacePrefixMatch": "/"}}}]
    result = evaluate(crd_of(crds, route), route)
    # without the default match, "exactly one PathPrefix match must be specified" would fail
    assert result.errors == []
    path_rules = [r for r in result.evaluated if r.path == "spec.rules[*].matches[*].path"]
    assert len(path_rules) == 11


def test_reserved_field_names_are_escaped(manifests: Manifests, crds: dict) -> None:
    # `namespace` is a CEL keyword, so the rules read it as `__namespace__`: the same Gateway name in
    # two namespaces is two parents, and one of them may name a section while the other does not
    route = only(manifests, "HTTPRoute")
    route["spec"]["parentRefs"].append({"name": route["spec"]["parentRefs"][0]["name"], "namespace": "elsewhere",
                                        "sectionName": "https"})
    assert evaluate(crd_of(crds, route), route).errors == []
    assert escape("namespace") == "__namespace__"
    assert (escape("x-y.z/w__v"), escape("1x")) == ("x__dash__y__dot__z__slash__w__underscores__v", None)


def test_transition_rules_are_skipped_on_create_and_listed(ha_manifests: Manifests, crds: dict) -> None:
    cluster = only(ha_manifests, "Cluster")
    cluster["spec"]["serviceAccountName"] = "harbor-database"
    result = evaluate(crd_of(crds, cluster), cluster)
    assert result.errors == []
    assert [r.rule for r in result.transitions] == ["self == oldSelf"]
    assert all(r.transition for r in result.transitions) and not set(result.transitions) & set(result.evaluated)


# ---- the evaluator on small schemas: what it must never pass --------------------------------------

def small_crd(properties: dict[str, Any], rules: list[dict[str, Any]] | None = None) -> Crd:
    spec = {"type": "object", "properties": properties}
    if rules:
        spec["x-kubernetes-validations"] = rules
    schema = {"type": "object", "properties": {"apiVersion": {"type": "string"}, "kind": {"type": "string"},
                                               "metadata": {"type": "object"}, "spec": spec}}
    return compile_crd("example.com/v1", "Widget", schema, "<test>")


def widget(**spec: Any) -> dict[str, Any]:
    return {"apiVersion": "example.com/v1", "kind": "Widget", "metadata": {"name": "w"}, "spec": spec}


@pytest.mark.parametrize("rule", [
    "isURL(self.url)",                         # Kubernetes URL library
    "quantity(self.url).isInteger()",          # Kubernetes quantity library
    "self.tags.isSorted()",                    # Kubernetes lists library
    "self.url.find('[a-z]+') != ''",           # Kubernetes regex library
    "sets.contains(self.tags, ['a'])",         # cel-go sets library: `contains` alone is a standard name
    "cel.bind(u, self.url, u != '')",          # cel-go bindings
    "self.url.",                               # does not compile
])
def test_a_rule_that_cannot_be_evaluated_is_reported_not_passed(rule: str) -> None:
    crd = small_crd({"url": {"type": "string"}, "tags": {"type": "array", "items": {"type": "string"}}},
                    [{"rule": rule}])
    assert [r.rule for r in crd.unevaluable] == [rule]
    result = evaluate(crd, widget(url="https://example.com", tags=["a"]))
    assert len(result.unevaluated) == 1 and rule in result.unevaluated[0]
    assert not result.evaluated


def test_size_of_non_ascii_text_is_reported_not_guessed() -> None:
    # the library counts UTF-8 bytes where Kubernetes counts characters: "héllo" would be 6, not 5
    crd = small_crd({"name": {"type": "string"}}, [{"rule": "size(self.name) <= 5"}])
    assert evaluate(crd, widget(name="hello")).errors == []
    result = evaluate(crd, widget(name="héllo"))
    assert not result.evaluated and "non-ASCII" in result.unevaluated[0]


def test_message_expression_field_path_and_reason() -> None:
    crd = small_crd({"replicas": {"type": "integer"}}, [{
        "rule": "self.replicas <= 3", "messageExpression": "'at most 3 replicas, got ' + string(self.replicas)",
        "message": "too many replicas", "fieldPath": ".replicas", "reason": "FieldValueRequired"}])
    result = evaluate(crd, widget(replicas=5))
    assert not result.unevaluated
    assert result.errors == ["spec.replicas: Required value: at most 3 replicas, got 5"]


def test_values_are_typed_by_the_schema() -> None:
    crd = small_crd({"timeout": {"type": "string", "format": "duration"}, "ratio": {"type": "number"},
                     "since": {"type": "string", "format": "date-time"}, "dash-name": {"type": "string"}}, [
        {"rule": "self.timeout < duration('1m')", "message": "duration"},
        {"rule": "self.ratio == 1.0", "message": "number"},
        {"rule": "self.since < timestamp('2030-01-01T00:00:00Z')", "message": "date-time"},
        {"rule": "self.dash__dash__name == 'x'", "message": "escaped"},
    ])
    good = widget(timeout="1m30s", ratio=1, since="2026-01-01T00:00:00Z", **{"dash-name": "x"})
    assert not crd.unevaluable
    assert evaluate(crd, good).errors == ['spec: Invalid value: "object": duration']
    good["spec"]["timeout"] = "45s"
    assert evaluate(crd, good).errors == []


def test_root_rules_see_only_name_and_generate_name_of_metadata() -> None:
    crd = compile_crd("example.com/v1", "Widget", {
        "type": "object", "properties": {"metadata": {"type": "object"}},
        "x-kubernetes-validations": [{"rule": "self.metadata.name.startsWith('w')", "message": "name"},
                                     {"rule": "!has(self.metadata.labels)", "message": "labels hidden"}]})
    obj = {"apiVersion": "example.com/v1", "kind": "Widget", "metadata": {"name": "w", "labels": {"a": "b"}}}
    assert not crd.unevaluable
    assert evaluate(crd, obj).errors == []
    obj["metadata"]["name"] = "v"
    assert evaluate(crd, obj).errors == ['<nil>: Invalid value: "object": name']


def test_optional_old_self_rules_run_on_create() -> None:
    crd = small_crd({"size": {"type": "integer"}}, [
        {"rule": "!oldSelf.hasValue() || self.size >= oldSelf.value().size", "optionalOldSelf": True},
        {"rule": "oldSelf.hasValue()", "optionalOldSelf": True, "message": "only on update"},
        {"rule": "self == oldSelf", "message": "immutable"},
    ])
    result: Evaluation = evaluate(crd, widget(size=1))
    assert not result.unevaluated
    assert result.errors == ['spec: Invalid value: "object": only on update']
    assert [r.message for r in result.transitions] == ["immutable"]


@pytest.mark.parametrize(("expression", "expected"), [
    ("'a/b/c'.split('/')", ["a", "b", "c"]),
    ("'a/b/c'.split('/', 2)", ["a", "b/c"]),
    ("'a/b/c'.split('/', 0)", []),
    ("'a/b/c'.split('/', -1)", ["a", "b", "c"]),
    ("'abc'.split('')", ["a", "b", "c"]),
    ("'abc'.split('', 2)", ["a", "bc"]),
    ("''.split('/')", [""]),
    ("['a', 'b'].join()", "ab"),
    ("['a', 'b'].join('-')", "a-b"),
    ("'ÀbC'.lowerAscii()", "Àbc"),
    ("'àBc'.upperAscii()", "àBC"),
])
def test_strings_extension_functions_follow_cel_go(expression: str, expected: Any) -> None:
    assert cel.evaluate(expression, cel.Context({}, EXTENSIONS)) == expected


def test_split_rejects_what_cel_go_rejects() -> None:
    with pytest.raises(Exception, match="no such overload"):
        cel.evaluate("[1].split('/')", cel.Context({}, EXTENSIONS))

