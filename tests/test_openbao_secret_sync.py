"""OpenBaoSecretSync: the SecretProviderClass, its pause Deployment and ServiceAccount, the hand-outs,
and the OpenBao side (policy, role, kv template) derived from the same objects."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from dataclasses import replace

import cdk8s
import pytest
from cdk8s_plus_27 import k8s
from conftest import REPO, Manifests, synth
from fast_yaml import load_yaml
from support import APP_NAMESPACE, SERVER

import main
from constructs.harbor.kit import (
    AppChart,
    BaoKey,
    OpenBaoSecretSync,
    OpenBaoServer,
    SecretKeyRef,
    SecretType,
    SyncedSecret,
    setup_commands,
    setup_script,
)
from constructs.harbor.kit.images import PAUSE_IMAGE

ADMIN = BaoKey(path="secret/data/app", key="admin-password")
TOKEN = BaoKey(path="secret/data/app", key="token")
CSI_DRIVER = "secrets-store.csi.k8s.io"


def make_sync(app: cdk8s.App, *, secrets=None, server: OpenBaoServer = SERVER, role: str = "app",
              name: str = "app-secrets", **kwargs) -> tuple[AppChart, OpenBaoSecretSync]:
    chart = AppChart(app, "test", namespace=APP_NAMESPACE)
    secrets = secrets if secrets is not None else [SyncedSecret("app-admin", keys={"ADMIN_PASSWORD": ADMIN})]
    sync = OpenBaoSecretSync(chart, "sync", name=name, server=server, role=role, secrets=secrets, **kwargs)
    return chart, sync


def provider_class(out: Manifests, name: str = "app-secrets") -> dict:
    return out.get("SecretProviderClass", name, APP_NAMESPACE).obj


def parsed_objects(spc: dict) -> list[dict]:
    return load_yaml(spc["spec"]["parameters"]["objects"])


def object_sources(spc: dict) -> dict[str, tuple[str, str]]:
    """objectName -> (secretPath, secretKey), failing on a duplicate objectName."""
    objects = parsed_objects(spc)
    names = [o["objectName"] for o in objects]
    assert len(names) == len(set(names)), f"duplicate objectName in {names}"
    return {o["objectName"]: (o["secretPath"], o["secretKey"]) for o in objects}


def secret_object(spc: dict, secret: str) -> dict:
    found = [s for s in spc["spec"]["secretObjects"] if s["secretName"] == secret]
    assert len(found) == 1, f"secretObjects for {secret!r}: {found}"
    return found[0]


def data_map(spc: dict, secret: str) -> dict[str, str]:
    """Secret key -> objectName for one synced Secret."""
    return {d["key"]: d["objectName"] for d in secret_object(spc, secret)["data"]}


def resolved(spc: dict, secret: str) -> dict[str, tuple[str, str]]:
    """Secret key -> (OpenBao path, field), following objectName through the objects parameter."""
    sources = object_sources(spc)
    return {key: sources[object_name] for key, object_name in data_map(spc, secret).items()}


# ---- SecretProviderClass ---------------------------------------------------------------------

def test_provider_and_parameters(app: cdk8s.App) -> None:
    server = replace(SERVER, auth_mount_path="k8s-homelab", audience="openbao")
    chart, _ = make_sync(app, server=server, role="app-reader")
    spc = provider_class(synth(chart))
    assert spc["spec"]["provider"] == "openbao"
    parameters = spc["spec"]["parameters"]
    assert parameters["openbaoAddress"] == SERVER.address
    assert parameters["roleName"] == "app-reader"
    assert parameters["openbaoAuthMountPath"] == "k8s-homelab"
    assert parameters["audience"] == "openbao"
    # the Vault-provider spelling, where written, must say the same
    assert parameters.get("vaultAddress", server.address) == server.address
    assert parameters.get("vaultAuthMountPath", "k8s-homelab") == "k8s-homelab"
    assert all(isinstance(value, str) for value in parameters.values()), "CSI parameters are strings"
    assert parsed_objects(spc) == [{"objectName": "admin-password", "secretPath": "secret/data/app",
                                    "secretKey": "admin-password"}]


def test_audience_absent_unless_given(app: cdk8s.App) -> None:
    chart, _ = make_sync(app)
    assert "audience" not in provider_class(synth(chart))["spec"]["parameters"]


def test_default_auth_mount_path(app: cdk8s.App) -> None:
    chart, _ = make_sync(app)
    assert provider_class(synth(chart))["spec"]["parameters"]["openbaoAuthMountPath"] == "kubernetes"


def test_secret_objects(app: cdk8s.App) -> None:
    chart, _ = make_sync(app, secrets=[
        SyncedSecret("app-admin", keys={"ADMIN_PASSWORD": ADMIN}),
        SyncedSecret("app-tls", type=SecretType.TLS, keys={
            "tls.crt": BaoKey(path="secret/data/tls", key="crt"),
            "tls.key": BaoKey(path="secret/data/tls", key="key")}),
    ])
    spc = provider_class(synth(chart))
    assert sorted(s["secretName"] for s in spc["spec"]["secretObjects"]) == ["app-admin", "app-tls"]
    assert secret_object(spc, "app-admin")["type"] == "Opaque"
    assert secret_object(spc, "app-tls")["type"] == "kubernetes.io/tls"
    assert resolved(spc, "app-admin") == {"ADMIN_PASSWORD": ("secret/data/app", "admin-password")}
    assert resolved(spc, "app-tls") == {"tls.crt": ("secret/data/tls", "crt"), "tls.key": ("secret/data/tls", "key")}


def test_secret_key_differs_from_openbao_field(app: cdk8s.App) -> None:
    source = BaoKey(path="secret/data/db", key="db-pass")
    chart, _ = make_sync(app, secrets=[SyncedSecret("db", keys={"password": source})])
    spc = provider_class(synth(chart))
    assert list(data_map(spc, "db")) == ["password"]
    assert resolved(spc, "db") == {"password": ("secret/data/db", "db-pass")}


def test_key_used_twice_is_fetched_once(app: cdk8s.App) -> None:
    chart, _ = make_sync(app, secrets=[
        SyncedSecret("one", keys={"A": ADMIN, "B": ADMIN}),
        SyncedSecret("two", keys={"C": ADMIN, "D": TOKEN}),
    ])
    spc = provider_class(synth(chart))
    fetched = [(o["secretPath"], o["secretKey"]) for o in parsed_objects(spc)]
    assert sorted(fetched) == [("secret/data/app", "admin-password"), ("secret/data/app", "token")]
    assert resolved(spc, "one") == {"A": ("secret/data/app", "admin-password"),
                                    "B": ("secret/data/app", "admin-password")}
    assert resolved(spc, "two") == {"C": ("secret/data/app", "admin-password"), "D": ("secret/data/app", "token")}


def test_same_field_on_two_paths_gets_distinct_object_names(app: cdk8s.App) -> None:
    first, second = BaoKey(path="secret/data/a", key="password"), BaoKey(path="secret/data/b", key="password")
    chart, _ = make_sync(app, secrets=[SyncedSecret("both", keys={"FIRST": first, "SECOND": second})])
    spc = provider_class(synth(chart))
    names = data_map(spc, "both")
    assert names["FIRST"] != names["SECOND"]
    assert resolved(spc, "both") == {"FIRST": ("secret/data/a", "password"), "SECOND": ("secret/data/b", "password")}


@pytest.mark.parametrize("sources", [
    # a path folded into the object name can equal another folded path ...
    (BaoKey(path="a/b_c", key="k"), BaoKey(path="a_b/c", key="k")),
    # ... or a field that is unique and so keeps its plain name
    (BaoKey(path="secret/data/a", key="k"), BaoKey(path="secret/data/b", key="k"),
     BaoKey(path="x", key="secret_data_a_k")),
], ids=["folded-paths-collide", "folded-path-equals-field"])
def test_object_names_are_unique(app: cdk8s.App, sources: tuple[BaoKey, ...]) -> None:
    # one objectName is one file in the CSI mount: two sources sharing it would fill a Secret key
    # with the other source's value
    keys = {f"K{i}": source for i, source in enumerate(sources)}
    chart, _ = make_sync(app, secrets=[SyncedSecret("many", keys=keys)])
    spc = provider_class(synth(chart))
    assert resolved(spc, "many") == {key: (source.path, source.key) for key, source in keys.items()}


def test_output_does_not_depend_on_key_order(app: cdk8s.App) -> None:
    chart, _ = make_sync(app, secrets=[SyncedSecret("s", keys={"B": TOKEN, "A": ADMIN})])
    chart2, _ = make_sync(cdk8s.Testing.app(), secrets=[SyncedSecret("s", keys={"A": ADMIN, "B": TOKEN})])
    assert cdk8s.Testing.synth(chart) == cdk8s.Testing.synth(chart2)


def test_no_secret_material_or_secret_objects(app: cdk8s.App) -> None:
    chart, _ = make_sync(app)
    out = synth(chart)
    kinds = {m.kind for m in out}
    assert "Secret" not in kinds
    assert kinds >= {"Deployment", "Namespace", "SecretProviderClass", "ServiceAccount"}


# ---- pause Deployment and ServiceAccount --------------------------------------------------------

def mount_deployment(out: Manifests) -> dict:
    deployments = out.of_kind("Deployment")
    assert len(deployments) == 1, [str(d) for d in deployments]
    return deployments[0].obj


def test_pause_deployment_mounts_the_class(app: cdk8s.App) -> None:
    chart, _ = make_sync(app)
    out = synth(chart)
    spec = mount_deployment(out)["spec"]["template"]["spec"]
    csi = [v for v in spec["volumes"] if "csi" in v]
    assert len(csi) == 1
    volume = csi[0]
    assert volume["csi"]["driver"] == CSI_DRIVER
    assert volume["csi"]["readOnly"] is True
    assert volume["csi"]["volumeAttributes"] == {"secretProviderClass": "app-secrets"}
    (container,) = spec["containers"]
    mounts = [m for m in container["volumeMounts"] if m["name"] == volume["name"]]
    assert len(mounts) == 1 and mounts[0]["readOnly"] is True


def test_pause_deployment_is_pinned_and_restricted(app: cdk8s.App) -> None:
    chart, _ = make_sync(app)
    pod = mount_deployment(synth(chart))["spec"]["template"]["spec"]
    (container,) = pod["containers"]
    assert container["image"] == PAUSE_IMAGE
    assert re.fullmatch(r"registry\.k8s\.io/pause:\d+\.\d+", PAUSE_IMAGE)
    pod_sc, sc = pod.get("securityContext", {}), container.get("securityContext", {})
    assert sc.get("runAsNonRoot", pod_sc.get("runAsNonRoot")) is True
    assert sc.get("allowPrivilegeEscalation") is False
    assert sc.get("capabilities", {}).get("drop") == ["ALL"]
    assert not sc.get("capabilities", {}).get("add")
    assert sc.get("readOnlyRootFilesystem") is True
    assert sc.get("privileged") in (None, False)
    seccomp = sc.get("seccompProfile") or pod_sc.get("seccompProfile")
    assert seccomp == {"type": "RuntimeDefault"}
    resources = container["resources"]
    for section in ("requests", "limits"):
        assert set(resources.get(section, {})) >= {"cpu", "memory"}, f"{section}: {resources.get(section)}"


def test_service_account_is_the_pods(app: cdk8s.App) -> None:
    chart, sync = make_sync(app)
    out = synth(chart)
    pod = mount_deployment(out)["spec"]["template"]["spec"]
    account = out.get("ServiceAccount", pod["serviceAccountName"], APP_NAMESPACE)
    assert account.name == sync.service_account_name


def test_selector_matches_pod_labels(app: cdk8s.App) -> None:
    chart, _ = make_sync(app)
    deployment = mount_deployment(synth(chart))
    selector = deployment["spec"]["selector"]["matchLabels"]
    labels = deployment["spec"]["template"]["metadata"]["labels"]
    assert selector and all(labels.get(k) == v for k, v in selector.items())


# ---- hand-outs ---------------------------------------------------------------------------------------

def test_key_hands_out_secret_key_ref(app: cdk8s.App) -> None:
    chart, sync = make_sync(app)
    ref = sync.key("app-admin", "ADMIN_PASSWORD")
    assert ref == SecretKeyRef(secret="app-admin", key="ADMIN_PASSWORD")
    k8s.KubePod(chart, "consumer", metadata=k8s.ObjectMeta(name="consumer"), spec=k8s.PodSpec(containers=[
        k8s.Container(name="c", image="example.test/c:1.0", env=[ref.env_var("APP_PASSWORD")])]))
    pod = synth(chart).get("Pod", "consumer").obj
    assert pod["spec"]["containers"][0]["env"] == [
        {"name": "APP_PASSWORD", "valueFrom": {"secretKeyRef": {"name": "app-admin", "key": "ADMIN_PASSWORD"}}}]


def test_key_of_unknown_secret_raises(app: cdk8s.App) -> None:
    _, sync = make_sync(app)
    with pytest.raises(ValueError, match="key") as error:
        sync.key("app-nope", "ADMIN_PASSWORD")
    assert "'app-nope'" in str(error.value) and "app-admin" in str(error.value)


def test_key_of_unknown_key_raises(app: cdk8s.App) -> None:
    _, sync = make_sync(app)
    with pytest.raises(ValueError, match="key") as error:
        sync.key("app-admin", "NOPE")
    assert "'NOPE'" in str(error.value) and "'app-admin'" in str(error.value)


def test_reload_on_rotation(app: cdk8s.App) -> None:
    chart, sync = make_sync(app, reload_on_rotation=True)
    spc = provider_class(synth(chart))
    for secret in spc["spec"]["secretObjects"]:
        assert secret.get("annotations", {}).get("reloader.stakater.com/match") == "true"
    assert sync.reload_annotations == {"reloader.stakater.com/search": "true"}


def test_no_reload_by_default(app: cdk8s.App) -> None:
    chart, sync = make_sync(app)
    spc = provider_class(synth(chart))
    for secret in spc["spec"]["secretObjects"]:
        assert "reloader.stakater.com/match" not in (secret.get("annotations") or {})
    assert sync.reload_annotations == {}


# ---- the OpenBao side ----------------------------------------------------------------------------

def policy_paths(commands: str) -> list[str]:
    return re.findall(r'^path "([^"]+)"', commands, re.M)


def test_setup_commands(app: cdk8s.App) -> None:
    server = replace(SERVER, auth_mount_path="k8s-homelab")
    _, sync = make_sync(app, server=server, role="app-reader", secrets=[
        SyncedSecret("one", keys={"A": ADMIN, "B": TOKEN}),
        SyncedSecret("two", keys={"C": ADMIN, "D": BaoKey(path="secret/data/other", key="token")}),
    ])
    commands = setup_commands(sync)
    assert re.search(rf"^bao policy write {re.escape(sync.policy_name)} ", commands, re.M)
    assert sorted(policy_paths(commands)) == ["secret/data/app", "secret/data/other"]
    assert re.findall(r"capabilities\s*=\s*\[([^\]]*)\]", commands) == ['"read"', '"read"']
    role = re.search(r"^bao write auth/k8s-homelab/role/app-reader\b(.*?)(?=^\S)", commands + "\nEND", re.M | re.S)
    assert role, commands
    role_args = role.group(1)
    assert f"bound_service_account_names={sync.service_account_name}" in role_args
    assert f"bound_service_account_namespaces={APP_NAMESPACE}" in role_args
    assert f"token_policies={sync.policy_name}" in role_args
    # KV v2: `bao kv put` takes the path without its data/ segment, and names every key
    puts = dict(re.findall(r"^bao kv put (\S+)((?:.*\\\n)*.*)$", commands, re.M))
    assert set(puts) == {"secret/app", "secret/other"}
    assert "admin-password=" in puts["secret/app"] and "token=" in puts["secret/app"]
    assert "token=" in puts["secret/other"]
    assert "secret/data" not in "".join(puts)


@pytest.mark.parametrize("preset", [None, "https://bao.example.com:8200"], ids=["in-cluster", "operator-s"])
def test_setup_commands_reach_openbao_where_the_operator_says(app: cdk8s.App, tmp_path, preset) -> None:
    # the script runs where the operator is: their BAO_ADDR (a port-forward, an ingress) wins over the
    # in-cluster address the CSI provider uses, which resolves only inside the cluster
    _, sync = make_sync(app)
    recorder = tmp_path / "bin" / "bao"
    recorder.parent.mkdir()
    recorder.write_text('#!/bin/sh\ncat >/dev/null\necho "$BAO_ADDR $1" >> "$BAO_CALLS"\n')
    recorder.chmod(0o755)
    env = {"PATH": f"{recorder.parent}:/usr/bin:/bin", "BAO_CALLS": str(tmp_path / "calls")}
    if preset:
        env["BAO_ADDR"] = preset
    done = subprocess.run(["bash", "-e", "-c", setup_commands(sync, kv_template=False)], env=env,
                          stdin=subprocess.DEVNULL, capture_output=True, text=True, timeout=30)
    assert done.returncode == 0, done.stderr
    calls = (tmp_path / "calls").read_text().splitlines()
    assert calls == [f"{preset or SERVER.address} policy", f"{preset or SERVER.address} write"]


def test_setup_script_needs_a_sync(app: cdk8s.App) -> None:
    AppChart(app, "empty", namespace="empty")
    with pytest.raises(ValueError, match="OpenBaoSecretSync"):
        setup_script(app)


def dist_listing() -> dict[str, tuple[int, int]]:
    dist = REPO / "dist"
    return {str(p.relative_to(dist)): (p.stat().st_mtime_ns, p.stat().st_size) for p in sorted(dist.rglob("*"))}


def test_main_openbao_setup_prints_and_writes_nothing() -> None:
    before = dist_listing()
    top_before = sorted(p.name for p in REPO.iterdir())
    env = dict(os.environ, JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION="20")
    result = subprocess.run([sys.executable, "main.py", "openbao-setup"], cwd=REPO, env=env, capture_output=True,
                            text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    out = result.stdout
    syncs = [c for c in main.build(os.devnull).node.find_all() if isinstance(c, OpenBaoSecretSync)]
    assert syncs
    for sync in syncs:
        assert f"bao policy write {sync.policy_name} " in out
        assert set(policy_paths(out)) >= {s.path for s in sync.sources}
        assert f"bao write auth/{sync.server.auth_mount_path}/role/{sync.role} " in out
        assert f"bound_service_account_names={sync.service_account_name}" in out
        assert f"bound_service_account_namespaces={main.NAMESPACE}" in out
        for source in sync.sources:
            assert f"bao kv put {source.kv_path} " in out
            assert f"{source.key}=" in out
    assert "bao kv put secret/harbor " in out
    assert dist_listing() == before, "`main.py openbao-setup` changed dist/"
    assert sorted(p.name for p in REPO.iterdir()) == top_before, "`main.py openbao-setup` left files behind"
