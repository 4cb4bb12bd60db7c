"""Harbor beyond one node: replicas, external data stores, and credentials that stay out of ConfigMaps.

Most tests read the high-availability example (examples/ha_site.py, conftest.ha_manifests): three
core and registry replicas, a CloudNativePG Cluster, an external Valkey with a password, images in
S3. Others build small variants (an external PostgreSQL by address, Redis with TLS and an ACL user)
and bad inputs. The rules are written out here from Harbor 2.15.1's and the operators' behaviour,
not read back from the library's tables.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from typing import Any
from urllib.parse import urlsplit

import cdk8s
import ha_site
import pytest
import yaml
from conftest import (
    Manifest,
    Manifests,
    all_containers,
    container_named,
    containers,
    from_objects,
    pod_spec,
    pod_template,
    synth,
)
from fast_yaml import load_yaml
from support import APP_NAMESPACE, SECRETS_PATH, HarborSite, harbor_site, refusal
from test_hardening import Endpoint, allowed, pods_of

from constructs.harbor import (
    AccessMode,
    CloudNativePgDatabase,
    ExternalDatabase,
    ExternalRedis,
    HarborReplicas,
    HarborStorage,
    ProxySettings,
    RedisDatabases,
    S3Storage,
    SslMode,
    Storage,
    TrivySettings,
)
from constructs.harbor.kit import (
    AppChart,
    CloudNativePgCluster,
    DataStorePeer,
    KubernetesApi,
    SecretKeyRef,
    SecretProducer,
    SyncedSecret,
    validation_errors,
)
from constructs.harbor.kit.openbao import BaoKey

REDIS_PASSWORD = SecretKeyRef(secret="harbor-redis", key="password")
REDIS_USERNAME = SecretKeyRef(secret="harbor-redis", key="username")
S3_ACCESS = SecretKeyRef(secret="harbor-s3", key="access-key")
S3_SECRET = SecretKeyRef(secret="harbor-s3", key="secret-key")
DB_PASSWORD = SecretKeyRef(secret="harbor-db", key="password")
EXTRA = (SyncedSecret("harbor-redis", keys={"password": BaoKey(path=SECRETS_PATH, key="REDIS_PASSWORD"),
                                            "username": BaoKey(path=SECRETS_PATH, key="REDIS_USERNAME")}),
         SyncedSecret("harbor-s3", keys={"access-key": BaoKey(path=SECRETS_PATH, key="S3_ACCESS_KEY"),
                                         "secret-key": BaoKey(path=SECRETS_PATH, key="S3_SECRET_KEY")}),
         SyncedSecret("harbor-db", keys={"password": BaoKey(path=SECRETS_PATH, key="EXTERNAL_DB_PASSWORD")}))


def build(**options: Any) -> HarborSite:
    """A Harbor behind default-deny whose secret sync also holds the external stores' keys (EXTRA)
    unless `extra_secrets` says otherwise; `options` are support.harbor_site's."""
    options.setdefault("extra_secrets", EXTRA)
    return harbor_site(default_deny=True, **options)


def container(manifests: Manifests, kind: str, name: str, container_name: str) -> dict:
    return container_named(pod_spec(manifests.get(kind, name).obj), container_name)


def env_of(c: dict) -> dict[str, dict]:
    return {e["name"]: e for e in c.get("env", [])}


def secret_ref(c: dict, name: str) -> tuple[str, str]:
    ref = env_of(c)[name]["valueFrom"]["secretKeyRef"]
    return ref["name"], ref["key"]


# ---- the kubelet's $(VAR) expansion, written from the Kubernetes API reference ------------------------

REFERENCE = re.compile(r"\$\$|\$\(([A-Za-z_][A-Za-z0-9_.-]*)\)")


def expand(value: str, defined: dict[str, str]) -> str:
    """`$(NAME)` becomes the value of NAME if an earlier variable of the container defines it (else it
    stays as written); `$$` escapes a `$`. The result is never expanded again."""
    def one(match: re.Match) -> str:
        if match.group(0) == "$$":
            return "$"
        return defined.get(match.group(1), match.group(0))
    return REFERENCE.sub(one, value)


def container_environment(c: dict, secrets: dict[tuple[str, str], str],
                          config_maps: dict[str, dict[str, str]]) -> dict[str, str]:
    """What the container's process sees, with Secret keys filled from `secrets` (fake values)."""
    defined: dict[str, str] = {}
    for source in c.get("envFrom", []):
        if source.get("configMapRef"):
            defined.update(config_maps[source["configMapRef"]["name"]])
    for e in c.get("env", []):
        if "value" in e:
            defined[e["name"]] = expand(e["value"], defined)
        elif (e.get("valueFrom") or {}).get("secretKeyRef"):
            ref = e["valueFrom"]["secretKeyRef"]
            defined[e["name"]] = secrets[(ref["name"], ref["key"])]
        elif (e.get("valueFrom") or {}).get("configMapKeyRef"):
            ref = e["valueFrom"]["configMapKeyRef"]
            defined[e["name"]] = config_maps[ref["name"]][ref["key"]]
    return defined


def test_expansion_follows_the_kubelet_rules() -> None:
    assert expand("a$(X)b", {"X": "1"}) == "a1b"
    assert expand("$(Y)", {"X": "1"}) == "$(Y)"
    assert expand("$$(X)", {"X": "1"}) == "$(X)"


def fake_secrets(manifests: Manifests) -> dict[tuple[str, str], str]:
    """A made-up value for every Secret key any pod reads: recognisable, and unique per key."""
    values = {}
    for _, c in all_containers(manifests):
        for e in c.get("env", []):
            ref = (e.get("valueFrom") or {}).get("secretKeyRef")
            if ref:
                values[(ref["name"], ref["key"])] = f"S3cr3t{len(values):02d}{ref['name'].replace('-', '')}"
    return values


