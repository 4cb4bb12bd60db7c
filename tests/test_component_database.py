"""The database component: Harbor's PostgreSQL StatefulSet, its claim and its Service."""

from __future__ import annotations

import pytest
from support import (
    KUBERNETES_VERSIONS,
    Built,
    Workload,
    assert_claim,
    assert_claim_templates_survive_an_upgrade,
    assert_existing_claim_mounted,
    assert_pod_settings,
    assert_restricted,
    assert_service_selects,
    build_component,
    find,
    named,
    synced_keys,
    validated_kinds,
)

from constructs.harbor._components.database import Database
from constructs.harbor.kit.resources import Resources
from constructs.harbor.settings import AccessMode, HarborResources, HarborStorage, Storage

NAME = "harbor-database"
IMAGE = "docker.io/goharbor/harbor-db:v2.15.1"
DATA = "/var/lib/postgresql/data"
DATABASE = Workload("StatefulSet", NAME, ("database",))


def build(**context_fields) -> Built:
    return build_component(Database, **context_fields)


@pytest.fixture(scope="module")
def manifests(built: Built) -> list[dict]:
    return built.manifests


# ---- workload and Service ---------------------------------------------------------------------

def test_stateful_set(manifests: list[dict]) -> None:
    spec = DATABASE.get(manifests)["spec"]
    assert spec["replicas"] == 1
    assert spec["serviceName"] == NAME
    assert [c["name"] for c in spec["template"]["spec"]["containers"]] == ["database"]
    assert [c["name"] for c in spec["template"]["spec"]["initContainers"]] == ["data-permissions-ensurer"]
    assert spec["selector"]["matchLabels"].items() <= spec["template"]["metadata"]["labels"].items()


def test_claims_outlive_the_stateful_set(manifests: list[dict]) -> None:
    assert DATABASE.get(manifests)["spec"]["persistentVolumeClaimRetentionPolicy"] == {
        "whenDeleted": "Retain", "whenScaled": "Retain"}


def test_service(built: Built) -> None:
    ctx, database, manifests = built
    service = find(manifests, "Service", NAME)
    assert [(p["port"], p["targetPort"]) for p in service["spec"]["ports"]] == [(5432, 5432)]
    assert_service_selects(manifests, NAME, DATABASE)
    assert database.service == ctx.endpoints.database
    assert (database.service.service, database.service.port) == (NAME, 5432)
    assert [p["containerPort"] for p in DATABASE.container(manifests)["ports"]] == [5432]


def test_handles(built: Built) -> None:
    database = built.component
    assert database.stateful_set.metadata.name == NAME
    assert database.claim_name is None


@pytest.mark.parametrize("name", ["database", "data-permissions-ensurer"])
def test_image(manifests: list[dict], name: str) -> None:
    assert DATABASE.container(manifests, name)["image"] == IMAGE
    assert DATABASE.container(manifests, name)["imagePullPolicy"] == "IfNotPresent"


def test_init_container_fixes_permissions(manifests: list[dict]) -> None:
    init = DATABASE.container(manifests, "data-permissions-ensurer")
    assert init["command"] == ["/bin/sh"]
    assert init["args"] == ["-c", "chmod -R 700 /var/lib/postgresql/data/pgdata || true"]
    assert [(m["name"], m["mountPath"]) for m in init["volumeMounts"]] == [("database-data", DATA)]


# ---- environment ----------------------------------------------------------------------------------

def test_password_comes_from_the_synced_secret(built: Built) -> None:
    ctx, _, manifests = built
    env = {e["name"]: e for e in DATABASE.container(manifests)["env"]}
    ref = env["POSTGRES_PASSWORD"]["valueFrom"]["secretKeyRef"]
    assert (ref["name"], ref["key"]) == (ctx.secrets.database_password.secret, ctx.secrets.database_password.key)
    assert (ref["name"], ref["key"]) in synced_keys(manifests), \
        f"POSTGRES_PASSWORD reads Secret {ref['name']} key {ref['key']}, which no SecretProviderClass syncs"
    assert "value" not in env["POSTGRES_PASSWORD"]
    assert not [m for m in manifests if m["kind"] == "Secret"]


def test_pgdata_is_below_the_mount(manifests: list[dict]) -> None:
    env = {e["name"]: e.get("value") for e in DATABASE.container(manifests)["env"]}
    assert env["PGDATA"] == "/var/lib/postgresql/data/pgdata"
    assert env["PGDATA"].startswith(DATA + "/")
    assert sorted(env) == ["PGDATA", "POSTGRES_MAX_CONNECTIONS", "POSTGRES_PASSWORD"]
    assert env["POSTGRES_MAX_CONNECTIONS"] == "1024"     # the image's default, which the pools are sized to


# ---- probes ---------------------------------------------------------------------------------------

@pytest.mark.parametrize(("probe", "delay"), [("livenessProbe", 300), ("readinessProbe", 1)])
def test_probes(manifests: list[dict], probe: str, delay: int) -> None:
    p = DATABASE.container(manifests)[probe]
    assert p["exec"] == {"command": ["/docker-healthcheck.sh"]}
    assert p["initialDelaySeconds"] == delay


# ---- volumes -------------------------------------------------------------------------------------

@pytest.mark.parametrize(("path", "volume"), [
    (DATA, "database-data"),
    ("/dev/shm", "shm-volume"),
    ("/run/postgresql", "socket"),
    ("/tmp", "tmp"),
])
def test_mounts(manifests: list[dict], path: str, volume: str) -> None:
    mounts = {m["mountPath"]: m for m in DATABASE.container(manifests)["volumeMounts"]}
    assert path in mounts, f"database mounts nothing at {path}"
    assert mounts[path]["name"] == volume
    assert "subPath" not in mounts[path]


