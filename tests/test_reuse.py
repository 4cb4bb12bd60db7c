"""The library as another project uses it: built as a wheel, installed into a fresh virtual environment,
used by a small Grafana app outside this repository that has an `imports/` folder of its own.

This proves the packaging (every module and .jsii.tgz in the wheel, no __init__.py at namespace levels)
and that the namespace packages merge: `constructs` with PyPI's, and `imports` with the app's.
It installs the pinned runtime dependencies from the package index, so it is the one test that may
use the network. uv (a test dependency) builds the wheel and fills the venv: from its cache of
downloads that takes about a second, where pip took ten (it keeps no cache on this machine), so
every run gets a venv made afresh.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import textwrap
import zipfile
from pathlib import Path

import pytest
from conftest import CRDS, REPO, crd_errors, load_crd_schemas, load_manifests
from fast_yaml import load_yaml
from uv import find_uv_bin

# one worker builds the wheel and installs it once for both tests (conftest.ONE_WORKER_MODULES)
pytestmark = pytest.mark.slow

# what never belongs in a copy of the sources that the wheel is built from
NOT_SOURCES = shutil.ignore_patterns(".git", ".venv*", "node_modules", "dist", "build", "*.egg-info", "__pycache__",
                                     ".pytest_cache", "cdk8s.out", "tests", "bench", ".cache")

GRAFANA_APP = '''
"""A separate app: Grafana, its admin password from OpenBao, its route, a CloudNativePG database, and its
image pulled from Harbor's private `library` with the pull robot's credential (PullSecret)."""
import json
import os
import sys
from pathlib import Path

import bundled_node  # noqa: F401  (the installed distribution's helper: jsii uses the bundled Node)
import cdk8s  # noqa: E402
from cdk8s_plus_27 import k8s  # noqa: E402

import constructs.harbor.kit as kit  # noqa: E402  (the installed library's reusable kit)
import imports.io.k8s.networking.gateway as gateway_binding  # noqa: E402  (the library's binding)
from imports.io.cnpg import postgresql as cnpg  # noqa: E402  (this app's own binding)


def build(outdir: str) -> cdk8s.App:
    app = cdk8s.App(outdir=outdir, yaml_output_type=cdk8s.YamlOutputType.FILE_PER_RESOURCE)
    chart = kit.AppChart(app, "grafana", namespace="grafana")
    secrets = kit.OpenBaoSecretSync(
        chart, "secrets", name="grafana-secrets", role="grafana",
        server=kit.OpenBaoServer(address="http://openbao.openbao.svc.cluster.local:8200"),
        secrets=[kit.SyncedSecret("grafana-admin", keys={
            "ADMIN_PASSWORD": kit.BaoKey(path="secret/data/grafana", key="admin-password")})],
    )
    service = k8s.KubeService(
        chart, "service", metadata=k8s.ObjectMeta(name="grafana"),
        spec=k8s.ServiceSpec(selector={"app.kubernetes.io/name": "grafana"},
                             ports=[k8s.ServicePort(name="http", port=80,
                                                    target_port=k8s.IntOrString.from_number(3000))]),
    )
    kit.GatewayRoute(
        chart, "route", name="grafana", gateway=kit.GatewayRef(name="public", namespace="gateway"),
        hostnames=["grafana.example.com"],
        # the handle is read from the Service object: its name is typed once, above
        rules=[kit.RouteRule(backend=kit.ServicePort.of(service, "http"))],
    )
    cnpg.Cluster(chart, "database", metadata=cdk8s.ApiObjectMetadata(name="grafana-db"),
                 spec=cnpg.ClusterSpec(instances=1, storage=cnpg.ClusterSpecStorage(size="5Gi")))
    # the image is in Harbor's private `library`: the pull robot's .dockerconfigjson, which Harbor's
    # generate-secrets wrote beside the robot's secret, synced with a role that reads only that path
    pull = kit.PullSecret(chart, "harbor-pull", server=kit.OpenBaoServer(address="http://openbao.openbao.svc:8200"),
                          role="grafana-pull", dockerconfigjson=kit.BaoKey(
                              path="secret/data/harbor-robots/library-pull", key="dockerconfigjson"))
    labels = {"app.kubernetes.io/name": "grafana"}
    k8s.KubeDeployment(chart, "deployment", metadata=k8s.ObjectMeta(name="grafana"), spec=k8s.DeploymentSpec(
        selector=k8s.LabelSelector(match_labels=labels),
        template=k8s.PodTemplateSpec(metadata=k8s.ObjectMeta(labels=labels), spec=k8s.PodSpec(
            image_pull_secrets=[pull.image_pull_secret],
            containers=[k8s.Container(
                name="grafana", image="harbor.example.com/library/grafana:12.1.0",
                # the hand-out works from an installed copy too
                env=[secrets.key("grafana-admin", "ADMIN_PASSWORD").env_var("GF_SECURITY_ADMIN_PASSWORD")])]))))
    return app


written = kit.synthesize(build, Path("dist") / "grafana")
print(json.dumps({
    "written": [p.name for p in written],
    "harbor": kit.__file__,
    # the kit never loads the secret generator's dependencies, nor Harbor's own modules
    "loaded": sorted(m for m in sys.modules if m.split(".")[0] in ("bcrypt", "cryptography")
                     or m.startswith("constructs.harbor.") and not m.startswith("constructs.harbor.kit")),
    "gateway": gateway_binding.__file__,
    "cnpg": cnpg.__file__,
    "imports_path": list(__import__("imports").__path__),
}))
'''


def run(command: list[str], **kwargs) -> subprocess.CompletedProcess:
    result = subprocess.run(command, capture_output=True, text=True, **kwargs)
    assert result.returncode == 0, (f"{' '.join(map(str, command))} failed:\n"
                                    f"{result.stdout[-3000:]}\n{result.stderr[-3000:]}")
    return result


# the platform's certificate store, as pip here is configured to use, rather than uv's bundled roots
UV = [find_uv_bin(), "--system-certs"]


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    # built from a copy, so that setuptools' build/ and *.egg-info never land in the working tree;
    # in an isolated build environment, with the build-system requirements pyproject.toml names
    work = tmp_path_factory.mktemp("wheel")
    source = work / "src"
    shutil.copytree(REPO, source, ignore=NOT_SOURCES)
    run([*UV, "build", "--quiet", "--wheel", "--out-dir", str(work / "dist"), str(source)], timeout=300)
    (built,) = (work / "dist").glob("*.whl")
    return built


def test_wheel_holds_every_library_file(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    expected = {
        str(p.relative_to(REPO))
        for folder in ("constructs/harbor", "imports")
        for p in (REPO / folder).rglob("*")
        if p.is_file() and "__pycache__" not in p.parts and p.suffix != ".pyc"
    }
    missing = sorted(expected - names)
    assert not missing, f"the wheel misses {missing}: pyproject.toml's package-data must include them"
    assert any(name.endswith(".jsii.tgz") for name in names), "the wheel holds no .jsii.tgz of imports/"
    for namespace_init in ("constructs/__init__.py", "imports/__init__.py", "imports/io/__init__.py"):
        assert namespace_init not in names, f"the wheel ships {namespace_init}, which hides the other copies"


@pytest.fixture(scope="module")
def venv(wheel: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A plain venv made afresh (nothing of this environment or the system's leaks in) with the pinned
    runtime dependencies from the package index, then the wheel without dependencies: what the app
    imports is only what was installed there."""
    requirements = run([sys.executable, str(REPO / "scripts" / "dependencies.py")], timeout=60).stdout.split()
    root = tmp_path_factory.mktemp("reuse") / "venv"
    run([sys.executable, "-m", "venv", "--without-pip", str(root)], timeout=120)
    install = [*UV, "pip", "install", "--quiet", "--python", str(root / "bin" / "python")]
    run([*install, *requirements], timeout=600)
    run([*install, "--no-deps", str(wheel)], timeout=300)
    return root