def config_maps(manifests: Manifests) -> dict[str, dict[str, str]]:
    return {m.name: m.obj.get("data") or {} for m in manifests.of_kind("ConfigMap")}


@pytest.fixture(scope="module")
def ha(ha_manifests: Manifests) -> Manifests:
    return ha_manifests


# ---- replicas, budgets, spreading --------------------------------------------------------------------

WORKLOADS = {("Deployment", "harbor-core"): "core", ("Deployment", "harbor-portal"): "portal",
             ("Deployment", "harbor-registry"): "registry", ("Deployment", "harbor-jobservice"): "jobservice",
             ("Deployment", "harbor-nginx"): "nginx", ("StatefulSet", "harbor-trivy"): "trivy"}


@pytest.mark.parametrize("kind, name", sorted(WORKLOADS))
def test_replica_counts_are_the_sites(ha: Manifests, kind: str, name: str) -> None:
    expected = getattr(ha_site.REPLICAS, WORKLOADS[(kind, name)])
    assert expected > 1
    assert ha.get(kind, name).obj["spec"]["replicas"] == expected


@pytest.mark.parametrize("kind, name", sorted(WORKLOADS))
def test_each_replicated_component_has_a_budget_and_spreads(ha: Manifests, kind: str, name: str) -> None:
    workload = ha.get(kind, name).obj
    selector = workload["spec"]["selector"]["matchLabels"]
    budget = ha.get("PodDisruptionBudget", name).obj["spec"]
    assert budget["selector"]["matchLabels"] == selector and budget["maxUnavailable"] == 1
    assert selector.items() <= pod_template(workload)["metadata"]["labels"].items()
    (spread,) = pod_spec(workload)["topologySpreadConstraints"]
    assert spread["topologyKey"] == "kubernetes.io/hostname" and spread["maxSkew"] == 1
    assert spread["labelSelector"]["matchLabels"] == selector


def test_replicated_deployments_roll_without_a_single_attach_volume(ha: Manifests) -> None:
    claims = {m.name: m.obj["spec"]["accessModes"] for m in ha.of_kind("PersistentVolumeClaim")}
    for m in ha.of_kind("Deployment"):
        if m.obj["spec"]["replicas"] < 2:
            continue
        assert m.obj["spec"]["strategy"]["type"] == "RollingUpdate", m
        for volume in pod_spec(m.obj).get("volumes", []):
            claim = (volume.get("persistentVolumeClaim") or {}).get("claimName")
            if claim:
                assert claims[claim] == ["ReadWriteMany"], f"{m} mounts {claim} {claims[claim]}"


def test_trivy_replicas_each_get_their_own_claim(ha: Manifests) -> None:
    trivy = ha.get("StatefulSet", "harbor-trivy").obj["spec"]
    (template,) = trivy["volumeClaimTemplates"]
    assert template["spec"]["accessModes"] == ["ReadWriteOnce"]
    assert not [v for v in pod_spec(ha.get("StatefulSet", "harbor-trivy").obj)["volumes"]
                if "persistentVolumeClaim" in v], "a claim shared by every Trivy replica"


@pytest.mark.parametrize("which", ["homelab", "ha"])
def test_every_registry_replica_reads_the_one_http_secret(manifests: Manifests, ha: Manifests, which: str) -> None:
    # distribution signs upload state with it: an upload continued on another replica must verify there
    output = manifests if which == "homelab" else ha
    refs = set()
    for _, c in all_containers(output):
        if "REGISTRY_HTTP_SECRET" in env_of(c):
            refs.add(secret_ref(c, "REGISTRY_HTTP_SECRET"))
    assert refs == {("harbor-registry", "REGISTRY_HTTP_SECRET")}
    (registry,) = [m for m in output.of_kind("Deployment") if m.name == "harbor-registry"]
    readers = [c["name"] for c in containers(pod_spec(registry.obj)) if "REGISTRY_HTTP_SECRET" in env_of(c)]
    # registryctl never reads http.secret (it parses the registry's config for the storage driver only)
    assert readers == ["registry"]


# ---- no bundled data store ---------------------------------------------------------------------------

def test_no_bundled_database_or_redis(ha: Manifests) -> None:
    assert {m.name for m in ha.of_kind("StatefulSet")} == {"harbor-trivy"}
    services = {m.name for m in ha.of_kind("Service")}
    assert not {"harbor-database", "harbor-redis"} & services
    assert {m.name for m in ha.of_kind("PersistentVolumeClaim")} == {"harbor-jobservice"}
    templates = {t["metadata"]["name"] for m in ha.of_kind("StatefulSet")
                 for t in m.obj["spec"]["volumeClaimTemplates"]}
    assert templates == {"data"}                       # Trivy's cache, nothing of PostgreSQL
    components = {pod_template(m.obj)["metadata"]["labels"]["app.kubernetes.io/component"]
                  for m in ha if pod_template(m.obj)}
    assert not {"database", "redis"} & components


def test_cloudnative_pg_cluster(ha: Manifests) -> None:
    cluster = ha.get("Cluster", "harbor-database").obj
    spec = cluster["spec"]
    assert cluster["apiVersion"] == "postgresql.cnpg.io/v1"
    assert spec["instances"] == 3
    assert spec["storage"] == {"size": "20Gi", "storageClass": "ceph-block"}
    assert spec["bootstrap"] == {"initdb": {"database": "registry", "owner": "harbor"}}
    assert spec["enableSuperuserAccess"] is False
    assert re.fullmatch(r"ghcr\.io/cloudnative-pg/postgresql:\d+\.\d+-[a-z-]+", spec["imageName"])
    # deleting the Cluster deletes its claims: Argo CD must never do it
    assert cluster["metadata"]["annotations"]["argocd.argoproj.io/sync-options"] == "Prune=false,Delete=false"


