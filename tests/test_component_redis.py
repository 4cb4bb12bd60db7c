"""The redis component: Harbor's Redis StatefulSet, its claim and its Service."""

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
    k8s_resources,
    named,
    validated_kinds,
)

from constructs.harbor._components.redis import Redis
from constructs.harbor.kit.resources import Resources
from constructs.harbor.settings import AccessMode, HarborImages, HarborResources, HarborStorage, Storage

NAME = "harbor-redis"
DATA = "/var/lib/redis"
REDIS = Workload("StatefulSet", NAME, ("redis",))


def build(**context_fields) -> Built:
    return build_component(Redis, **context_fields)


@pytest.fixture(scope="module")
def manifests(built: Built) -> list[dict]:
    return built.manifests


def test_stateful_set(manifests: list[dict]) -> None:
    spec = REDIS.get(manifests)["spec"]
    assert spec["replicas"] == 1
    assert spec["serviceName"] == NAME
    assert spec["selector"]["matchLabels"].items() <= spec["template"]["metadata"]["labels"].items()
    assert "initContainers" not in spec["template"]["spec"]


def test_claims_outlive_the_stateful_set(manifests: list[dict]) -> None:
    assert REDIS.get(manifests)["spec"]["persistentVolumeClaimRetentionPolicy"] == {
        "whenDeleted": "Retain", "whenScaled": "Retain"}


@pytest.mark.parametrize(("images", "reference"), [
    (HarborImages(), "docker.io/goharbor/redis-photon:v2.15.1"),
    (HarborImages(registry="mirror.lan/dockerhub", tag="v2.15.2"),
     "mirror.lan/dockerhub/goharbor/redis-photon:v2.15.2"),
])
def test_image(images: HarborImages, reference: str) -> None:
    manifests = build(images=images).manifests
    assert REDIS.container(manifests)["image"] == reference
    assert REDIS.container(manifests)["imagePullPolicy"] == "IfNotPresent"


def test_service(built: Built) -> None:
    ctx, redis, manifests = built
    service = find(manifests, "Service", NAME)
    assert [(p["port"], p["targetPort"]) for p in service["spec"]["ports"]] == [(6379, 6379)]
    assert_service_selects(manifests, NAME, REDIS)
    assert redis.service == ctx.endpoints.redis
    assert (redis.service.service, redis.service.port) == (NAME, 6379)
    assert [p["containerPort"] for p in REDIS.container(manifests)["ports"]] == [6379]


def test_no_environment_and_no_secret(manifests: list[dict]) -> None:
    # the image's redis.conf has no password: nothing to pass in
    assert "env" not in REDIS.container(manifests)
    assert not [m for m in manifests if m["kind"] == "Secret"]


@pytest.mark.parametrize(("probe", "delay"), [("livenessProbe", 300), ("readinessProbe", 1)])
def test_probes(manifests: list[dict], probe: str, delay: int) -> None:
    p = REDIS.container(manifests)[probe]
    assert p["tcpSocket"] == {"port": 6379}
    assert p["initialDelaySeconds"] == delay


def test_data_mount(manifests: list[dict]) -> None:
    assert REDIS.container(manifests)["volumeMounts"] == [{"name": "data", "mountPath": DATA}]


def test_default_claim_template(built: Built) -> None:
    _, redis, manifests = built
    templates = REDIS.get(manifests)["spec"]["volumeClaimTemplates"]
    assert [t["metadata"]["name"] for t in templates] == ["data"]
    assert_claim(templates[0]["spec"], Storage(size="1Gi"))
    assert not [m for m in manifests if m["kind"] == "PersistentVolumeClaim"]
    assert not REDIS.pod(manifests).get("volumes")
    assert redis.claim_name is None


@pytest.mark.parametrize("storage", [
    Storage(size="2Gi", storage_class="longhorn"),
    Storage(size="4Gi", access=AccessMode.READ_WRITE_ONCE_POD, storage_class="local-path"),
])
def test_claim_template_follows_storage(storage: Storage) -> None:
    manifests = build(storage=HarborStorage(redis=storage)).manifests
    (template,) = REDIS.claim_templates(manifests)
    assert_claim(template["spec"], storage)


def test_existing_claim_replaces_the_template() -> None:
    _, redis, manifests = build(storage=HarborStorage(redis=Storage(size="1Gi", existing_claim="redis-data")))
    assert_existing_claim_mounted(manifests, REDIS, "data", "redis-data")
    assert REDIS.pod(manifests)["volumes"] == [{"name": "data", "persistentVolumeClaim": {"claimName": "redis-data"}}]
    assert REDIS.container(manifests)["volumeMounts"] == [{"name": "data", "mountPath": DATA}]
    assert redis.claim_name == "redis-data"


def test_pod_settings(manifests: list[dict]) -> None:
    assert_pod_settings(REDIS.pod(manifests), user=999)


def test_container_is_restricted_with_a_read_only_root(manifests: list[dict]) -> None:
    assert_restricted(REDIS.container(manifests))


@pytest.mark.parametrize("resources", [
    HarborResources().redis,
    Resources(cpu_request="100m", memory_request="128Mi", cpu_limit="1", memory_limit="512Mi"),
])
def test_resources(resources: Resources) -> None:
    manifests = build(resources=HarborResources(redis=resources)).manifests
    assert REDIS.container(manifests)["resources"] == k8s_resources(resources)


def test_claim_template_survives_a_version_upgrade(manifests: list[dict]) -> None:
    assert_claim_templates_survive_an_upgrade(REDIS, build, manifests)


@pytest.mark.parametrize("version", KUBERNETES_VERSIONS)
def test_objects_pass_strict_kubernetes_schemas(manifests: list[dict], version: str) -> None:
    assert validated_kinds(named(manifests, NAME), version) == {"Service", "StatefulSet"}
