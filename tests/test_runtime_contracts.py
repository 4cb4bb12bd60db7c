"""Image runtime contracts: the tables (components/runtime_contracts.py) and the synth-time check
(runtime_checks.py) that holds every container of a Harbor image to them.

Three parts. The tables against Harbor's own files, where the upstream sources are checked out next
to the repository (../src, skipped otherwise): entrypoints, users and binaries as the Dockerfiles say.
Both real sites pass the check. And each rule of the check fires on a deliberately broken tree, a
JSON patch applied after the fact (an escape hatch past every check at the point of entry), with a
message that names the container, the path or variable, and the field to change.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from typing import Any

import cdk8s
import pytest
import yaml
from conftest import SITES, synthesized_manifests
from fast_yaml import load_yaml
from support import CLONE_HINT, UPSTREAM_SOURCES, harbor_site, harbor_source

from constructs.harbor import HarborMetrics, HarborRegistry
from constructs.harbor._components import runtime_contracts as rc
from constructs.harbor._components.runtime_contracts import CONTRACTS, contract_for, image_repository
from constructs.harbor.kit import validation_errors

ADAPTER_SRC = UPSTREAM_SOURCES / "harbor-scanner-trivy"


# ---- the tables ------------------------------------------------------------------------------------

def test_every_image_the_library_runs_has_a_contract() -> None:
    for site in SITES.values():
        app = site.build("/dev/null")
        chart = app.node.find_child(site.name)
        for obj in cdk8s.Testing.synth(chart):
            spec = ((obj.get("spec") or {}).get("template") or {}).get("spec") or {}
            for c in [*spec.get("initContainers", []), *spec.get("containers", [])]:
                if "/goharbor/" in c["image"]:
                    assert contract_for(c["image"]) is not None, f"no runtime contract for {c['image']}"


@pytest.mark.parametrize("image, repository", [
    ("docker.io/goharbor/harbor-core:v2.15.1", "harbor-core"),
    ("mirror.lan:5000/goharbor/registry-photon:v2.15.1", "registry-photon"),
    ("goharbor/harbor-db@sha256:" + "0" * 64, "harbor-db"),
    ("harbor-portal", "harbor-portal"),
])
def test_images_are_known_by_name_under_any_registry(image: str, repository: str) -> None:
    assert image_repository(image) == repository


@pytest.mark.parametrize("contract", CONTRACTS.values(), ids=list(CONTRACTS))
def test_every_row_cites_its_source(contract: rc.ImageContract) -> None:
    cites = [contract.dockerfile, contract.entrypoint.cite, *(w.cite for w in contract.writes),
             *(w.cite for w in contract.entrypoint.writes), *(e.cite for e in contract.env),
             *(e.cite for e in contract.env_prefixes), *(f.cite for f in contract.config_files)]
    for cite in cites:
        assert cite.repo and cite.path, f"{contract.repository}: a row without its source: {cite}"
    for write in (*contract.writes, *contract.entrypoint.writes):
        assert write.path.startswith("/") and write.why, f"{contract.repository}: {write}"
    assert contract.user_why and contract.program


# What the Dockerfiles say (make/photon/<folder>/Dockerfile and Dockerfile.base at v2.15.1)
DOCKERFILES = [("harbor-core", "core"), ("harbor-jobservice", "jobservice"), ("registry-photon", "registry"),
               ("harbor-registryctl", "registryctl"), ("trivy-adapter-photon", "trivy-adapter"),
               ("harbor-portal", "portal"), ("nginx-photon", "nginx"), ("harbor-db", "db"), ("redis-photon", "redis"),
               ("harbor-exporter", "exporter")]


@pytest.mark.parametrize("repository, folder", DOCKERFILES, ids=[d[0] for d in DOCKERFILES])
def test_entrypoint_and_user_are_the_dockerfiles(repository: str, folder: str) -> None:
    contract = CONTRACTS[repository]
    dockerfile = harbor_source(f"make/photon/{folder}/Dockerfile")
    base = harbor_source(f"make/photon/{folder}/Dockerfile.base")
    entry = re.search(r"^ENTRYPOINT (\[.*\])", dockerfile, re.MULTILINE)
    cmd = re.search(r"^CMD (\[.*\])", dockerfile, re.MULTILINE)
    argv = json.loads(entry.group(1)) if entry else json.loads(cmd.group(1))
    assert tuple(argv) == contract.entrypoint.argv
    assert contract.dockerfile.path == f"make/photon/{folder}/Dockerfile"
    uid = re.search(r"(?:-u |--uid=)(\d+)", base)
    assert uid and int(uid.group(1)) == contract.user, f"{folder}/Dockerfile.base sets uid {uid and uid.group(1)}"


INSTALL_CERT_IMAGES = [("harbor-core", "core/entrypoint.sh"), ("harbor-jobservice", "jobservice/entrypoint.sh"),
                       ("registry-photon", "registry/entrypoint.sh"), ("harbor-registryctl", "registryctl/start.sh"),
                       ("trivy-adapter-photon", "trivy-adapter/entrypoint.sh"),
                       ("harbor-exporter", "exporter/entrypoint.sh")]


@pytest.mark.parametrize("repository, script", INSTALL_CERT_IMAGES, ids=[i[0] for i in INSTALL_CERT_IMAGES])
def test_the_entrypoint_script_runs_install_cert_then_execs_the_program(repository: str, script: str) -> None:
    contract = CONTRACTS[repository]
    text = harbor_source(f"make/photon/{script}")
    assert "set -e" in text
    (install_cert,) = re.findall(r"^(/\S+/install_cert\.sh)$", text, re.MULTILINE)
    (program,) = re.findall(r"^exec (.+)$", text, re.MULTILINE)
    assert tuple(program.split()) == contract.program
    # install_cert.sh keeps its copy beside itself (`dirname $0`), not in $HOME
    script_dir = install_cert.rsplit("/", 1)[0]
    assert {w.path for w in contract.entrypoint.writes} == {f"{script_dir}/ca-bundle.crt.original",
                                                            "/etc/pki/tls/certs/ca-bundle.crt"}
    common = harbor_source("make/photon/common/install_cert.sh")
    assert "cp /etc/pki/tls/certs/ca-bundle.crt $ORIGINAL_LOCATION/ca-bundle.crt.original" in common
    assert "ORIGINAL_LOCATION=$(dirname \"$0\")" in common


def test_every_variable_of_the_trivy_table_is_a_field_of_the_adapter() -> None:
    config = ADAPTER_SRC / "pkg" / "etc" / "config.go"
    if not config.is_file():
        pytest.skip(f"harbor-scanner-trivy v0.36.0 is not at {ADAPTER_SRC}: "
                    + CLONE_HINT.format(tag="v0.36.0", repo="harbor-scanner-trivy", path=ADAPTER_SRC))
    read = set(re.findall(r'env:"([A-Z_]+)"', config.read_text())) | {"SCANNER_LOG_LEVEL"}
    listed = {e.name for e in rc.TRIVY.env if e.name.startswith("SCANNER_")}
    assert listed == read
    assert "SCANNER_STORE_REDIS_URL" not in read and "SCANNER_JOB_QUEUE_REDIS_URL" not in read


def test_every_core_metadata_variable_is_an_env_key_of_harbor() -> None:
    text = harbor_source("src/lib/config/metadata/metadatalist.go")
    system = {m for line in text.splitlines() if "SystemScope" in line
              for m in re.findall(r'EnvKey: "([A-Z_0-9]+)"', line)}
    assert set(rc.CORE_METADATA_ENV) | {"TOKEN_SERVICE_URL"} == system


def test_every_setting_of_the_exporter_table_is_a_viper_key_of_its_main() -> None:
    # viper.SetEnvPrefix("harbor") and `.` -> `_`: the key database.host is HARBOR_DATABASE_HOST
    text = harbor_source("src/cmd/exporter/main.go")
    assert 'viper.SetEnvPrefix("harbor")' in text and 'strings.NewReplacer(".", "_")' in text
    read = {"HARBOR_" + key.upper().replace(".", "_") for key in re.findall(r'viper\.Get\w+\("([a-z_.]+)"\)', text)}
    listed = {e.name for e in rc.EXPORTER.env if e.name.startswith("HARBOR_") and e.reason is None}
    assert listed | set(rc.EXPORTER_LOGGED_ONLY) == read
    # the left-out keys really are only logged: main.go hands them to exporter.Opt, which newServer ignores
    server = harbor_source("src/pkg/exporter/exporter.go")
    for field in ("ExporterMetricsEnabled", "MaxRequests", "TLSEnabled", "Certificate", "Key"):
        assert f"opt.{field}" not in server


def test_core_has_the_default_grace_period_because_it_exits_within_3_s(site, synthesized) -> None:
    # core drains nothing on SIGTERM: gracefulShutdown runs the shutdown hooks for at most 3 s, then
    # exits; a grace period longer than Kubernetes' default would promise requests a time they never get
    shutdown = harbor_source("src/core/main.go").split("func gracefulShutdown(", 1)[1].split("\nfunc ", 1)[0]
    assert "syscall.SIGTERM" in shutdown and "time.After(time.Second * 3)" in shutdown and "os.Exit(0)" in shutdown
    core = synthesized_manifests(synthesized(site.name)).get("Deployment", "harbor-core").obj
    assert "terminationGracePeriodSeconds" not in core["spec"]["template"]["spec"]


def test_the_metric_name_variables_are_what_harbors_metrics_read() -> None:
    server = harbor_source("src/lib/metric/server.go")
    for env in rc.METRIC_NAMES:
        assert f'"{env.name}"' in server
    for reader in ("collector.go", "jobservice.go"):
        text = harbor_source(f"src/lib/metric/{reader}")
        assert "os.Getenv(NamespaceEnvKey)" in text and "os.Getenv(SubsystemEnvKey)" in text


# ---- the real sites ------------------------------------------------------------------------------

@pytest.mark.parametrize("name", list(SITES))
def test_both_sites_keep_every_contract(name: str) -> None:
    errors = validation_errors(SITES[name].build("/dev/null"))
    assert not [e for e in errors if "(image " in e], errors


# ---- each rule fires on a broken tree ------------------------------------------------------------

Patch = Callable[[HarborRegistry], None]


def workload(harbor: HarborRegistry, component: str) -> cdk8s.ApiObject:
    owner = getattr(harbor, component)
    return getattr(owner, "deployment", None) or owner.stateful_set


def on_container(component: str, container: str, change: Callable[[str, dict[str, Any]], list[cdk8s.JsonPatch]]
                 ) -> Patch:
    """Patch one container of a component's workload; `change` gets its JSON pointer and its JSON."""
    def apply(harbor: HarborRegistry) -> None:
        obj = workload(harbor, component)
        containers = obj.to_json()["spec"]["template"]["spec"]["containers"]
        (index,) = [i for i, c in enumerate(containers) if c["name"] == container]
        for op in change(f"/spec/template/spec/containers/{index}", containers[index]):
            obj.add_json_patch(op)
    return apply


