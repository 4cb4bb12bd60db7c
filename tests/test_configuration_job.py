"""HarborConfigurationJob: the PostSync Job, its ConfigMap, and the shipped applier run against a fake Harbor."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path, PurePosixPath

import cdk8s
import pytest
import upstream
from conftest import synth
from support import SECRETS_PATH, harbor_site

from constructs.harbor._components.checksum import checksum
from constructs.harbor.configuration import (
    ConfigurationSettings,
    HarborConfiguration,
    LdapAuthentication,
    OidcAuthentication,
    Project,
    ProxyCacheProject,
    RegistryCredential,
    RegistryEndpoint,
    RegistryType,
)
from constructs.harbor.configuration._shipping import DOCUMENT_NAME, applier_dir, applier_files
from constructs.harbor.configuration.job import HarborConfigurationJob
from constructs.harbor.kit import BaoKey, InternetEgress, SyncedSecret, validation_errors
from constructs.harbor.kit.handles import ConfigMapKeyRef, SecretKeyRef

# bravado-core still calls jsonschema's deprecated resolver API, once per validated schema
pytestmark = pytest.mark.filterwarnings("ignore:Accessing Validator.resolver is deprecated:DeprecationWarning")

def build(ca_bundle=None, **job_props):
    """`ca_bundle`: a KeyRef, or a function of the sync that returns one (for a synced Secret key)."""
    upstream = SyncedSecret("harbor-upstream", keys={
        "DOCKERHUB_USER": BaoKey(path=SECRETS_PATH, key="DOCKERHUB_USER"),
        "DOCKERHUB_TOKEN": BaoKey(path=SECRETS_PATH, key="DOCKERHUB_TOKEN")})
    # synced only when the Job reads it: the sync refuses a Secret no pod reads
    private_ca = [SyncedSecret("harbor-private-ca", keys={"ca.crt": BaoKey(path="secret/data/pki", key="ca")})] \
        if callable(ca_bundle) else []
    site = harbor_site(extra_secrets=[upstream, *private_ca])
    sync = site.sync
    if callable(ca_bundle):
        job_props["ca_bundle"] = ca_bundle(sync)
    elif ca_bundle is not None:
        job_props["ca_bundle"] = ca_bundle
    dockerhub = RegistryEndpoint(name="dockerhub", type=RegistryType.DOCKER_HUB, credential=RegistryCredential(
        access_key=sync.key("harbor-upstream", "DOCKERHUB_USER"),
        access_secret=sync.key("harbor-upstream", "DOCKERHUB_TOKEN")))
    configuration = HarborConfiguration(endpoints=(dockerhub,), projects=(
        ProxyCacheProject(name="dockerhub", endpoint=dockerhub, public=True), Project(name="library")))
    job = HarborConfigurationJob(site.chart, "configure", harbor=site.harbor, configuration=configuration, **job_props)
    return site.chart, job, configuration


@pytest.fixture(scope="module")
def built():
    chart, _job, configuration = build()
    return synth(chart), configuration


def test_job_is_a_post_sync_hook_replaced_on_each_sync(built):
    manifests, _ = built
    job = manifests.get("Job", "harbor-configure").obj
    assert job["metadata"]["annotations"] == {"argocd.argoproj.io/hook": "PostSync",
                                              "argocd.argoproj.io/hook-delete-policy": "BeforeHookCreation"}
    assert job["spec"]["backoffLimit"] == 2
    assert job["spec"]["ttlSecondsAfterFinished"] == 86400
    assert job["spec"]["activeDeadlineSeconds"] > 900
    assert job["spec"]["template"]["spec"]["restartPolicy"] == "Never"


def config_files(manifests) -> dict[str, str]:
    """The Job's config volume as the pod sees it: path in the mount -> text, from the ConfigMap's data
    and the volume's items (which project only the keys they list, each at its path)."""
    data = manifests.get("ConfigMap", "harbor-configure").obj["data"]
    spec = manifests.get("Job", "harbor-configure").obj["spec"]["template"]["spec"]
    (volume,) = [v for v in spec["volumes"] if v["name"] == "config"]
    assert volume["configMap"]["name"] == "harbor-configure"
    items = volume["configMap"]["items"]
    assert sorted(i["key"] for i in items) == sorted(data), "every key of the ConfigMap is projected, once"
    return {item["path"]: data[item["key"]] for item in items}