def test_core_connects_to_the_cluster_with_the_operators_secret(ha: Manifests) -> None:
    cluster = ha.get("Cluster", "harbor-database").obj
    initdb = cluster["spec"]["bootstrap"]["initdb"]
    data = ha.get("ConfigMap", "harbor-core").obj["data"]
    assert data["POSTGRESQL_HOST"] == f"{cluster['metadata']['name']}-rw"     # the operator's primary Service
    assert data["POSTGRESQL_PORT"] == "5432"
    assert (data["POSTGRESQL_USERNAME"], data["POSTGRESQL_DATABASE"]) == (initdb["owner"], initdb["database"])
    assert data["POSTGRESQL_SSLMODE"] == "verify-full"
    core = container(ha, "Deployment", "harbor-core", "core")
    assert secret_ref(core, "POSTGRESQL_PASSWORD") == ("harbor-database-app", "password")
    # verify-full against the operator's CA, mounted as a file that PGSSLROOTCERT names
    for kind, name, c in (("Deployment", "harbor-core", "core"), ("Deployment", "harbor-jobservice", "jobservice")):
        found = container(ha, kind, name, c)
        path = env_of(found)["PGSSLROOTCERT"]["value"]
        (mount,) = [v for v in found["volumeMounts"] if path.startswith(v["mountPath"] + "/")]
        (volume,) = [v for v in pod_spec(ha.get(kind, name).obj)["volumes"] if v["name"] == mount["name"]]
        assert volume["secret"]["secretName"] == "harbor-database-ca"
        assert volume["secret"]["items"] == [{"key": "ca.crt", "path": path.rsplit("/", 1)[1]}]
    # the password is nowhere but in the operator's Secret: no sync carries a database password
    spc = ha.get("SecretProviderClass", "harbor-secrets").obj
    assert not [s for s in spc["spec"]["secretObjects"] if "database" in s["secretName"]]


# ---- no credential in a ConfigMap ----------------------------------------------------------------------

CREDENTIAL_URL = re.compile(r"[a-z+]+://[^/\s@]*:[^/\s@]*@")
CREDENTIAL_KEY = re.compile(r"password|passwd|secret|secret_?key|access_?key|token|credentials?", re.I)


def nested_items(value: Any) -> list[tuple[Any, Any]]:
    """Every (key, value) pair of a parsed YAML or JSON document, at any depth."""
    if isinstance(value, dict):
        return [*value.items(), *(item for v in value.values() for item in nested_items(v))]
    if isinstance(value, list):
        return [item for v in value for item in nested_items(v)]
    return []


def secret_env_names(manifests: Manifests) -> set[str]:
    """The env var names that some pod fills from a Secret: a ConfigMap must never carry them."""
    return {e["name"] for m in manifests if pod_spec(m.obj) for c in containers(pod_spec(m.obj))
            for e in c.get("env", []) if (e.get("valueFrom") or {}).get("secretKeyRef")}


def config_map_leaks(output: Manifests) -> list[str]:
    """Every ConfigMap entry that carries a credential, or a way to one."""
    fed = secret_env_names(output)
    problems = []
    for m in output.of_kind("ConfigMap"):
        for key, value in (m.obj.get("data") or {}).items():
            if key in fed:
                problems.append(f"{m} key {key} is an env var that pods take from a Secret")
            if CREDENTIAL_URL.search(value):
                problems.append(f"{m} key {key} holds a URL with credentials")
            if any(f"$({name})" in value for name in fed):
                problems.append(f"{m} key {key} references a secret env var (a ConfigMap is never expanded)")
            try:
                parsed = load_yaml(value)
            except yaml.YAMLError:
                continue
            # a credential field with a value of its own (a name of an env var nested below is fine)
            leaked = [k for k, v in nested_items(parsed) if isinstance(k, str) and CREDENTIAL_KEY.fullmatch(k)
                      and isinstance(v, (str, int, float)) and not isinstance(v, bool) and str(v)]
            if leaked:
                problems.append(f"{m} key {key} has credential fields {leaked}")
    return problems


@pytest.mark.parametrize("which", ["homelab", "ha"])
def test_no_config_map_holds_a_credential(manifests: Manifests, ha: Manifests, which: str) -> None:
    output = manifests if which == "homelab" else ha
    fed = secret_env_names(output)
    assert {"POSTGRESQL_PASSWORD", "REGISTRY_HTTP_SECRET"} <= fed
    if which == "ha":
        assert {"HARBOR_REDIS_PASSWORD", "REGISTRY_REDIS_PASSWORD", "REGISTRY_STORAGE_S3_ACCESSKEY",
                "REGISTRY_STORAGE_S3_SECRETKEY"} <= fed
    problems = config_map_leaks(output)
    assert not problems, "\n  ".join(problems)


@pytest.mark.parametrize("data", [
    {"_REDIS_URL_CORE": "redis://:s3cr3t@valkey:6379/0"},                 # what the official chart writes
    {"config.yml": "redis:\n  addr: valkey:6379\n  password: s3cr3t\n"},
    {"config.yml": "storage:\n  s3:\n    accesskey: AKIA\n"},
    {"HARBOR_REDIS_PASSWORD": "s3cr3t"},
    {"url": "redis://:$(HARBOR_REDIS_PASSWORD)@valkey:6379/0"},
])
def test_the_credential_scan_catches_each_leak(data: dict[str, str]) -> None:
    pod = {"kind": "Deployment", "metadata": {"name": "p"}, "spec": {"template": {"spec": {"containers": [
        {"name": "c", "env": [{"name": "HARBOR_REDIS_PASSWORD",
                               "valueFrom": {"secretKeyRef": {"name": "s", "key": "k"}}}]}]}}}}
    leaky = from_objects([pod, {"kind": "ConfigMap", "metadata": {"name": "leaky"}, "data": data}])
    assert config_map_leaks(leaky), data