def drop(field: str) -> Callable[[str, dict], list[cdk8s.JsonPatch]]:
    return lambda at, c: [cdk8s.JsonPatch.remove(f"{at}/{field}")]


def add_env(name: str, value: str) -> Callable[[str, dict], list[cdk8s.JsonPatch]]:
    return lambda at, c: [cdk8s.JsonPatch.add(f"{at}/env/-", {"name": name, "value": value})]


def set_env(name: str, value: str) -> Callable[[str, dict], list[cdk8s.JsonPatch]]:
    def change(at: str, c: dict) -> list[cdk8s.JsonPatch]:
        (index,) = [i for i, e in enumerate(c["env"]) if e["name"] == name]
        return [cdk8s.JsonPatch.replace(f"{at}/env/{index}/value", value)]
    return change


def mount(path: str, op: str, value: Any = None) -> Callable[[str, dict], list[cdk8s.JsonPatch]]:
    """Remove the volumeMount at `path`, or set one of its fields (`op` 'readOnly')."""
    def change(at: str, c: dict) -> list[cdk8s.JsonPatch]:
        (index,) = [i for i, m in enumerate(c["volumeMounts"]) if m["mountPath"] == path]
        if op == "remove":
            return [cdk8s.JsonPatch.remove(f"{at}/volumeMounts/{index}")]
        return [cdk8s.JsonPatch.add(f"{at}/volumeMounts/{index}/{op}", value)]
    return change


