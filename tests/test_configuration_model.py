"""The configuration declaration: bad input is refused at the point of entry; the document is stable."""

from __future__ import annotations

import json
import re
from dataclasses import replace

import pytest
import upstream

from constructs.harbor.configuration import (
    HarborConfiguration,
    Project,
    ProjectPolicy,
    ProxyCacheProject,
    RegistryCredential,
    RegistryEndpoint,
    RegistryType,
    SystemSettings,
    VulnerabilitySeverity,
)
from constructs.harbor.configuration.applier import declaration, main
from constructs.harbor.configuration.model import DOCUMENT_VERSION, storage_bytes
from constructs.harbor.kit.handles import SecretKeyRef

# core's PERMITTED_REGISTRY_TYPES_FOR_PROXY_CACHE in Harbor 2.15.1, as ../shared/reference/harbor-chart-facts.md
# records it; written here because no URL serves those facts (they were written offline), so a clone checks it too
PROXY_CACHE_TYPES = frozenset({"docker-hub", "harbor", "azure-acr", "ali-acr", "aws-ecr", "google-gcr",
                               "docker-registry", "github-ghcr", "jfrog-artifactory"})

USER = SecretKeyRef(secret="harbor-upstream", key="DOCKERHUB_USER")
TOKEN = SecretKeyRef(secret="harbor-upstream", key="DOCKERHUB_TOKEN")
HUB = RegistryEndpoint(name="dockerhub", type=RegistryType.DOCKER_HUB,
                       credential=RegistryCredential(access_key=USER, access_secret=TOKEN))
QUAY = RegistryEndpoint(name="quay", type=RegistryType.DOCKER_REGISTRY, url="https://quay.io/")
GHCR = RegistryEndpoint(name="ghcr", type=RegistryType.GITHUB_GHCR)


def config(**fields) -> HarborConfiguration:
    base = dict(endpoints=(HUB, QUAY, GHCR),
                projects=(ProxyCacheProject(name="dockerhub", endpoint=HUB, public=True, storage_quota="50Gi"),
                          ProxyCacheProject(name="quay", endpoint=QUAY),
                          Project(name="library", policy=ProjectPolicy(prevent_vulnerable=True))),
                system=SystemSettings(scan_all_schedule="0 0 2 * * *"))
    return HarborConfiguration(**{**base, **fields})


# ---- bad input --------------------------------------------------------------------------------------------