def test_no_pod_spec_holds_a_literal_credential(ha: Manifests) -> None:
    # a URL with credentials may appear in a pod spec only as a reference to an env var
    literal = []
    for m, c in all_containers(ha):
        for e in c.get("env", []):
            value = e.get("value", "")
            if CREDENTIAL_URL.search(value) and not re.search(r"://(\$\([A-Z_]+\))?:\$\([A-Z_]+\)@", value):
                literal.append(f"{m} {c['name']} {e['name']}={value}")
    assert not literal, literal


def test_every_reference_resolves_to_an_earlier_variable(manifests: Manifests, ha: Manifests) -> None:
    unresolved = []
    for output in (manifests, ha):
        secrets, maps = fake_secrets(output), config_maps(output)
        for m, c in all_containers(output):
            environment = container_environment(c, secrets, maps)
            unresolved += [f"{m} {c['name']} {k}={v}" for k, v in environment.items() if "$(" in v]
    assert not unresolved, "references the kubelet would leave as written:\n  " + "\n  ".join(unresolved)


# ---- one Redis, as every component sees it --------------------------------------------------------------

REDIS_URLS = {  # (kind, workload, container) -> env var with a Redis URL, and which database it is
    ("Deployment", "harbor-core", "core", "_REDIS_URL_CORE"): "core",
    ("Deployment", "harbor-core", "core", "_REDIS_URL_REG"): "registry",
    ("Deployment", "harbor-jobservice", "jobservice", "JOB_SERVICE_POOL_REDIS_URL"): "jobservice",
    ("StatefulSet", "harbor-trivy", "trivy", "SCANNER_REDIS_URL"): "trivy",
}


def redis_urls_as_run(output: Manifests) -> dict[tuple[str, ...], str]:
    secrets, maps = fake_secrets(output), config_maps(output)
    found = {}
    for kind, name, c, var in REDIS_URLS:
        environment = container_environment(container(output, kind, name, c), secrets, maps)
        found[(kind, name, c, var)] = environment[var]
    return found


def test_every_component_reaches_the_same_redis_with_its_password(ha: Manifests) -> None:
    secrets = fake_secrets(ha)
    password = secrets[("harbor-valkey", "password")]
    addresses = set()
    for key, url in redis_urls_as_run(ha).items():
        parts = urlsplit(url)
        assert parts.scheme == "redis", key
        assert (parts.username, parts.password) == ("", password), key
        assert int(parts.path.strip("/")) == getattr(RedisDatabases(), REDIS_URLS[key]), key
        addresses.add((parts.hostname, parts.port))
    registry_config = load_yaml(ha.get("ConfigMap", "harbor-registry").obj["data"]["config.yml"])["redis"]
    host, port = registry_config["addr"].rsplit(":", 1)
    addresses.add((host, int(port)))
    assert addresses == {(ha_site.VALKEY_HOST, 6379)}
    assert registry_config["db"] == RedisDatabases().registry
    registry = container(ha, "Deployment", "harbor-registry", "registry")
    assert secret_ref(registry, "REGISTRY_REDIS_PASSWORD") == ("harbor-valkey", "password")
    # jobservice's config file names no URL: the env var, read over the file, carries it
    jobservice = load_yaml(ha.get("ConfigMap", "harbor-jobservice").obj["data"]["config.yml"])
    assert "redis_url" not in jobservice["worker_pool"]["redis_pool"]


def test_redis_with_an_acl_user_and_tls() -> None:
    site = build(redis=ExternalRedis(host="redis.example.com", port=6380, username=REDIS_USERNAME,
                                     password=REDIS_PASSWORD, tls=True,
                                     databases=RedisDatabases(core=3, jobservice=4, registry=6, trivy=7)),
                 extra_secrets=EXTRA[:1])
    out = site.manifests()
    secrets = fake_secrets(out)
    for key, url in redis_urls_as_run(out).items():
        parts = urlsplit(url)
        assert parts.scheme == "rediss", key
        assert (parts.username, parts.password) == (secrets[("harbor-redis", "username")],
                                                    secrets[("harbor-redis", "password")])
        assert (parts.hostname, parts.port) == ("redis.example.com", 6380)
        assert int(parts.path.strip("/")) == getattr(RedisDatabases(core=3, jobservice=4, registry=6, trivy=7),
                                                     REDIS_URLS[key])
    registry = container(out, "Deployment", "harbor-registry", "registry")
    # distribution's release/2.8 has no Redis username: it logs in as the default user (README)
    assert "REGISTRY_REDIS_USERNAME" not in env_of(registry)
    assert secret_ref(registry, "REGISTRY_REDIS_PASSWORD") == ("harbor-redis", "password")
    assert env_of(registry)["REGISTRY_REDIS_ENABLETLS"]["value"] == "true"
    assert load_yaml(out.get("ConfigMap", "harbor-registry").obj["data"]["config.yml"])["redis"]["db"] == 6