def volume_to_empty_dir(component: str, volume: str) -> Patch:
    def apply(harbor: HarborRegistry) -> None:
        obj = workload(harbor, component)
        volumes = obj.to_json()["spec"]["template"]["spec"]["volumes"]
        (index,) = [i for i, v in enumerate(volumes) if v["name"] == volume]
        obj.add_json_patch(cdk8s.JsonPatch.replace(f"/spec/template/spec/volumes/{index}", {"name": volume,
                                                                                          "emptyDir": {}}))
    return apply


def pod_field(component: str, field: str, value: Any) -> Patch:
    return lambda harbor: workload(harbor, component).add_json_patch(
        cdk8s.JsonPatch.replace(f"/spec/template/spec/{field}", value))


def job_logs_moved(harbor: HarborRegistry) -> None:
    """jobservice's config.yml names another job log folder, which no volume covers."""
    config_map = harbor.jobservice.config_maps[1]
    config = load_yaml(config_map.to_json()["data"]["config.yml"])
    config["job_loggers"][0]["settings"]["base_dir"] = "/var/log/harbor-jobs"
    config_map.add_json_patch(cdk8s.JsonPatch.replace("/data/config.yml", yaml.safe_dump(config)))


def token_url_in_env_config_map(harbor: HarborRegistry) -> None:
    harbor.jobservice.config_maps[0].add_json_patch(
        cdk8s.JsonPatch.add("/data/TOKEN_SERVICE_URL", "http://harbor-core:80/service/token"))