def app_imports(into: Path) -> None:
    """The Grafana app's own binding of the CloudNativePG Cluster CRD, as `cdk8s import` writes it.

    That is the committed imports/io/cnpg/postgresql: test_imports.py regenerates every binding with the
    CLI from the same CRD and requires the same bytes, so a second `cdk8s import` here (five seconds
    of jsii's compiler) would prove nothing more. The app gets it as a top-level package of its own
    `imports/`, beside the copy the installed wheel ships.
    """
    binding = Path("io") / "cnpg" / "postgresql"
    shutil.copytree(REPO / "imports" / binding, into / "imports" / binding,
                    ignore=shutil.ignore_patterns("__pycache__"))


def test_grafana_app_uses_the_installed_library(venv: Path, tmp_path: Path) -> None:
    app_dir = tmp_path / "grafana-app"
    app_dir.mkdir()
    env = {k: v for k, v in os.environ.items() if k not in ("JSII_NODE", "PYTHONPATH", "VIRTUAL_ENV")}
    env["JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION"] = "20"
    app_imports(app_dir)
    assert not (app_dir / "imports" / "__init__.py").exists()
    (app_dir / "app.py").write_text(textwrap.dedent(GRAFANA_APP))

    result = run([str(venv / "bin" / "python"), "app.py"], cwd=app_dir, env=env, timeout=300)
    report = json.loads(result.stdout.strip().splitlines()[-1])

    site = venv.resolve()
    assert Path(report["harbor"]).resolve().is_relative_to(site), f"constructs.harbor came from {report['harbor']}"
    assert Path(report["gateway"]).resolve().is_relative_to(site), f"the gateway binding came from {report['gateway']}"
    assert Path(report["cnpg"]).resolve().is_relative_to(app_dir.resolve()), f"cnpg came from {report['cnpg']}"
    assert len(report["imports_path"]) >= 2, f"`imports` did not merge: {report['imports_path']}"
    # the kit alone: no module of Harbor's, and neither bcrypt nor cryptography (the secret generator's)
    assert report["loaded"] == [], report["loaded"]

    out = load_manifests(app_dir / "dist" / "grafana")
    spc = out.get("SecretProviderClass", "grafana-secrets", "grafana").obj
    (secret,) = [s for s in spc["spec"]["secretObjects"] if s["secretName"] == "grafana-admin"]
    objects = {o["objectName"]: o for o in load_yaml(spc["spec"]["parameters"]["objects"])}
    (data,) = secret["data"]
    assert data["key"] == "ADMIN_PASSWORD"
    assert objects[data["objectName"]]["secretPath"] == "secret/data/grafana"
    assert objects[data["objectName"]]["secretKey"] == "admin-password"
    assert out.get("Deployment", "grafana-secrets-mount", "grafana")

    route = out.get("HTTPRoute", "grafana", "grafana").obj
    assert route["spec"]["hostnames"] == ["grafana.example.com"]
    backends = [ref for rule in route["spec"]["rules"] for ref in rule["backendRefs"]]
    assert [(ref["name"], ref["port"]) for ref in backends] == [("grafana", 80)]
    assert [p["port"] for p in out.get("Service", "grafana", "grafana").obj["spec"]["ports"]] == [80]

    pulls = out.get("SecretProviderClass", "harbor-pull", "grafana").obj["spec"]["secretObjects"]
    assert [(p["secretName"], p["type"], p["data"][0]["key"]) for p in pulls] == [
        ("harbor-pull", "kubernetes.io/dockerconfigjson", ".dockerconfigjson")]
    pod = out.get("Deployment", "grafana", "grafana").obj["spec"]["template"]["spec"]
    assert pod["imagePullSecrets"] == [{"name": "harbor-pull"}]

    cluster = out.get("Cluster", "grafana-db", "grafana").obj
    assert cluster["apiVersion"] == "postgresql.cnpg.io/v1"
    assert cluster["spec"]["storage"]["size"] == "5Gi"
    assert not out.of_kind("Secret")
    if CRDS is not None:
        schemas = load_crd_schemas(CRDS)
        checked = (("Cluster", "grafana-db"), ("HTTPRoute", "grafana"), ("SecretProviderClass", "grafana-secrets"),
                   ("SecretProviderClass", "harbor-pull"))
        for kind, name in checked:
            assert crd_errors(schemas, out.get(kind, name).obj) == [], f"{kind} {name}"