def test_redis_without_a_password_keeps_its_urls_in_config_maps() -> None:
    site = build(redis=ExternalRedis(host="10.1.2.3"), extra_secrets=())
    out = site.manifests()
    assert out.get("ConfigMap", "harbor-core").obj["data"]["_REDIS_URL_CORE"] == \
        "redis://10.1.2.3:6379/0?idle_timeout_seconds=30"
    config = load_yaml(out.get("ConfigMap", "harbor-jobservice").obj["data"]["config.yml"])
    assert config["worker_pool"]["redis_pool"]["redis_url"] == "redis://10.1.2.3:6379/1?idle_timeout_seconds=30"
    assert not [n for n in secret_env_names(out) if "REDIS" in n]
    assert not out.find("StatefulSet", "harbor-redis")


# ---- an external PostgreSQL by address ----------------------------------------------------------------

def test_external_database_by_address() -> None:
    site = build(database=ExternalDatabase(host="pg.example.com", port=5433, database="harbor_registry",
                                           user="harbor_app", password=DB_PASSWORD,
                                           ssl_mode=SslMode.REQUIRE, max_open_connections=200,
                                           peer=DataStorePeer(cidrs=("192.0.2.0/24",))),
                 database_password=False, extra_secrets=EXTRA[2:])
    out = site.manifests()
    data = out.get("ConfigMap", "harbor-core").obj["data"]
    assert (data["POSTGRESQL_HOST"], data["POSTGRESQL_PORT"], data["POSTGRESQL_DATABASE"],
            data["POSTGRESQL_USERNAME"], data["POSTGRESQL_SSLMODE"], data["POSTGRESQL_MAX_OPEN_CONNS"]) == \
        ("pg.example.com", "5433", "harbor_registry", "harbor_app", "require", "200")
    assert secret_ref(container(out, "Deployment", "harbor-core", "core"), "POSTGRESQL_PASSWORD") == \
        ("harbor-db", "password")
    assert "PGSSLROOTCERT" not in env_of(container(out, "Deployment", "harbor-core", "core"))
    assert not out.find("StatefulSet", "harbor-database") and not out.find("Service", "harbor-database")
    assert not out.of_kind("Cluster")
    assert site.harbor.database is None and site.harbor.redis is not None
    assert validation_errors(site.app) == []
    policies, pods = out.of_kind("NetworkPolicy"), pods_of(out)
    server = Endpoint("postgres", ip="192.0.2.10")
    assert allowed(policies, pods["core"], server, 5433) and allowed(policies, pods["jobservice"], server, 5433)
    assert not allowed(policies, pods["core"], server, 5432)
    assert not allowed(policies, pods["registry"], server, 5433)
    assert "database" not in pods


def test_an_external_databases_stated_limit_fits_smaller_pools() -> None:
    # 3 pools of a rolling update (core with its surge pod, jobservice recreated on its ReadWriteOnce
    # volume) of 100, a migrator's session and 3 reserved slots: 304
    fits = ExternalDatabase(host="db", password=DB_PASSWORD, max_open_connections=100, max_idle_connections=10,
                            max_connections=304)
    props = dict(database_password=False, extra_secrets=EXTRA[2:])
    assert validation_errors(build(database=fits, **props).app) == []
    message = refusal(lambda: build(database=replace(fits, max_connections=303), **props),
                      "ExternalDatabase.max_connections")
    assert "at least 304" in message


def test_external_database_with_the_synced_password_and_a_ca() -> None:
    # the homelab's synced key serves an external server too: nothing new to store in OpenBao
    ca_sync = SyncedSecret("harbor-db-ca", keys={"ca.crt": BaoKey(path=SECRETS_PATH, key="DATABASE_CA")})
    synced_password = SecretKeyRef(secret="harbor-database", key="POSTGRES_PASSWORD")
    site = build(extra_secrets=(ca_sync,), database=ExternalDatabase(
        host="db.internal", password=synced_password, ca_certificate=SecretKeyRef(secret="harbor-db-ca", key="ca.crt")))
    out = site.manifests()
    core = container(out, "Deployment", "harbor-core", "core")
    assert secret_ref(core, "POSTGRESQL_PASSWORD") == ("harbor-database", "POSTGRES_PASSWORD")
    assert env_of(core)["PGSSLROOTCERT"]["value"].endswith("/ca.crt")
    assert out.get("ConfigMap", "harbor-core").obj["data"]["POSTGRESQL_SSLMODE"] == "verify-full"
    assert validation_errors(site.app) == []


# ---- S3 ------------------------------------------------------------------------------------------------

def test_images_in_s3(ha: Manifests) -> None:
    config = load_yaml(ha.get("ConfigMap", "harbor-registry").obj["data"]["config.yml"])
    storage = config["storage"]
    assert "filesystem" not in storage
    assert storage["s3"] == {"region": "ceph", "bucket": "harbor-images", "regionendpoint": ha_site.S3_ENDPOINT,
                             "secure": True, "v4auth": True}
    assert storage["redirect"] == {"disable": True}
    for c in ("registry", "registryctl"):
        found = container(ha, "Deployment", "harbor-registry", c)
        assert secret_ref(found, "REGISTRY_STORAGE_S3_ACCESSKEY") == ("harbor-s3", "access-key")
        assert secret_ref(found, "REGISTRY_STORAGE_S3_SECRETKEY") == ("harbor-s3", "secret-key")
        assert not [m for m in found["volumeMounts"] if m["mountPath"] == "/storage"]
    assert not ha.find("PersistentVolumeClaim", "harbor-registry")
    assert ha.get("ConfigMap", "harbor-core").obj["data"]["REGISTRY_STORAGE_PROVIDER_NAME"] == "s3"


