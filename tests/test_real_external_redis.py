"""The registry with an external Redis that requires a password, on Debian's distribution and redis.

The registry's config.yml (a ConfigMap) names the external Redis but holds no password; the pod's
environment carries REGISTRY_REDIS_PASSWORD from the Secret, which distribution reads in place of
`redis.password` (configuration/parser.go: every REGISTRY_<PATH> variable overrides that key).
Here a real redis-server demands the password (`requirepass`) and a real registry, started with the
config bytes and the pod's environment, must cache layer metadata in the configured database: the
path the password takes is proven by what the registry does, not by what the manifest says.

Debian 12's distribution is 2.8.2 and Harbor's registry-photon is its 2.8 fork: both take the
override the same way (the parser is upstream's). The sandbox is the one of tests/realsoftware.py.
"""

import os
from collections.abc import Iterator

import cdk8s
import pytest
from conftest import load_manifests
from fast_yaml import load_yaml
from realsoftware import Bind, Sandbox, program, redis_commands, require_sandbox, workdir
from support import EXTERNAL_URL, SECRETS_PATH, synced_chart
from test_real_registry import (
    REPOSITORY,
    Registry,
    container,
    layer_tar_gz,
    location,
    pod_env,
    sha256,
    with_digest,
)

from constructs.harbor import ExternalRedis, HarborRegistry, HarborSecrets, RedisDatabases
from constructs.harbor.harbor_secrets import REGISTRY_USER, SPECS
from constructs.harbor.kit import SyncedSecret, synthesize
from constructs.harbor.kit.openbao import BaoKey
from constructs.harbor.secret_generator import htpasswd_line, random_string

REDIS_HOST = "redis.example.internal"
REDIS_PORT = 6380
REDIS_DB = 9


def build(outdir: str) -> cdk8s.App:
    app, chart, sync = synced_chart(
        app=cdk8s.App(outdir=outdir, yaml_output_type=cdk8s.YamlOutputType.FILE_PER_RESOURCE),
        extra_secrets=[SyncedSecret("harbor-redis", keys={"password": BaoKey(path=SECRETS_PATH, key="REDIS_PASSWORD")})])
    HarborRegistry(chart, "harbor", external_url=EXTERNAL_URL, secrets=HarborSecrets.from_sync(sync),
                   redis=ExternalRedis(host=REDIS_HOST, port=REDIS_PORT, password=sync.key("harbor-redis", "password"),
                                       databases=RedisDatabases(registry=REDIS_DB)))
    return app


@pytest.fixture(scope="module")
def registry(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Registry]:
    require_sandbox()
    docker_registry, redis_server = program("docker-registry"), program("redis-server")
    out = tmp_path_factory.mktemp("external-redis") / "site"
    synthesize(build, out)
    manifests = load_manifests(out)
    text = manifests.get("ConfigMap", "harbor-registry").obj["data"]["config.yml"]
    config = load_yaml(text)
    assert "password" not in config["redis"], "the ConfigMap must not carry the password"
    assert config["redis"]["addr"] == f"{REDIS_HOST}:{REDIS_PORT}" and config["redis"]["db"] == REDIS_DB
    pod, spec = container(manifests, "harbor-registry", "registry")
    mounts = {m["mountPath"]: m for m in spec["volumeMounts"]}
    (config_path,) = [path for path, m in mounts.items() if m.get("subPath") == "config.yml"]
    security = pod["securityContext"]

    password, redis_password = random_string(32), random_string(32)
    http_secret = SPECS["registry_http_secret"]
    env = pod_env(spec, {(http_secret.secret("harbor"), http_secret.key): random_string(32),
                         ("harbor-redis", "password"): redis_password})
    assert env["REGISTRY_REDIS_PASSWORD"] == redis_password

    with workdir("harbor-external-redis-") as folder:
        (folder / "config.yml").write_bytes(text.encode())
        (folder / "config.yml").chmod(0o644)
        passwd = folder / "passwd"
        passwd.write_text(htpasswd_line(REGISTRY_USER, password))
        os.chown(passwd, 0, security["fsGroup"])
        passwd.chmod(0o440)
        storage = folder / "storage"
        storage.mkdir()
        os.chown(storage, 0, security["fsGroup"])
        storage.chmod(0o2775)
        binds = [Bind(config_path, folder / "config.yml"), Bind(config["auth"]["htpasswd"]["path"], passwd),
                 Bind(config["storage"]["filesystem"]["rootdirectory"], storage, read_only=False)]
        with Sandbox(folder, binds, hosts={REDIS_HOST: "127.0.0.1"}) as sandbox:
            try:
                redis = sandbox.spawn("redis", [redis_server, "--bind", "127.0.0.1", "--port", str(REDIS_PORT),
                                                "--requirepass", redis_password, "--save", "", "--appendonly", "no",
                                                "--dir", "/tmp"], user=999)
                sandbox.wait_for_port(redis, REDIS_PORT)
                server = sandbox.spawn("registry", [docker_registry, *spec["command"][1:]],
                                       user=security["runAsUser"], group=security["runAsGroup"],
                                       groups=(security["fsGroup"],), env=env)
                port = int(config["http"]["addr"].rsplit(":", 1)[1])
                sandbox.wait_for_port(server, port)
                debug_port = int(config["http"]["debug"]["addr"].rsplit(":", 1)[1])
                registry = Registry(sandbox, server, port, config, password, storage, REDIS_PORT, debug_port)
                registry.redis_password = redis_password  # type: ignore[attr-defined]
                yield registry
            finally:
                sandbox.report()


def test_the_registry_logs_in_to_redis_with_the_secret(registry: Registry) -> None:
    layer, _ = layer_tar_gz()
    status, headers, body = registry.call("POST", f"/v2/{REPOSITORY}/blobs/uploads/")
    assert status == 202, body
    status, headers, body = registry.call("PUT", with_digest(location(headers), sha256(layer)), body=layer,
                                          headers={"Content-Type": "application/octet-stream"})
    assert status == 201, body
    assert registry.call("HEAD", f"/v2/{REPOSITORY}/blobs/{sha256(layer)}")[0] == 200
    auth, _, keys = redis_commands(registry.sandbox, REDIS_PORT, ("AUTH", registry.redis_password),
                                   ("SELECT", REDIS_DB), ("KEYS", "*"))
    assert auth == "OK"
    assert f"blobs::{sha256(layer)}" in keys, keys
    log = registry.server.output()
    assert "NOAUTH" not in log and "WRONGPASS" not in log, log


def test_without_the_password_redis_refuses(registry: Registry) -> None:
    # the server really demands it: the registry's cache entries above prove it sent the password
    with pytest.raises(RuntimeError, match="NOAUTH"):
        redis_commands(registry.sandbox, REDIS_PORT, ("SELECT", REDIS_DB))
