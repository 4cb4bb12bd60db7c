"""The redis component: Harbor's Redis StatefulSet, its claim and its Service."""

from __future__ import annotations

import pytest
from kubernetes_validate import utils as kv_utils
from support import Built, Workload, build_component, find

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
    assert service["spec"]["selector"] == REDIS.get(manifests)["spec"]["selector"]["matchLabels"]
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
    spec = templates[0]["spec"]
    assert spec["accessModes"] == ["ReadWriteOnce"]
    assert spec["resources"]["requests"]["storage"] == "1Gi"
    assert "storageClassName" not in spec
    assert not [m for m in manifests if m["kind"] == "PersistentVolumeClaim"]
    assert not REDIS.pod(manifests).get("volumes")
    assert redis.claim_name is None


@pytest.mark.parametrize("storage", [
    Storage(size="2Gi", storage_class="longhorn"),
    Storage(size="4Gi", access=AccessMode.READ_WRITE_ONCE_POD, storage_class="local-path"),
])
def test_claim_template_follows_storage(storage: Storage) -> None:
    manifests = build(storage=HarborStorage(redis=storage)).manifests
    (template,) = REDIS.get(manifests)["spec"]["volumeClaimTemplates"]
    assert template["spec"]["accessModes"] == [storage.access.value]
    assert template["spec"]["resources"]["requests"]["storage"] == storage.size
    assert template["spec"]["storageClassName"] == storage.storage_class


def test_existing_claim_replaces_the_template() -> None:
    _, redis, manifests = build(storage=HarborStorage(redis=Storage(size="1Gi", existing_claim="redis-data")))
    assert not REDIS.get(manifests)["spec"].get("volumeClaimTemplates")
    assert not [m for m in manifests if m["kind"] == "PersistentVolumeClaim"]
    assert REDIS.pod(manifests)["volumes"] == [{"name": "data", "persistentVolumeClaim": {"claimName": "redis-data"}}]
    assert REDIS.container(manifests)["volumeMounts"] == [{"name": "data", "mountPath": DATA}]
    assert redis.claim_name == "redis-data"


def test_pod_settings(manifests: list[dict]) -> None:
    spec = REDIS.pod(manifests)
    assert spec["terminationGracePeriodSeconds"] == 120
    assert spec["automountServiceAccountToken"] is False
    security = spec["securityContext"]
    assert (security["runAsUser"], security["runAsGroup"], security["fsGroup"]) == (999, 999, 999)
    assert security["runAsNonRoot"] is True


def test_container_is_restricted_with_a_read_only_root(manifests: list[dict]) -> None:
    security = REDIS.container(manifests)["securityContext"]
    assert security["allowPrivilegeEscalation"] is False
    assert security["privileged"] is False
    assert security["runAsNonRoot"] is True
    assert security["capabilities"] == {"drop": ["ALL"]}
    assert security["seccompProfile"] == {"type": "RuntimeDefault"}
    assert security["readOnlyRootFilesystem"] is True


@pytest.mark.parametrize("resources", [
    HarborResources().redis,
    Resources(cpu_request="100m", memory_request="128Mi", cpu_limit="1", memory_limit="512Mi"),
])
def test_resources(resources: Resources) -> None:
    manifests = build(resources=HarborResources(redis=resources)).manifests
    assert REDIS.container(manifests)["resources"] == {
        "requests": {"cpu": resources.cpu_request, "memory": resources.memory_request},
        "limits": {"cpu": resources.cpu_limit, "memory": resources.memory_limit},
    }


# A StatefulSet's volumeClaimTemplates are immutable: if a Harbor upgrade changed them, the API
# server would reject the update and Argo CD could not sync. base.claim_template labels them with
# the full label set, app.kubernetes.io/version included; the fix belongs to base.py.
def test_claim_template_survives_a_version_upgrade(manifests: list[dict]) -> None:
    upgraded = build(images=HarborImages(tag="v2.15.2")).manifests
    assert REDIS.get(upgraded)["spec"]["volumeClaimTemplates"] == \
        REDIS.get(manifests)["spec"]["volumeClaimTemplates"]


@pytest.mark.parametrize("version", ["1.27", kv_utils.latest_version()])
def test_objects_pass_strict_kubernetes_schemas(manifests: list[dict], version: str) -> None:
    mine = [m for m in manifests if m["metadata"]["name"] == NAME]
    assert {m["kind"] for m in mine} == {"Service", "StatefulSet"}
    for m in mine:
        kv_utils.validate(m, version, strict=True)