def test_s3_on_aws_with_the_pods_identity() -> None:
    site = build(image_storage=S3Storage(bucket="my-harbor", region="eu-west-1"), extra_secrets=(),
                 replicas=HarborReplicas(registry=2))
    out = site.manifests()
    storage = load_yaml(out.get("ConfigMap", "harbor-registry").obj["data"]["config.yml"])["storage"]
    assert storage["s3"] == {"region": "eu-west-1", "bucket": "my-harbor", "secure": True, "v4auth": True}
    assert storage["redirect"] == {"disable": False}
    registry = container(out, "Deployment", "harbor-registry", "registry")
    assert "REGISTRY_STORAGE_S3_ACCESSKEY" not in env_of(registry)
    # the default ReadWriteOnce registry volume is not used with S3: two replicas roll
    assert out.get("Deployment", "harbor-registry").obj["spec"]["strategy"]["type"] == "RollingUpdate"


@pytest.mark.parametrize("proxy", [ProxySettings(), ProxySettings(https_proxy="http://proxy.example.com:443")],
                         ids=["direct", "through-a-proxy"])
def test_the_registry_reaches_the_internet_only_to_get_to_its_bucket_through_a_proxy(proxy) -> None:
    # the registry dials redis and its S3 server; through an outbound proxy, it dials the proxy instead
    public = Endpoint("public", ip="203.0.113.7")
    for storage in (None, S3Storage(bucket="my-harbor", region="eu-west-1", peer=DataStorePeer(cidrs=("10.40.0.0/24",)))):
        out = build(image_storage=storage, extra_secrets=(), proxy=proxy).manifests()
        policies, pods = out.of_kind("NetworkPolicy"), pods_of(out)
        expected = storage is not None and bool(proxy.https_proxy)
        assert allowed(policies, pods["registry"], public, 443) is expected, (storage, proxy)


# ---- NetworkPolicies ----------------------------------------------------------------------------------

VALKEY_POD = Endpoint("valkey", "valkey", {"app.kubernetes.io/name": "valkey"})
CNPG_POD = Endpoint("postgres", ha_site.NAMESPACE, {"cnpg.io/cluster": "harbor-database"})
OPERATOR_POD = Endpoint("operator", "cnpg-system", {"app.kubernetes.io/name": "cloudnative-pg"})
RGW = Endpoint("rgw", ip="10.40.0.5")
API_SERVER = Endpoint("api", ip="10.0.0.1")


@pytest.fixture(scope="module")
def ha_policies(ha: Manifests) -> list[Manifest]:
    return ha.of_kind("NetworkPolicy")


@pytest.fixture(scope="module")
def ha_pods(ha: Manifests) -> dict[str, Endpoint]:
    return pods_of(ha)


@pytest.mark.parametrize("client", ["core", "jobservice", "registry", "trivy"])
def test_redis_clients_reach_valkey_and_only_its_port(ha_policies, ha_pods, client: str) -> None:
    assert allowed(ha_policies, ha_pods[client], VALKEY_POD, 6379)
    assert not allowed(ha_policies, ha_pods[client], VALKEY_POD, 6380)


@pytest.mark.parametrize("client", ["nginx", "portal"])
def test_other_components_reach_no_data_store(ha_policies, ha_pods, client: str) -> None:
    assert not allowed(ha_policies, ha_pods[client], VALKEY_POD, 6379)
    assert not allowed(ha_policies, ha_pods[client], CNPG_POD, 5432)
    assert not allowed(ha_policies, ha_pods[client], RGW, 443)


def test_database_clients_reach_the_cluster_both_sides(ha_policies, ha_pods) -> None:
    for client in ("core", "jobservice"):
        assert allowed(ha_policies, ha_pods[client], CNPG_POD, 5432), client
    for client in ("registry", "trivy", "nginx"):
        assert not allowed(ha_policies, ha_pods[client], CNPG_POD, 5432), client


def test_the_cluster_works_under_default_deny(ha_policies) -> None:
    assert allowed(ha_policies, OPERATOR_POD, CNPG_POD, 8000)
    assert allowed(ha_policies, OPERATOR_POD, CNPG_POD, 5432)
    replica = Endpoint("postgres-2", ha_site.NAMESPACE, {"cnpg.io/cluster": "harbor-database",
                                                "cnpg.io/instanceRole": "replica"})
    assert allowed(ha_policies, replica, CNPG_POD, 5432)
    assert allowed(ha_policies, CNPG_POD, API_SERVER, 6443) and allowed(ha_policies, CNPG_POD, API_SERVER, 443)
    assert not allowed(ha_policies, CNPG_POD, API_SERVER, 80)
    assert not allowed(ha_policies, Endpoint("other", ha_site.NAMESPACE, {"app": "x"}), CNPG_POD, 5432)


def test_kubectl_cnpg_status_reaches_the_instances_where_the_api_servers_are_known(ha_policies) -> None:
    # the plugin reads status through the API server's pod proxy (CloudNativePG v1.30.0
    # internal/plugin/resources/instance.go ProxyGet): from the API servers' addresses
    assert not allowed(ha_policies, API_SERVER, CNPG_POD, 8000)       # KubernetesApi() names none
    site = build(database=CloudNativePgDatabase(instances=2, kubernetes_api=KubernetesApi(cidrs=("10.0.0.1/32",))),
                 database_password=False, extra_secrets=())
    policies = site.manifests().of_kind("NetworkPolicy")
    assert allowed(policies, API_SERVER, CNPG_POD, 8000)
    assert not allowed(policies, API_SERVER, CNPG_POD, 5432)
    assert not allowed(policies, Endpoint("elsewhere", ip="10.0.0.2"), CNPG_POD, 8000)


def test_only_the_registry_reaches_the_object_store(ha_policies, ha_pods) -> None:
    assert allowed(ha_policies, ha_pods["registry"], RGW, 443)
    for client in ("core", "jobservice", "trivy"):
        assert not allowed(ha_policies, ha_pods[client], RGW, 443), client


# ---- the CloudNativePG construct on its own -----------------------------------------------------------