BAD = [
    pytest.param(lambda: RegistryEndpoint(name="Docker Hub", type=RegistryType.DOCKER_HUB),
                 "RegistryEndpoint.name", "Docker Hub", id="endpoint-name-with-space"),
    pytest.param(lambda: RegistryEndpoint(name="quay", type="quay", url="https://quay.io"),
                 "RegistryEndpoint.type", "quay", id="quay-type-removed-in-2.14"),
    pytest.param(lambda: RegistryEndpoint(name="gitlab", type="gitlab", url="https://gitlab.com"),
                 "RegistryEndpoint.type", "gitlab", id="type-not-allowed-for-proxy-cache"),
    pytest.param(lambda: RegistryEndpoint(name="k8s", type=RegistryType.DOCKER_REGISTRY),
                 "RegistryEndpoint.url", None, id="docker-registry-without-url"),
    pytest.param(lambda: RegistryEndpoint(name="k8s", type=RegistryType.DOCKER_REGISTRY, url="registry.k8s.io"),
                 "RegistryEndpoint.url", "registry.k8s.io", id="url-without-scheme"),
    # Harbor keeps only scheme://host/path (ValidateHTTPURL, src/lib/endpoint.go): what it would drop is refused
    pytest.param(lambda: RegistryEndpoint(name="quay", type=RegistryType.DOCKER_REGISTRY,
                                          url="https://quay.io/?tab=tags"),
                 "RegistryEndpoint.url", "https://quay.io/?tab=tags", id="url-with-query"),
    pytest.param(lambda: RegistryEndpoint(name="quay", type=RegistryType.DOCKER_REGISTRY, url="https://quay.io/?"),
                 "RegistryEndpoint.url", "https://quay.io/?", id="url-with-empty-query"),
    pytest.param(lambda: RegistryEndpoint(name="quay", type=RegistryType.DOCKER_REGISTRY, url="https://quay.io#top"),
                 "RegistryEndpoint.url", "https://quay.io#top", id="url-with-fragment"),
    pytest.param(lambda: RegistryEndpoint(name="quay", type=RegistryType.DOCKER_REGISTRY,
                                          url="https://robot:s3cret@quay.io"),
                 "RegistryEndpoint.url", "https://robot:s3cret@quay.io", id="url-with-user-info"),
    pytest.param(lambda: RegistryEndpoint(name="mirror", type=RegistryType.DOCKER_REGISTRY,
                                          url="https://mirror.example.com/team%2Fcache"),
                 "RegistryEndpoint.url", "https://mirror.example.com/team%2Fcache", id="url-with-percent-escape"),
    pytest.param(lambda: RegistryEndpoint(name="quay", type=RegistryType.DOCKER_REGISTRY, url="https://quay.io/a b"),
                 "RegistryEndpoint.url", "https://quay.io/a b", id="url-with-space"),
    # Harbor's ECR adapter reads the region from the URL and needs the access key (awsecr/adapter.go newAdapter)
    pytest.param(lambda: RegistryEndpoint(name="ecr", type=RegistryType.AWS_ECR,
                                          url="https://registry.example.com", credential=HUB.credential),
                 "RegistryEndpoint.url", "https://registry.example.com", id="ecr-url-without-region"),
    pytest.param(lambda: RegistryEndpoint(name="ecr", type=RegistryType.AWS_ECR,
                                          url="https://123456789012.dkr.ecr.eu-west-1.amazonaws.com"),
                 "RegistryEndpoint.credential", None, id="ecr-without-credential"),
    pytest.param(lambda: RegistryEndpoint(name="hub", type=RegistryType.DOCKER_HUB, insecure="yes"),
                 "RegistryEndpoint.insecure", "yes", id="insecure-not-bool"),
    pytest.param(lambda: RegistryEndpoint(name="hub", type=RegistryType.DOCKER_HUB,
                                          description="mine [managed-by=me]"),
                 "RegistryEndpoint.description", "mine [managed-by=me]", id="description-with-reserved-marker"),
    pytest.param(lambda: RegistryCredential(access_key="someone", access_secret=TOKEN),
                 "RegistryCredential.access_key", "someone", id="credential-as-plain-text"),
    pytest.param(lambda: Project(name="My_Project"), "Project.name", "My_Project", id="project-name-upper-case"),
    pytest.param(lambda: Project(name="cache-"), "Project.name", "cache-", id="project-name-trailing-separator"),
    pytest.param(lambda: Project(name="a" * 256), "Project.name", "a" * 256, id="project-name-too-long"),
    pytest.param(lambda: Project(name="library", storage_quota=0), "Project.storage_quota", 0, id="quota-zero"),
    pytest.param(lambda: Project(name="library", storage_quota="50GB"), "Project.storage_quota", "50GB",
                 id="quota-bad-unit"),
    pytest.param(lambda: Project(name="library", storage_quota="0.5"), "Project.storage_quota", "0.5",
                 id="quota-fraction-of-a-byte"),
    pytest.param(lambda: Project(name="library", public="false"), "Project.public", "false", id="public-as-string"),
    pytest.param(lambda: ProxyCacheProject(name="hub", endpoint="dockerhub"), "ProxyCacheProject.endpoint",
                 "dockerhub", id="endpoint-by-name"),
    pytest.param(lambda: ProxyCacheProject(name="hub", endpoint=HUB, bandwidth_kbps=0),
                 "ProxyCacheProject.bandwidth_kbps", 0, id="bandwidth-zero"),
    pytest.param(lambda: ProxyCacheProject(name="hub", endpoint=HUB, max_upstream_connections=2**31),
                 "ProxyCacheProject.max_upstream_connections", 2**31, id="connections-beyond-int32"),
    pytest.param(lambda: ProjectPolicy(severity="high"), "ProjectPolicy.severity", "high", id="severity-as-string"),
    pytest.param(lambda: ProjectPolicy(auto_scan=1), "ProjectPolicy.auto_scan", 1, id="auto-scan-not-bool"),
    pytest.param(lambda: SystemSettings(scan_all_schedule="0 2 * * *"), "SystemSettings.scan_all_schedule",
                 "0 2 * * *", id="cron-five-fields"),
    pytest.param(lambda: SystemSettings(gc_schedule="0 0 25 * * *"), "SystemSettings.gc_schedule",
                 "0 0 25 * * *", id="cron-hour-25"),
    pytest.param(lambda: SystemSettings(gc_schedule="@daily"), "SystemSettings.gc_schedule", "@daily",
                 id="cron-descriptor"),
    # Harbor's ValidateCronString (src/common/utils/utils.go) wants the seconds field to be "0"
    pytest.param(lambda: SystemSettings(gc_schedule="15 0 3 * * 6"), "SystemSettings.gc_schedule",
                 "15 0 3 * * 6", id="cron-seconds-not-zero"),
    pytest.param(lambda: SystemSettings(scan_all_schedule="*/30 * * * * *"), "SystemSettings.scan_all_schedule",
                 "*/30 * * * * *", id="cron-every-30-seconds"),
    pytest.param(lambda: SystemSettings(scan_all_schedule="00 0 2 * * *"), "SystemSettings.scan_all_schedule",
                 "00 0 2 * * *", id="cron-seconds-00"),
    pytest.param(lambda: SystemSettings(gc_schedule="5  0 3 * * 6"), "SystemSettings.gc_schedule",
                 "5  0 3 * * 6", id="cron-seconds-not-zero-double-space"),
    # Harbor's GC handler: workers greater than 0 and at most 10 (validateWorkers, src/server/v2.0/handler/gc.go)
    pytest.param(lambda: SystemSettings(gc_schedule="0 0 3 * * 6", gc_workers=0), "SystemSettings.gc_workers", 0,
                 id="gc-workers-zero"),
    pytest.param(lambda: SystemSettings(gc_schedule="0 0 3 * * 6", gc_workers=11), "SystemSettings.gc_workers", 11,
                 id="gc-workers-above-ten"),
    pytest.param(lambda: SystemSettings(gc_schedule="0 0 3 * * 6", gc_workers="2"), "SystemSettings.gc_workers", "2",
                 id="gc-workers-as-string"),
    pytest.param(lambda: SystemSettings(gc_schedule="0 0 3 * * 6", gc_workers=True), "SystemSettings.gc_workers",
                 True, id="gc-workers-bool"),
    pytest.param(lambda: SystemSettings(gc_schedule="0 0 3 * * 6", gc_delete_untagged="yes"),
                 "SystemSettings.gc_delete_untagged", "yes", id="gc-delete-untagged-not-bool"),
    pytest.param(lambda: SystemSettings(gc_schedule="0 0 3 * * 6", gc_dry_run="no"), "SystemSettings.gc_dry_run",
                 "no", id="gc-dry-run-not-bool"),
    pytest.param(lambda: SystemSettings(gc_schedule="0 0 3 * * 6", gc_dry_run=True), "SystemSettings.gc_dry_run",
                 True, id="gc-dry-run-invisible-in-harbor"),
    pytest.param(lambda: SystemSettings(gc_workers=4), "SystemSettings.gc_schedule", None,
                 id="gc-parameters-without-schedule"),
    pytest.param(lambda: config(endpoints=(HUB, QUAY, GHCR, replace(QUAY, url="https://quay.example.com"))),
                 "HarborConfiguration.endpoints", "quay", id="duplicate-endpoint"),
    pytest.param(lambda: config(endpoints=(RegistryEndpoint(name="a-b", type=RegistryType.DOCKER_HUB),
                                           RegistryEndpoint(name="a.b", type=RegistryType.GITHUB_GHCR)),
                                projects=()),
                 "HarborConfiguration.endpoints", "a.b", id="endpoints-sharing-env-names"),
    pytest.param(lambda: config(projects=(Project(name="library"), Project(name="library", public=True))),
                 "HarborConfiguration.projects", "library", id="duplicate-project"),
    pytest.param(lambda: config(endpoints=(QUAY,)), "HarborConfiguration.projects['dockerhub'].endpoint",
                 "dockerhub", id="proxy-cache-of-undeclared-endpoint"),
    pytest.param(lambda: config(prune="yes"), "HarborConfiguration.prune", "yes", id="prune-not-bool"),
]