def whole_secret_as_env(at: str, c: dict) -> list[cdk8s.JsonPatch]:
    return [cdk8s.JsonPatch.add(f"{at}/envFrom", [{"secretRef": {"name": "harbor-core"}}])]


def core_tmp_from_a_config_map(harbor: HarborRegistry) -> None:
    """core's /tmp mounted from a ConfigMap, which a container cannot write."""
    obj = workload(harbor, "core")
    volumes = obj.to_json()["spec"]["template"]["spec"]["volumes"]
    (index,) = [i for i, v in enumerate(volumes) if v["name"] == "tmp"]
    obj.add_json_patch(cdk8s.JsonPatch.replace(f"/spec/template/spec/volumes/{index}",
                                               {"name": "tmp", "configMap": {"name": "harbor-core"}}))


# (id, patch, what the message must say: container, path or variable, field to change)
BROKEN = [
    # (a) an entrypoint script on a read-only root, or a program the image does not have
    ("trivy-runs-its-entrypoint", on_container("trivy", "trivy", drop("command")),
     ["container 'trivy'", "/home/scanner/entrypoint.sh", "/home/scanner/ca-bundle.crt.original",
      "read-only root", "set `command` to ['/home/scanner/bin/scanner-trivy']"]),
    ("trivy-entrypoint-rewrites-the-system-bundle", on_container("trivy", "trivy", drop("command")),
     ["container 'trivy'", "install_cert.sh", "/etc/pki/tls/certs/ca-bundle.crt", "set `command`"]),
    ("core-runs-its-entrypoint", on_container("core", "core", drop("command")),
     ["container 'core'", "/harbor/ca-bundle.crt.original", "set `command` to ['/harbor/harbor_core']"]),
    ("jobservice-runs-its-entrypoint", on_container("jobservice", "jobservice", drop("command")),
     ["container 'jobservice'", "/harbor/entrypoint.sh", "set `command`"]),
    ("registry-runs-its-entrypoint", on_container("registry", "registry", drop("command")),
     ["container 'registry'", "/home/harbor/ca-bundle.crt.original", "set `command`"]),
    ("registryctl-runs-its-entrypoint", on_container("registry", "registryctl", drop("command")),
     ["container 'registryctl'", "/home/harbor/start.sh", "set `command`"]),
    ("trivy-binary-path-typo", on_container("trivy", "trivy", lambda at, c: [
        cdk8s.JsonPatch.replace(f"{at}/command", ["/home/scanner/scanner-trivy"])]),
     ["container 'trivy'", "'/home/scanner/scanner-trivy'", "not a program of the image", "set `command`"]),
    ("database-probe-runs-a-missing-script", on_container("database", "database", lambda at, c: [
        cdk8s.JsonPatch.replace(f"{at}/readinessProbe/exec/command", ["/healthcheck.sh"])]),
     ["container 'database'", "readinessProbe runs '/healthcheck.sh'", "not a program of the image",
      "/docker-healthcheck.sh"]),
    ("database-pre-stop-with-debians-pg-ctl-path", on_container("database", "database", lambda at, c: [
        cdk8s.JsonPatch.replace(f"{at}/lifecycle/preStop/exec/command/0", "/usr/lib/postgresql/15/bin/pg_ctl")]),
     ["container 'database'", "lifecycle.preStop runs '/usr/lib/postgresql/15/bin/pg_ctl'",
      "not a program of the image", "/usr/pgsql/15/bin/pg_ctl"]),
    ("database-entrypoint-without-its-data", on_container("database", "database",
                                                          mount("/var/lib/postgresql/data", "remove")),
     ["container 'database'", "/var/lib/postgresql/data/pgdata", "from env PGDATA", "read-only root"]),
    # (b) what the binary writes: a writable mount, a claim for what must persist
    ("trivy-without-tmp", on_container("trivy", "trivy", mount("/tmp", "remove")),
     ["container 'trivy'", "/tmp", "read-only root", "add a volumeMount for /tmp"]),
    ("trivy-cache-moved-by-env", on_container("trivy", "trivy", set_env("SCANNER_TRIVY_CACHE_DIR",
                                                                        "/var/cache/trivy")),
     ["container 'trivy'", "/var/cache/trivy", "from env SCANNER_TRIVY_CACHE_DIR", "add a volumeMount"]),
    ("registry-storage-read-only", on_container("registry", "registry", mount("/storage", "readOnly", True)),
     ["container 'registry'", "/storage", "readOnly", "drop readOnly"]),
    ("job-logs-on-an-empty-dir", volume_to_empty_dir("jobservice", "job-logs"),
     ["container 'jobservice'", "/var/log/jobs", "must persist", "emptyDir", "mount a claim"]),
    ("job-logs-moved-by-config", job_logs_moved,
     ["container 'jobservice'", "/var/log/harbor-jobs", "from /etc/jobservice/config.yml", "read-only root"]),
    ("entrypoint-nginx-without-scratch", on_container("nginx", "nginx", mount("/tmp", "remove")),
     ["container 'nginx'", "/tmp/nginx.pid", "from /etc/nginx/nginx.conf", "add a volumeMount"]),
    ("portal-without-scratch", on_container("portal", "portal", mount("/tmp", "remove")),
     ["container 'portal'", "/tmp/proxy_temp", "from /etc/nginx/nginx.conf", "read-only root"]),
    ("core-tmp-from-a-config-map", core_tmp_from_a_config_map,
     ["container 'core'", "/tmp", "configMap volume 'tmp'", "mount an emptyDir or a claim"]),
    # (c) the image's user
    ("trivy-other-user", pod_field("trivy", "securityContext/runAsUser", 1000),
     ["container 'trivy'", "securityContext.runAsUser 1000, not 10000", "set securityContext.runAsUser to 10000"]),
    ("database-container-other-user", on_container("database", "database", lambda at, c: [
        cdk8s.JsonPatch.add(f"{at}/securityContext/runAsUser", 10000)]),
     ["container 'database'", "runAsUser 10000, not 999", "`postgres` user"]),
    # (d) settings no binary reads: the dead settings removed earlier, as a class
    ("core-port", on_container("core", "core", add_env("PORT", "8080")),
     ["container 'core'", "env PORT", "remove it"]),
    ("core-chart-cache-driver", on_container("core", "core", add_env("CHART_CACHE_DRIVER", "redis")),
     ["container 'core'", "env CHART_CACHE_DRIVER"]),
    ("jobservice-token-service-url", token_url_in_env_config_map,
     ["container 'jobservice'", "env TOKEN_SERVICE_URL", "envFrom ConfigMap harbor-jobservice-env"]),
    ("registryctl-http-secret", on_container("registry", "registryctl", add_env("REGISTRY_HTTP_SECRET", "x")),
     ["container 'registryctl'", "env REGISTRY_HTTP_SECRET"]),
    ("trivy-store-redis-url", on_container("trivy", "trivy", add_env("SCANNER_STORE_REDIS_URL", "redis://x")),
     ["container 'trivy'", "env SCANNER_STORE_REDIS_URL", "runtime_contracts.TRIVY"]),
    ("core-whole-secret-as-env", on_container("core", "core", whole_secret_as_env),
     ["container 'core'", "Secret 'harbor-core'", "list them under `env`"]),
    # (e) the working directory core reads migrations and icons from
    ("core-without-working-dir", on_container("core", "core", drop("workingDir")),
     ["container 'core'", "workingDir None, not '/harbor'", "migrations/postgresql/", "set workingDir"]),
]