def test_cloudnative_pg_cluster_hands_out_its_handles() -> None:
    chart = AppChart(cdk8s.App(), "db", namespace=APP_NAMESPACE)
    cluster = CloudNativePgCluster(chart, "db", name="orders", settings=CloudNativePgDatabase(instances=1),
                                   network_policy=False)
    assert isinstance(cluster, SecretProducer)
    assert (cluster.service.service, cluster.service.port) == ("orders-rw", 5432)
    assert (cluster.password.secret, cluster.password.key) == ("orders-app", "password")
    assert ("orders-ca", "ca.crt") in cluster.produced_keys and cluster.produced_namespace == APP_NAMESPACE
    out = synth(chart)
    assert out.get("Cluster", "orders").obj["spec"]["instances"] == 1
    assert not out.of_kind("NetworkPolicy")


def test_a_pod_may_read_the_operators_secret_only_beside_its_cluster() -> None:
    site = build(database=CloudNativePgDatabase(instances=2), database_password=False, extra_secrets=())
    assert validation_errors(site.app) == []
    # the same pod reading the Secret of a Cluster nobody declared: the check names it
    site = build(database=ExternalDatabase(host="other-rw", password=SecretKeyRef(secret="other-app",
                                                                                 key="password")),
                 database_password=False, extra_secrets=())
    errors = validation_errors(site.app)
    assert any("Secret 'other-app' key 'password'" in e and "SecretProducer" in e for e in errors), errors


def test_the_operators_unread_secrets_are_no_mistake() -> None:
    # the CA Secret goes unread with sslmode require: no "nobody reads it" error, unlike a synced one
    site = build(database=CloudNativePgDatabase(ssl_mode=SslMode.REQUIRE), database_password=False, extra_secrets=())
    out = site.manifests()
    assert "PGSSLROOTCERT" not in env_of(container(out, "Deployment", "harbor-core", "core"))
    assert validation_errors(site.app) == []


# ---- the checks' rendering cache -------------------------------------------------------------------

def test_checks_see_a_tree_changed_between_two_validations() -> None:
    # the cache of renderings lives for one validation pass only (checks.rendering_session)
    site = build(extra_secrets=())
    assert validation_errors(site.app) == []
    site.harbor.jobservice.deployment.add_json_patch(cdk8s.JsonPatch.replace("/spec/replicas", 2))
    errors = validation_errors(site.app)
    assert any("HarborStorage.jobservice.access" in e for e in errors), errors


def test_a_session_renders_the_tree_once() -> None:
    from constructs.harbor.kit.checks import _cache, tree

    site = build(extra_secrets=())
    with _cache.rendering_session():
        assert tree._rendered(site.app) is tree._rendered(site.app)
        under_harbor = {m.path for m in tree.manifests(site.harbor)}
        everything = {m.path for m in tree.manifests(site.app)}
    assert under_harbor < everything and all(p.startswith("site/harbor/") for p in under_harbor)
    assert tree._rendered(site.app) is not tree._rendered(site.app)   # outside a session: always afresh


# ---- bad input ---------------------------------------------------------------------------------------

def harbor(**props: Any) -> Callable[[], object]:
    return lambda: build(**props)