def mount(files: dict[str, str], root: Path) -> Path:
    """Write `files` as the kubelet does a ConfigMap volume: into a timestamped folder that `..data`
    points at, each top-level entry a symlink through `..data`; returns the mount point."""
    version = root / "..2025_01_01_00_00_00.000000000"
    for path, text in files.items():
        target = version / PurePosixPath(path)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    (root / "..data").symlink_to(version.name)
    for entry in {PurePosixPath(path).parts[0] for path in files}:
        (root / entry).symlink_to(f"..data/{entry}")
    return root


def test_config_map_ships_the_exact_applier_and_the_declaration(built):
    manifests, configuration = built
    files = config_files(manifests)
    assert files == {**applier_files(), DOCUMENT_NAME: configuration.to_json()}
    assert "dckr" not in files[DOCUMENT_NAME]


def test_every_module_of_the_applier_is_shipped(built):
    """Each .py under the applier's folder, subfolders included, reaches the pod at its place, unchanged."""
    manifests, _ = built
    files = config_files(manifests)
    modules = {path.relative_to(applier_dir().parent).as_posix(): path.read_text(encoding="utf-8")
               for path in applier_dir().rglob("*.py") if "__pycache__" not in path.parts}
    assert {"applier/__main__.py", "applier/__init__.py", "applier/main.py"} <= set(modules)
    missing = sorted(set(modules) - set(files))
    assert not missing, f"modules the ConfigMap does not ship: {missing}"
    assert {path: files[path] for path in modules} == modules
    assert set(files) - set(modules) == {DOCUMENT_NAME}


def test_the_pod_rolls_when_any_shipped_file_changes(built):
    """The pod template's checksum is that of the whole ConfigMap, every module included: a change to any
    one rolls out a new pod (a checksum of one file would let the others change unnoticed)."""
    manifests, _ = built
    data = manifests.get("ConfigMap", "harbor-configure").obj["data"]
    annotations = manifests.get("Job", "harbor-configure").obj["spec"]["template"]["metadata"]["annotations"]
    assert annotations["checksum/config"] == checksum(data)
    assert checksum({**data, "applier.client.py": data["applier.client.py"] + "# changed\n"}) != checksum(data)


def test_environment_points_at_core_with_the_synced_admin_password_and_credentials(built):
    manifests, _ = built
    (container,) = manifests.get("Job", "harbor-configure").obj["spec"]["template"]["spec"]["containers"]
    env = {e["name"]: e for e in container["env"]}
    assert env["HARBOR_URL"]["value"] == "http://harbor-core:80"
    assert env["HARBOR_CONFIG_FILE"]["value"] == f"/config/{DOCUMENT_NAME}"
    assert env["HARBOR_ADMIN_PASSWORD"]["valueFrom"]["secretKeyRef"] == {"name": "harbor-admin",
                                                                         "key": "HARBOR_ADMIN_PASSWORD"}
    assert env["HARBOR_REGISTRY_DOCKERHUB_ACCESS_SECRET"]["valueFrom"]["secretKeyRef"] == {
        "name": "harbor-upstream", "key": "DOCKERHUB_TOKEN"}
    assert container["command"] == ["python3", "-I", "/config/applier"]
    assert {"name": "config", "mountPath": "/config", "readOnly": True} in container["volumeMounts"]
    assert container["image"].startswith("docker.io/library/python:3.13")


def test_job_pod_is_restricted(built):
    manifests, _ = built
    spec = manifests.get("Job", "harbor-configure").obj["spec"]["template"]["spec"]
    (container,) = spec["containers"]
    assert spec["securityContext"]["runAsNonRoot"] is True
    assert spec["automountServiceAccountToken"] is False
    security = container["securityContext"]
    assert security["readOnlyRootFilesystem"] is True and security["allowPrivilegeEscalation"] is False
    assert security["capabilities"] == {"drop": ["ALL"]}
    assert container["resources"]["limits"] and container["resources"]["requests"]


@pytest.mark.parametrize("props, field", [
    ({"health_deadline_seconds": 5}, "HarborConfigurationJob.health_deadline_seconds"),
    ({"backoff_limit": -1}, "HarborConfigurationJob.backoff_limit"),
    ({"ttl_seconds_after_finished": -5}, "HarborConfigurationJob.ttl_seconds_after_finished"),
])
def test_bad_job_settings(props, field):
    with pytest.raises(ValueError, match=field):
        build(**props)