@pytest.mark.parametrize("patch, expected", [c[1:] for c in BROKEN], ids=[c[0] for c in BROKEN])
def test_a_broken_contract_fails_the_synth(patch: Patch, expected: list[str]) -> None:
    site = harbor_site()
    patch(site.harbor)
    errors = [e for e in validation_errors(site.app) if "(image " in e]
    matching = [e for e in errors if all(part in e for part in expected)]
    assert matching, f"no error says all of {expected}: {errors}"
    assert all(e.startswith("site/harbor: ") for e in errors), errors


def exporter_workload(harbor: HarborRegistry) -> cdk8s.ApiObject:
    assert harbor.exporter is not None
    return harbor.exporter.deployment


EXPORTER_BROKEN = [
    ("exporter-runs-its-entrypoint", cdk8s.JsonPatch.remove("/spec/template/spec/containers/0/command"),
     ["container 'exporter'", "/harbor/entrypoint.sh", "/harbor/ca-bundle.crt.original", "read-only root",
      "set `command` to ['/harbor/harbor_exporter']"]),
    ("exporter-tls-that-nothing-serves", cdk8s.JsonPatch.add("/spec/template/spec/containers/0/env/-",
                                                            {"name": "HARBOR_EXPORTER_TLS_ENABLED", "value": "true"}),
     ["container 'exporter'", "env HARBOR_EXPORTER_TLS_ENABLED", "runtime_contracts.EXPORTER"]),
    ("exporter-chart-namespace-variable", cdk8s.JsonPatch.add("/spec/template/spec/containers/0/env/-",
                                                             {"name": "HARBOR_METRIC_NAMESPACE", "value": "harbor"}),
     ["container 'exporter'", "env HARBOR_METRIC_NAMESPACE", "remove it"]),
    ("exporter-other-user", cdk8s.JsonPatch.replace("/spec/template/spec/securityContext/runAsUser", 1000),
     ["container 'exporter'", "runAsUser 1000, not 10000"]),
]


@pytest.mark.parametrize("op, expected", [c[1:] for c in EXPORTER_BROKEN], ids=[c[0] for c in EXPORTER_BROKEN])
def test_a_broken_exporter_contract_fails_the_synth(op: cdk8s.JsonPatch, expected: list[str]) -> None:
    site = harbor_site(metrics=HarborMetrics())
    exporter_workload(site.harbor).add_json_patch(op)
    errors = [e for e in validation_errors(site.app) if "(image " in e]
    assert [e for e in errors if all(part in e for part in expected)], f"no error says all of {expected}: {errors}"


def test_a_clean_small_site_keeps_every_contract() -> None:
    assert validation_errors(harbor_site().app) == []