BAD = [
    ("ha-rwo-registry-volume", harbor(replicas=HarborReplicas(registry=2),
                                      storage=HarborStorage(registry=Storage(access=AccessMode.READ_WRITE_ONCE))),
     "HarborStorage.registry.access", "ReadWriteOnce"),
    ("ha-rwo-job-logs", harbor(replicas=HarborReplicas(jobservice=3)), "HarborStorage.jobservice.access",
     "ReadWriteOnce"),
    ("ha-trivy-shares-a-rwo-claim", harbor(replicas=HarborReplicas(trivy=2), trivy=TrivySettings(),
                                           storage=HarborStorage(trivy=Storage(existing_claim="trivy"))),
     "HarborStorage.trivy.access", "ReadWriteOnce"),
    ("external-database-without-password", lambda: ExternalDatabase(host="db.example.com"),
     "ExternalDatabase.password", "None"),
    ("external-database-password-as-text", lambda: ExternalDatabase(host="db.example.com", password="hunter2"),
     "ExternalDatabase.password", "hunter2"),
    ("external-database-bad-sslmode", lambda: ExternalDatabase(host="db", password=DB_PASSWORD, ssl_mode="required"),
     "ExternalDatabase.ssl_mode", "required"),
    ("external-database-port-zero", lambda: ExternalDatabase(host="db", password=DB_PASSWORD, port=0),
     "ExternalDatabase.port", "0"),
    ("external-database-host-url", lambda: ExternalDatabase(host="postgres://db:5432", password=DB_PASSWORD),
     "ExternalDatabase.host", "postgres://db:5432"),
    ("external-database-user-with-space", lambda: ExternalDatabase(host="db", password=DB_PASSWORD, user="a b"),
     "ExternalDatabase.user", "a b"),
    ("external-database-ca-without-verify", lambda: ExternalDatabase(
        host="db", password=DB_PASSWORD, ssl_mode=SslMode.REQUIRE, ca_certificate=DB_PASSWORD),
     "ExternalDatabase.ssl_mode", "require"),
    ("external-database-idle-above-open", lambda: ExternalDatabase(host="db", password=DB_PASSWORD,
                                                                   max_idle_connections=50, max_open_connections=10),
     "ExternalDatabase.max_idle_connections", "50"),
    ("external-database-max-connections-zero", lambda: ExternalDatabase(host="db", password=DB_PASSWORD,
                                                                        max_connections=0),
     "ExternalDatabase.max_connections", "0"),
    # PostgreSQL's default of 100 against Harbor's default pools of 900 (_components/connection_budget.py)
    ("external-database-too-few-connections", harbor(database=ExternalDatabase(host="db", password=DB_PASSWORD,
                                                                              max_connections=100)),
     "ExternalDatabase.max_connections", "100"),
    ("cnpg-zero-instances", lambda: CloudNativePgDatabase(instances=0), "CloudNativePgDatabase.instances", "0"),
    ("cnpg-size-not-a-quantity", lambda: CloudNativePgDatabase(size="20GB"), "CloudNativePgDatabase.size", "20GB"),
    ("cnpg-owner-superuser", lambda: CloudNativePgDatabase(owner="postgres"), "CloudNativePgDatabase.owner",
     "postgres"),
    ("cnpg-bad-sslmode", lambda: CloudNativePgDatabase(ssl_mode="verify"), "CloudNativePgDatabase.ssl_mode",
     "verify"),
    ("cnpg-image-latest", lambda: CloudNativePgDatabase(image="ghcr.io/cloudnative-pg/postgresql:latest"),
     "CloudNativePgDatabase.image", "ghcr.io/cloudnative-pg/postgresql:latest"),
    ("cnpg-operator-label", lambda: CloudNativePgDatabase(operator_pod_labels={"bad key": "x"}),
     "CloudNativePgDatabase.operator_pod_labels key", "bad key"),
    ("cnpg-too-few-connections", harbor(database=CloudNativePgDatabase(max_connections=500),
                                        replicas=HarborReplicas(core=4, jobservice=2), database_password=False,
                                        extra_secrets=()),
     "CloudNativePgDatabase.max_connections", "500"),
    ("cnpg-name-too-long", lambda: CloudNativePgCluster(AppChart(cdk8s.App(), "c", namespace="a"), "db",
                                                        name="d" * 51, settings=CloudNativePgDatabase()),
     "CloudNativePgCluster.name", "d" * 51),
    ("redis-port-too-high", lambda: ExternalRedis(host="valkey", port=70000), "ExternalRedis.port", "70000"),
    ("redis-host-with-scheme", lambda: ExternalRedis(host="redis://valkey"), "ExternalRedis.host", "redis://valkey"),
    ("redis-username-without-password", lambda: ExternalRedis(host="valkey", username=REDIS_USERNAME),
     "ExternalRedis.password", "None"),
    ("redis-tls-as-string", lambda: ExternalRedis(host="valkey", tls="yes"), "ExternalRedis.tls", "yes"),
    ("redis-shared-index", lambda: RedisDatabases(jobservice=0), "RedisDatabases", "'jobservice': 0"),
    ("redis-negative-index", lambda: RedisDatabases(trivy=-1), "RedisDatabases.trivy", "-1"),
    ("s3-without-bucket", lambda: S3Storage(bucket=""), "S3Storage.bucket", "''"),
    ("s3-bucket-upper-case", lambda: S3Storage(bucket="Harbor_Images"), "S3Storage.bucket", "Harbor_Images"),
    ("s3-empty-region", lambda: S3Storage(bucket="harbor", region=""), "S3Storage.region", "''"),
    ("s3-endpoint-not-http", lambda: S3Storage(bucket="harbor", endpoint="s3://rgw"), "S3Storage.endpoint",
     "s3://rgw"),
    ("s3-access-key-alone", lambda: S3Storage(bucket="harbor", access_key=S3_ACCESS), "S3Storage.secret_key",
     "None"),
    ("s3-root-relative", lambda: S3Storage(bucket="harbor", root_directory="harbor"), "S3Storage.root_directory",
     "harbor"),
    ("peer-cidr-host-bits", lambda: DataStorePeer(cidrs=("10.40.0.5/24",)), "DataStorePeer.cidrs", "10.40.0.5/24"),
    ("peer-namespace-upper", lambda: DataStorePeer(namespace="Valkey"), "DataStorePeer.namespace", "Valkey"),
    ("kubernetes-api-no-ports", lambda: KubernetesApi(ports=()), "KubernetesApi.ports", "()"),
    ("harbor-database-as-url", harbor(database="postgres://db"), "HarborRegistry.database", "postgres://db"),
    ("harbor-redis-as-dict", harbor(redis={"host": "valkey"}), "HarborRegistry.redis", "{'host': 'valkey'}"),
    ("harbor-image-storage-as-string", harbor(image_storage="s3"), "HarborRegistry.image_storage", "s3"),
    ("own-database-without-password", harbor(database_password=False), "HarborSecrets.database_password", "None"),
]


@pytest.mark.parametrize("make, field, bad", [c[1:] for c in BAD], ids=[c[0] for c in BAD])
def test_bad_input_names_the_field_and_quotes_the_value(make: Callable[[], object], field: str, bad: str) -> None:
    message = refusal(make, field)
    assert bad in message, f"the message does not quote {bad!r}: {message}"


def test_bad_cases_are_distinct() -> None:
    ids = [c[0] for c in BAD]
    assert len(ids) == len(set(ids)) >= 30


def test_openbao_setup_says_the_redis_password_must_be_url_safe(tmp_path) -> None:
    from constructs.harbor.kit import setup_script

    script = setup_script(ha_site.build(str(tmp_path)))
    # the password of the external Valkey is spliced into redis:// URLs: the operator reads the rule
    # right where the key is stored
    assert re.search(r"^# secret/harbor \S+: letters, digits, '-', '\.', '_' and '~' only \(RFC 3986 unreserved\): "
                     r"Harbor's components read it inside redis:// URLs$", script, re.MULTILINE), script
    homelab = setup_script(__import__("main").build(str(tmp_path)))
    assert "redis:// URLs" not in homelab   # the bundled Redis has no password