@pytest.mark.parametrize("build, field, value", BAD)
def test_bad_input_names_field_and_value(build, field, value):
    with pytest.raises(ValueError, match=re.escape(field)) as raised:
        build()
    assert repr(value) in str(raised.value)


def test_quay_type_points_at_docker_registry():
    with pytest.raises(ValueError, match=re.escape("Harbor 2.14 removed 'quay'")) as raised:
        RegistryEndpoint(name="quay", type="quay", url="https://quay.io")
    assert "RegistryType.DOCKER_REGISTRY" in str(raised.value)


# ---- good input ---------------------------------------------------------------------------------------

def test_well_known_upstreams_need_no_url_and_urls_lose_the_trailing_slash():
    assert HUB.url == "https://hub.docker.com" and GHCR.url == "https://ghcr.io"
    assert QUAY.url == "https://quay.io"


@pytest.mark.parametrize("url, stored", [
    ("https://quay.io", "https://quay.io"),
    ("https://quay.io//", "https://quay.io"),
    ("HTTPS://quay.io/", "https://quay.io"),
    ("Http://registry.lan:5000/v2/", "http://registry.lan:5000/v2"),
    ("https://mirror.example.com//cache", "https://mirror.example.com//cache"),
])
def test_registry_urls_are_spelt_as_harbor_stores_them(url, stored):
    """Scheme lower-cased, trailing slashes dropped, the rest kept: ValidateHTTPURL in src/lib/endpoint.go."""
    assert RegistryEndpoint(name="r", type=RegistryType.DOCKER_REGISTRY, url=url).url == stored


