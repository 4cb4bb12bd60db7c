"""HarborRegistry's one log level, as each Harbor binary accepts it.

The accepted sets below are read from the sources cited next to each, at the tags Harbor v2.15.1
ships; they are written out here rather than imported from the library, so that the library's
mapping (components/log_levels.py) is judged by them, not by itself. Every LogLevel goes through
every component, and what each binary gets must be in its set.
"""

from __future__ import annotations

import pytest
from fast_yaml import load_yaml
from support import find, harbor_chart, objects, pod_of

from constructs.harbor._components.core import Core
from constructs.harbor._components.jobservice import Jobservice
from constructs.harbor._components.registry import Registry
from constructs.harbor._components.trivy import Trivy
from constructs.harbor.settings import LogLevel, TrivySettings

# goharbor/harbor v2.15.1 src/lib/log/level.go `parseLevel` (case-insensitive; logger.go `init`
# reads LOG_LEVEL, and an unknown name silently means info)
HARBOR_LOGGER = {"debug", "info", "warning", "error", "fatal"}
# goharbor/harbor v2.15.1 src/jobservice/logger/known_loggers.go `debugLevels`, the names Harbor's
# installer writes (make/photon/prepare/utils/jobservice.py upper-cases them)
JOBSERVICE_LOGGERS = {"DEBUG", "INFO", "WARNING", "ERROR", "FATAL"}
# goharbor/distribution release/2.8 configuration/configuration.go `Loglevel.UnmarshalYAML`: anything
# else fails parsing, and the registry and registryctl exit
DISTRIBUTION = {"error", "warn", "info", "debug"}
# goharbor/harbor-scanner-trivy v0.36.0 pkg/etc/config.go `LogLevel` (an unknown name means info)
TRIVY = {"error", "warn", "warning", "info", "trace", "debug"}


def rendered(level: LogLevel) -> dict[str, list[str]]:
    """Every place a log level lands, by reader, for one HarborRegistry log level."""
    chart, ctx = harbor_chart(log_level=level)
    Core(chart, "core", ctx)
    Jobservice(chart, "jobservice", ctx)
    Registry(chart, "registry", ctx)
    Trivy(chart, "trivy", ctx, TrivySettings())
    manifests = objects(chart)

    def containers(kind: str, name: str) -> dict[str, dict]:
        return {c["name"]: c for c in pod_of(manifests, kind, name)["containers"]}

    def env(container: dict, name: str) -> str:
        values = [e.get("value") for e in container.get("env", []) if e["name"] == name]
        return values[0] if values else "<unset>"

    jobservice = load_yaml(find(manifests, "ConfigMap", "harbor-jobservice")["data"]["config.yml"])
    registry = load_yaml(find(manifests, "ConfigMap", "harbor-registry")["data"]["config.yml"])
    registry_pod = containers("Deployment", "harbor-registry")
    return {
        "core LOG_LEVEL": [find(manifests, "ConfigMap", "harbor-core")["data"]["LOG_LEVEL"]],
        "jobservice LOG_LEVEL": [find(manifests, "ConfigMap", "harbor-jobservice-env")["data"]["LOG_LEVEL"]],
        "jobservice config.yml loggers": [logger["level"] for logger in
                                          [*jobservice["loggers"], *jobservice["job_loggers"]]],
        "registry config.yml log.level": [registry["log"]["level"]],
        "registryctl LOG_LEVEL": [env(registry_pod["registryctl"], "LOG_LEVEL")],
        "trivy SCANNER_LOG_LEVEL": [env(containers("StatefulSet", "harbor-trivy")["trivy"], "SCANNER_LOG_LEVEL")],
    }


ACCEPTED = {
    "core LOG_LEVEL": HARBOR_LOGGER,
    "jobservice LOG_LEVEL": HARBOR_LOGGER,
    "jobservice config.yml loggers": JOBSERVICE_LOGGERS,
    "registry config.yml log.level": DISTRIBUTION,
    "registryctl LOG_LEVEL": HARBOR_LOGGER,
    "trivy SCANNER_LOG_LEVEL": TRIVY,
}


@pytest.fixture(scope="module", params=list(LogLevel), ids=[level.value for level in LogLevel])
def levels(request: pytest.FixtureRequest) -> tuple[LogLevel, dict[str, list[str]]]:
    return request.param, rendered(request.param)


@pytest.mark.parametrize("reader", sorted(ACCEPTED))
def test_every_level_is_one_its_reader_accepts(levels, reader: str) -> None:
    level, found = levels
    assert found[reader], f"no log level found for {reader}"
    for value in found[reader]:
        assert value in ACCEPTED[reader], (
            f"HarborRegistry.log_level={level.value} gives {reader} {value!r}, which it does not accept "
            f"(accepted: {sorted(ACCEPTED[reader])})")


# where a reader lacks the level, the closest it has: never a chattier one
CLOSEST = {
    ("registry config.yml log.level", LogLevel.WARNING): "warn",
    ("registry config.yml log.level", LogLevel.FATAL): "error",
    ("trivy SCANNER_LOG_LEVEL", LogLevel.FATAL): "error",
}


@pytest.mark.parametrize("reader", sorted(ACCEPTED))
def test_a_known_level_passes_unchanged_and_a_missing_one_takes_the_closest(levels, reader: str) -> None:
    level, found = levels
    same_case = {value.lower(): value for value in ACCEPTED[reader]}
    expected = CLOSEST.get((reader, level), same_case.get(level.value))
    assert set(found[reader]) == {expected}