def job_pod(chart) -> dict:
    return synth(chart).get("Job", "harbor-configure").obj["spec"]["template"]["spec"]


def test_without_a_ca_bundle_the_job_trusts_the_system_cas(built):
    manifests, _ = built
    spec = manifests.get("Job", "harbor-configure").obj["spec"]["template"]["spec"]
    (container,) = spec["containers"]
    assert "HARBOR_CA_FILE" not in {e["name"] for e in container["env"]}
    assert [v["name"] for v in spec["volumes"]] == ["config"]


@pytest.mark.parametrize("ca_bundle, source", [
    (ConfigMapKeyRef(config_map="homelab-ca", key="bundle.pem"),
     {"configMap": {"name": "homelab-ca", "defaultMode": 0o444, "items": [{"key": "bundle.pem", "path": "ca.crt"}]}}),
    (lambda sync: sync.key("harbor-private-ca", "ca.crt"),
     {"secret": {"secretName": "harbor-private-ca", "defaultMode": 0o444,
                 "items": [{"key": "ca.crt", "path": "ca.crt"}]}}),
], ids=["config-map", "synced-secret"])
def test_a_ca_bundle_is_mounted_read_only_and_named_by_harbor_ca_file(ca_bundle, source):
    chart, _, _ = build(ca_bundle=ca_bundle)
    spec = job_pod(chart)
    (container,) = spec["containers"]
    env = {e["name"]: e.get("value") for e in container["env"]}
    assert env["HARBOR_CA_FILE"] == "/etc/harbor-ca/ca.crt"
    assert {"name": "ca-bundle", "mountPath": "/etc/harbor-ca", "readOnly": True} in container["volumeMounts"]
    (volume,) = [v for v in spec["volumes"] if v["name"] == "ca-bundle"]
    assert volume == {"name": "ca-bundle", **source}


@pytest.mark.parametrize("ca_bundle", ["homelab-ca", {"config_map": "homelab-ca", "key": "ca.crt"}])
def test_a_ca_bundle_must_be_a_key_ref(ca_bundle):
    with pytest.raises(ValueError, match=re.escape("HarborConfigurationJob.ca_bundle")):
        build(ca_bundle=ca_bundle)


def test_a_ca_bundle_from_a_secret_nothing_produces_fails_synthesis():
    chart, _, _ = build(ca_bundle=SecretKeyRef(secret="made-by-hand", key="ca.crt"))
    with pytest.raises(Exception, match="made-by-hand"):
        cdk8s.Testing.synth(chart)


def test_the_shipped_applier_runs_against_a_fake_harbor(built, tmp_path: Path):
    """The bytes in the ConfigMap, laid out by the volume's items, not the repository's files, configure
    Harbor, run by the Job's own command; a second run writes nothing."""
    fake_harbor = pytest.importorskip("fake_harbor")
    if fake_harbor.SWAGGER is None:
        pytest.skip(upstream.missing("Harbor's API definition, which the fake Harbor validates against"))
    manifests, _ = built
    root = mount(config_files(manifests), tmp_path / "config")
    (container,) = manifests.get("Job", "harbor-configure").obj["spec"]["template"]["spec"]["containers"]
    (config_mount,) = [m["mountPath"] for m in container["volumeMounts"] if m["name"] == "config"]
    python, *arguments = container["command"]
    assert python == "python3"
    command = [sys.executable, *(str(root) + a[len(config_mount):] if a.startswith(config_mount + "/") else a
                                 for a in arguments)]
    with fake_harbor.FakeHarbor(password="S3cret-admin") as harbor:
        env = {"PATH": os.environ.get("PATH", ""), "HARBOR_URL": harbor.url, "HARBOR_ADMIN_PASSWORD": "S3cret-admin",
               "HARBOR_CONFIG_FILE": str(root / DOCUMENT_NAME), "HARBOR_HEALTH_DEADLINE_SECONDS": "10",
               "HARBOR_REGISTRY_DOCKERHUB_ACCESS_KEY": "homelab", "HARBOR_REGISTRY_DOCKERHUB_ACCESS_SECRET": "token",
               "HARBOR_RETRY_DELAY_SECONDS": "0.01"}
        first = subprocess.run(command, env=env, capture_output=True, text=True, timeout=60)
        assert first.returncode == 0, first.stdout + first.stderr
        assert "created project dockerhub" in first.stdout
        assert harbor.project("dockerhub") is not None and harbor.registry("dockerhub") is not None
        harbor.reset_counts()
        second = subprocess.run(command, env=env, capture_output=True, text=True, timeout=60)
        assert second.returncode == 0, second.stdout + second.stderr
        assert harbor.writes == []
        assert harbor.violations == []


