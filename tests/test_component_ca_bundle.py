"""HarborRegistry.ca_bundle: a private CA bundle in every Go binary that dials out, nowhere else.

Harbor's images append /harbor_cust_cert/*.crt to the system bundle in install_cert.sh, which a
read-only root forbids (and which this library never runs); instead the bundle is mounted in a
directory of its own and SSL_CERT_DIR names it (components/base.py CA_BUNDLE_DIR says why that
adds to the system's CAs rather than replacing them).
"""

from __future__ import annotations

import pytest
from conftest import container_named
from support import SECRETS_PATH, HarborSite, harbor_site, objects, pod_of

from constructs.harbor._components.connections import CA_BUNDLE_DIR, CA_BUNDLE_FILE
from constructs.harbor.kit import SecretKeyRef, SyncedSecret, validation_errors
from constructs.harbor.kit.handles import ConfigMapKeyRef
from constructs.harbor.kit.openbao import BaoKey

CA_SECRET = SyncedSecret("harbor-ca", keys={"ca.crt": BaoKey(path=SECRETS_PATH, key="CA_BUNDLE")})
FROM_SECRET = SecretKeyRef(secret="harbor-ca", key="ca.crt")
FROM_CONFIG_MAP = ConfigMapKeyRef(config_map="private-cas", key="bundle.pem")

# (workload kind, name, container): the containers whose binaries dial TLS endpoints
TRUSTING = [
    ("Deployment", "harbor-core", "core"),
    ("Deployment", "harbor-jobservice", "jobservice"),
    ("Deployment", "harbor-registry", "registry"),
    ("Deployment", "harbor-registry", "registryctl"),
    ("StatefulSet", "harbor-trivy", "trivy"),
]


def site(ca_bundle=None, *, synced: bool | None = None) -> HarborSite:
    """A small site; the CA's Secret is synced when the bundle comes from it, unless `synced` says."""
    synced = isinstance(ca_bundle, SecretKeyRef) if synced is None else synced
    return harbor_site(extra_secrets=[CA_SECRET] if synced else [], ca_bundle=ca_bundle)


def workloads(site: HarborSite) -> list[dict]:
    return [m for m in objects(site.chart) if m["kind"] in ("Deployment", "StatefulSet")]


@pytest.fixture(scope="module")
def plain() -> list[dict]:
    return workloads(site())


@pytest.fixture(scope="module", params=[FROM_SECRET, FROM_CONFIG_MAP], ids=["secret", "config-map"])
def trusting(request: pytest.FixtureRequest) -> tuple[object, list[dict]]:
    return request.param, workloads(site(request.param))


@pytest.mark.parametrize(("kind", "name", "container"), TRUSTING)
def test_the_bundle_is_mounted_read_only_and_named_by_ssl_cert_dir(trusting, kind: str, name: str,
                                                                    container: str) -> None:
    ref, manifests = trusting
    pod = pod_of(manifests, kind, name)
    c = container_named(pod, container)
    mounts = [m for m in c["volumeMounts"] if m["mountPath"] == CA_BUNDLE_DIR]
    assert len(mounts) == 1, f"{name}/{container} does not mount {CA_BUNDLE_DIR}: {c['volumeMounts']}"
    (mount,) = mounts
    # the whole directory, not a subPath: the kubelet then updates the file when the bundle changes
    assert mount.get("readOnly") is True and "subPath" not in mount
    (volume,) = [v for v in pod["volumes"] if v["name"] == mount["name"]]
    if isinstance(ref, SecretKeyRef):
        source = volume["secret"]
        assert source["secretName"] == ref.secret
    else:
        source = volume["configMap"]
        assert source["name"] == ref.config_map
    assert source["items"] == [{"key": ref.key, "path": CA_BUNDLE_FILE}]
    assert source["defaultMode"] == 0o444
    env = {e["name"]: e for e in c["env"]}
    assert env["SSL_CERT_DIR"] == {"name": "SSL_CERT_DIR", "value": CA_BUNDLE_DIR}


def test_other_pods_get_nothing(trusting) -> None:
    _, manifests = trusting
    wanted = {(kind, name) for kind, name, _ in TRUSTING}
    for m in manifests:
        if (m["kind"], m["metadata"]["name"]) in wanted:
            continue
        spec = m["spec"]["template"]["spec"]
        for c in [*spec.get("initContainers", []), *spec["containers"]]:
            assert "SSL_CERT_DIR" not in {e["name"] for e in c.get("env", [])}, m["metadata"]["name"]
            assert CA_BUNDLE_DIR not in {v["mountPath"] for v in c.get("volumeMounts", [])}, m["metadata"]["name"]


def test_without_a_bundle_nothing_changes(plain) -> None:
    for m in plain:
        spec = m["spec"]["template"]["spec"]
        assert "ca-bundle" not in {v["name"] for v in spec.get("volumes") or []}, m["metadata"]["name"]
        for c in spec["containers"]:
            assert "SSL_CERT_DIR" not in {e["name"] for e in c.get("env", [])}, m["metadata"]["name"]


def test_the_bundle_adds_only_its_volume_mount_and_variable(plain, trusting) -> None:
    _, manifests = trusting
    for kind, name, container in TRUSTING:
        before, after = container_named(pod_of(plain, kind, name), container), \
            container_named(pod_of(manifests, kind, name), container)
        assert [e for e in after["env"] if e["name"] != "SSL_CERT_DIR"] == before["env"]
        assert [v for v in after["volumeMounts"] if v["mountPath"] != CA_BUNDLE_DIR] == before["volumeMounts"]


def test_a_secret_bundle_nobody_syncs_fails_the_synth() -> None:
    errors = validation_errors(site(FROM_SECRET, synced=False).app)
    assert any("Secret 'harbor-ca' key 'ca.crt'" in e for e in errors), errors


@pytest.mark.parametrize("bad", [
    "harbor-ca",
    {"secret": "harbor-ca", "key": "ca.crt"},
    CA_SECRET,
], ids=["name", "dict", "synced-secret"])
def test_a_bundle_that_is_not_a_key_ref_is_refused(bad) -> None:
    with pytest.raises(ValueError, match=r"HarborRegistry\.ca_bundle must be a SecretKeyRef .* or a ConfigMapKeyRef"):
        site(bad)