def test_a_url_with_user_info_points_at_the_credential():
    with pytest.raises(ValueError, match=re.escape("RegistryEndpoint.url")) as raised:
        RegistryEndpoint(name="quay", type=RegistryType.DOCKER_REGISTRY, url="https://robot@quay.io")
    assert "RegistryCredential" in str(raised.value)


@pytest.mark.parametrize("url", ["https://123456789012.dkr.ecr.eu-west-1.amazonaws.com",
                                 "https://api.ecr.us-east-1.amazonaws.com",
                                 "https://123456789012.dkr.ecr-fips.us-gov-west-1.amazonaws.com",
                                 "https://123456789012.dkr.ecr.cn-north-1.amazonaws.com.cn"])
def test_ecr_addresses_harbor_reads_a_region_from_are_accepted(url):
    ecr = RegistryEndpoint(name="ecr", type=RegistryType.AWS_ECR, url=url, credential=HUB.credential)
    assert ecr.url == url


def test_registry_type_accepts_its_string_value():
    assert RegistryEndpoint(name="k8s", type="docker-registry", url="https://registry.k8s.io").type \
        is RegistryType.DOCKER_REGISTRY


@pytest.mark.parametrize("quantity, expected", [
    (-1, -1), (1, 1), (1024, 1024), ("1", 1), ("50Gi", 50 * 2**30), ("1.5Ti", 3 * 2**39), ("100M", 10**8),
    ("2k", 2000), ("0.5Ki", 512),
])
def test_storage_quota_in_bytes(quantity, expected):
    assert storage_bytes("x", quantity) == expected
    assert Project(name="p", storage_quota=quantity).storage_limit == expected