def test_homelab_declares_the_four_proxy_caches_and_a_private_scanned_library(manifests):
    document = json.loads(manifests.get("ConfigMap", "harbor-configure").obj["data"][DOCUMENT_NAME])
    registries = {r["name"]: (r["type"], r["url"]) for r in document["registries"]}
    assert registries == {
        "docker-hub": ("docker-hub", "https://hub.docker.com"),
        "ghcr": ("github-ghcr", "https://ghcr.io"),
        "quay": ("docker-registry", "https://quay.io"),
        "registry-k8s-io": ("docker-registry", "https://registry.k8s.io"),
    }
    projects = {p["name"]: p for p in document["projects"]}
    caches = {name: p["proxy_cache"]["registry"] for name, p in projects.items() if p["proxy_cache"]}
    assert caches == {"dockerhub": "docker-hub", "ghcr": "ghcr", "quay": "quay", "k8s": "registry-k8s-io"}
    library = projects["library"]
    assert library["proxy_cache"] is None and library["public"] is False
    assert library["policy"]["auto_scan"] is True
    assert all(p["policy"]["auto_scan"] for p in projects.values())
    job = manifests.get("Job", "harbor-configure").obj
    assert job["metadata"]["annotations"]["argocd.argoproj.io/hook"] == "PostSync"


# ---- what core dials for the declaration: its NetworkPolicy must let it (configuration/upstreams.py) ----

LDAP = LdapAuthentication(url="ldaps://ldap.example.com", base_dn="dc=example,dc=com")


def upstream_problems(configuration: HarborConfiguration, **harbor_props) -> list[str]:
    site = harbor_site(default_deny=True, **harbor_props)
    HarborConfigurationJob(site.chart, "configure", harbor=site.harbor, configuration=configuration)
    return [p for p in validation_errors(site.app) if "makes Harbor core dial" in p]


def test_ldap_on_a_port_core_may_not_use_fails_synthesis() -> None:
    # ldaps:// without a port is 636 (src/pkg/ldap/ldap.go formatURL); InternetEgress() allows 80 and 443
    (problem,) = upstream_problems(HarborConfiguration(authentication=LDAP))
    assert "LdapAuthentication.url" in problem and "ldap.example.com:636" in problem and "InternetEgress" in problem


def test_the_port_opened_in_internet_egress_clears_it() -> None:
    assert upstream_problems(HarborConfiguration(authentication=LDAP),
                             internet_egress=InternetEgress(ports=(80, 443, 636))) == []


def test_a_private_address_stays_refused_with_its_port_open() -> None:
    settings = ConfigurationSettings(audit_log_forward_endpoint="10.1.2.3:514")
    (problem,) = upstream_problems(HarborConfiguration(settings=settings),
                                   internet_egress=InternetEgress(ports=(80, 443, 514)))
    assert "audit_log_forward_endpoint" in problem and "refuses for 10.1.2.3" in problem


def test_registries_and_an_oidc_provider_on_https_pass_and_in_cluster_names_are_not_judged() -> None:
    configuration = HarborConfiguration(
        endpoints=(RegistryEndpoint(name="quay", type=RegistryType.DOCKER_REGISTRY, url="https://quay.io"),),
        authentication=OidcAuthentication(name="Dex", endpoint="https://dex.example.com", client_id="harbor",
                                          client_secret=SecretKeyRef(secret="harbor-oidc", key="client-secret")),
        settings=ConfigurationSettings(audit_log_forward_endpoint="vector.logging.svc:514"))
    assert upstream_problems(configuration, extra_secrets=[SyncedSecret("harbor-oidc", keys={
        "client-secret": BaoKey(path="secret/data/harbor-oidc", key="client-secret")})]) == []