def test_shared_memory_is_a_memory_volume(manifests: list[dict]) -> None:
    volumes = {v["name"]: v for v in DATABASE.pod(manifests)["volumes"]}
    assert volumes["shm-volume"]["emptyDir"] == {"medium": "Memory", "sizeLimit": "512Mi"}


@pytest.mark.parametrize("volume", ["socket", "tmp"])
def test_writable_paths_are_scratch_volumes(manifests: list[dict], volume: str) -> None:
    volumes = {v["name"]: v for v in DATABASE.pod(manifests)["volumes"]}
    assert volumes[volume] == {"name": volume, "emptyDir": {}}


def test_every_mount_has_a_volume_or_claim_template(manifests: list[dict]) -> None:
    spec = DATABASE.pod(manifests)
    available = {v["name"] for v in spec["volumes"]}
    available |= {t["metadata"]["name"] for t in DATABASE.get(manifests)["spec"].get("volumeClaimTemplates", [])}
    mounted = {m["name"] for c in [*spec["initContainers"], *spec["containers"]] for m in c["volumeMounts"]}
    assert mounted == available


# ---- claims --------------------------------------------------------------------------------------

def test_default_claim_template(manifests: list[dict]) -> None:
    templates = DATABASE.get(manifests)["spec"]["volumeClaimTemplates"]
    assert [t["metadata"]["name"] for t in templates] == ["database-data"]
    assert_claim(templates[0]["spec"], Storage(size="1Gi"))
    # the StatefulSet creates the claim itself: no PersistentVolumeClaim object
    assert not [m for m in manifests if m["kind"] == "PersistentVolumeClaim"]
    assert "database-data" not in {v["name"] for v in DATABASE.pod(manifests)["volumes"]}


@pytest.mark.parametrize("storage", [
    Storage(size="10Gi", storage_class="longhorn"),
    Storage(size="20Gi", access=AccessMode.READ_WRITE_ONCE_POD, storage_class="local-path"),
])
def test_claim_template_follows_storage(storage: Storage) -> None:
    manifests = build(storage=HarborStorage(database=storage)).manifests
    (template,) = DATABASE.claim_templates(manifests)
    assert_claim(template["spec"], storage)


def test_existing_claim_replaces_the_template() -> None:
    _, database, manifests = build(storage=HarborStorage(database=Storage(size="10Gi", existing_claim="pg-data")))
    assert_existing_claim_mounted(manifests, DATABASE, "database-data", "pg-data")
    assert database.claim_name == "pg-data"
    # both containers still mount it at the same place
    for name in ("database", "data-permissions-ensurer"):
        mounts = {m["mountPath"]: m["name"] for m in DATABASE.container(manifests, name)["volumeMounts"]}
        assert mounts[DATA] == "database-data"


# ---- security, resources, pod settings -------------------------------------------------------------

def test_pod_settings(manifests: list[dict]) -> None:
    assert_pod_settings(DATABASE.pod(manifests), user=999)


@pytest.mark.parametrize("name", ["database", "data-permissions-ensurer"])
def test_container_is_restricted_with_a_read_only_root(manifests: list[dict], name: str) -> None:
    assert_restricted(DATABASE.container(manifests, name))


@pytest.mark.parametrize("name", ["database", "data-permissions-ensurer"])
def test_resources(name: str) -> None:
    wanted = Resources(cpu_request="250m", memory_request="512Mi", cpu_limit="2", memory_limit="2Gi")
    manifests = build(resources=HarborResources(database=wanted)).manifests
    assert DATABASE.container(manifests, name)["resources"] == {
        "requests": {"cpu": "250m", "memory": "512Mi"},
        "limits": {"cpu": "2", "memory": "2Gi"},
    }


def test_no_config_checksum(manifests: list[dict]) -> None:
    # nothing is mounted from a ConfigMap, so nothing to roll the pod for
    annotations = DATABASE.get(manifests)["spec"]["template"]["metadata"].get("annotations") or {}
    assert "checksum/config" not in annotations


def test_claim_template_survives_a_version_upgrade(manifests: list[dict]) -> None:
    assert_claim_templates_survive_an_upgrade(DATABASE, build, manifests)


@pytest.mark.parametrize("version", KUBERNETES_VERSIONS)
def test_objects_pass_strict_kubernetes_schemas(manifests: list[dict], version: str) -> None:
    assert validated_kinds(named(manifests, NAME), version) == {"Service", "StatefulSet"}


# ---- the password harbor-db's initdb.sh and core can use ----------------------------------------

@pytest.mark.parametrize("password", [
    "it's-a-secret",            # initdb.sh: PASSWORD '$POSTGRES_PASSWORD' (make/photon/db/initdb.sh)
    "'leading-quote",
    "two words",                # core: "password=%s" unquoted in a key=value string (src/common/dao/pgsql.go)
    "tab\there",
    "new\nline",
    "back\\slash",
], ids=["quote", "leading-quote", "space", "tab", "newline", "backslash"])
def test_a_password_harbor_cannot_use_is_refused_without_showing_it(password: str) -> None:
    from constructs.harbor.secret_generator import check_database_password

    with pytest.raises(ValueError, match=r"^database_password must be free of ', \\ and whitespace") as error:
        check_database_password(password)
    assert password not in str(error.value)


def test_generated_database_passwords_are_usable() -> None:
    from constructs.harbor.secret_generator import ALPHANUMERIC, UNSAFE_DATABASE_PASSWORD, check_database_password

    assert not set(ALPHANUMERIC) & UNSAFE_DATABASE_PASSWORD
    assert check_database_password("Abc123xyz") == "Abc123xyz"