@pytest.mark.parametrize("quantity", [2**50 + 1, "1025Ti", "2Pi", "1.1Pi", 2**63 - 1])
def test_a_storage_quota_above_harbors_1024_tib_is_refused(quantity):
    # Harbor answers 400 above 1125899906842624 bytes (src/lib/quota_storage_limit.go ValidateQuotaLimit)
    assert storage_bytes("x", "1024Ti") == storage_bytes("x", 2**50) == 2**50
    with pytest.raises(ValueError, match=r"Project\.storage_quota.*1024Ti"):
        Project(name="p", storage_quota=quantity)


@pytest.mark.parametrize("cron", [
    "0 0 2 * * *", "0 */15 * * * *", "0 0 3 * * 6", "0 0 3 * * SAT", "0 30 1 1,15 * ?", "0 0 0 1 JAN-MAR *",
    "0 0 0 * * 1-5",
])
def test_six_field_crons_are_accepted(cron):
    assert SystemSettings(scan_all_schedule=cron, gc_schedule=cron).gc_schedule == cron


def test_gc_parameters_default_to_harbors_ui_and_reach_the_document():
    default = SystemSettings(gc_schedule="0 0 3 * * 6")
    assert (default.gc_delete_untagged, default.gc_workers, default.gc_dry_run) == (True, 1, False)
    tuned = SystemSettings(gc_schedule="0 0 3 * * 6", gc_delete_untagged=False, gc_workers=10)
    assert tuned.document()["gc_parameters"] == {"delete_untagged": False, "workers": 10, "dry_run": False}


def test_a_dry_run_schedule_is_refused_with_the_reason():
    with pytest.raises(ValueError, match=re.escape("SystemSettings.gc_dry_run")) as raised:
        SystemSettings(gc_schedule="0 0 3 * * 6", gc_dry_run=True)
    assert "does not report dry_run" in str(raised.value) and "Dry run" in str(raised.value)


def test_a_cron_with_seconds_says_why():
    with pytest.raises(ValueError, match=re.escape("SystemSettings.gc_schedule")) as raised:
        SystemSettings(gc_schedule="30 0 3 * * 6")
    assert "seconds field is exactly '0'" in str(raised.value) and "'30'" in str(raised.value)


def test_registry_types_match_harbor_2_15_proxy_cache_list():
    """The enum is what core's PERMITTED_REGISTRY_TYPES_FOR_PROXY_CACHE allows in Harbor 2.15.1.

    Where ../shared has the chart facts, the list written above is also compared with them.
    """
    assert {t.value for t in RegistryType} == PROXY_CACHE_TYPES
    facts = upstream.shared_only("reference/harbor-chart-facts.md")
    if facts is not None:
        found = re.search(r"PERMITTED_REGISTRY_TYPES_FOR_PROXY_CACHE=([a-z,-]+)", facts.read_text())
        assert found, f"no PERMITTED_REGISTRY_TYPES_FOR_PROXY_CACHE in {facts}"
        assert set(filter(None, found.group(1).split(","))) == PROXY_CACHE_TYPES, f"{facts} says otherwise"


def test_registry_types_match_what_core_permits():
    core = pytest.importorskip("constructs.harbor._components.core")
    permitted = getattr(core, "PROXY_CACHE_REGISTRY_TYPES", None)
    if permitted is None:
        pytest.skip("components.core does not define PROXY_CACHE_REGISTRY_TYPES")
    assert {t.value for t in RegistryType} == set(permitted)


# ---- the document -------------------------------------------------------------------------------------------

def test_document_bytes_are_deterministic_and_independent_of_declaration_order():
    first = config().to_json()
    assert first == config().to_json()
    shuffled = config(endpoints=(GHCR, QUAY, HUB), projects=tuple(reversed(config().projects)))
    assert shuffled.to_json() == first
    assert first.endswith("\n")
    parsed = json.loads(first)
    assert json.dumps(parsed, indent=2, sort_keys=True) + "\n" == first


def test_document_names_credential_variables_not_values():
    text = config().to_json()
    document = json.loads(text)
    hub = next(r for r in document["registries"] if r["name"] == "dockerhub")
    assert hub["credential"] == {"access_key_env": "HARBOR_REGISTRY_DOCKERHUB_ACCESS_KEY",
                                 "access_secret_env": "HARBOR_REGISTRY_DOCKERHUB_ACCESS_SECRET"}
    assert next(r for r in document["registries"] if r["name"] == "quay")["credential"] is None
    # neither a value nor even where it lives: the Job's env wiring carries that
    for word in ("harbor-upstream", "DOCKERHUB_USER", "DOCKERHUB_TOKEN"):
        assert word not in text


def test_document_content():
    document = config(prune=True).to_json()
    parsed = json.loads(document)
    assert parsed["version"] == DOCUMENT_VERSION and parsed["prune"] is True
    assert [p["name"] for p in parsed["projects"]] == ["dockerhub", "library", "quay"]
    assert parsed["projects"][0] == {
        "name": "dockerhub", "public": True, "storage_limit": 50 * 2**30,
        "proxy_cache": {"registry": "dockerhub", "bandwidth_kbps": -1, "max_upstream_connections": -1},
        "policy": {"auto_scan": True, "prevent_vulnerable": False, "severity": "high",
                   "enable_content_trust_cosign": False, "auto_sbom_generation": False},
        "retention": None, "immutable_rules": None, "cve_allowlist": None}
    assert parsed["projects"][1]["proxy_cache"] is None
    assert parsed["system"] == {"scan_all_schedule": "0 0 2 * * *", "gc_schedule": None,
                                "gc_parameters": {"delete_untagged": True, "workers": 1, "dry_run": False},
                                "audit_log_purge": None}
    assert parsed["registries"][0] == {"name": "dockerhub", "type": "docker-hub", "url": "https://hub.docker.com",
                                       "insecure": False, "description": "", "credential": {
                                           "access_key_env": "HARBOR_REGISTRY_DOCKERHUB_ACCESS_KEY",
                                           "access_secret_env": "HARBOR_REGISTRY_DOCKERHUB_ACCESS_SECRET"}}


def test_credential_env_says_which_secret_key_fills_which_variable():
    assert config().credential_env == {"HARBOR_REGISTRY_DOCKERHUB_ACCESS_KEY": USER,
                                       "HARBOR_REGISTRY_DOCKERHUB_ACCESS_SECRET": TOKEN}
    env = config().credential_env_vars()
    assert [e.name for e in env] == ["HARBOR_REGISTRY_DOCKERHUB_ACCESS_KEY", "HARBOR_REGISTRY_DOCKERHUB_ACCESS_SECRET"]
    assert env[1].value_from.secret_key_ref.name == "harbor-upstream"
    assert env[1].value_from.secret_key_ref.key == "DOCKERHUB_TOKEN"


def test_the_script_reads_the_document_the_model_writes(tmp_path):
    """The applier's own loader, with every kind's check, accepts the model's output (imported here as a
    subpackage; its modules import each other relatively)."""
    path = tmp_path / "declaration.json"
    path.write_text(config(prune=True).to_json())
    assert declaration.load_declaration(str(path), main.KINDS) == json.loads(path.read_text())
    assert declaration.DOCUMENT_VERSION == DOCUMENT_VERSION


def test_declarations_are_frozen():
    with pytest.raises(AttributeError):
        HUB.url = "https://elsewhere"  # type: ignore[misc]
    assert isinstance(config().projects, tuple) and isinstance(config().endpoints, tuple)


def test_severity_values_are_harbors():
    assert [s.value for s in VulnerabilitySeverity] == ["low", "medium", "high", "critical"]
