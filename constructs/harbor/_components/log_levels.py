"""HarborRegistry's one `log_level`, spelled the way each Harbor binary accepts it.

`LogLevel` has Harbor's installer's five names (make/photon/prepare/utils/configs.py: debug, info,
warning, error, fatal). Not every binary knows all five, and they disagree on what an unknown name
does: distribution refuses to start, the others fall back to a default without a word. Each map
below sends every LogLevel to a name its reader accepts; tests/test_component_log_levels.py holds
the accepted sets, read from the sources cited here, and checks every level against every reader.

The portal and the entry point (nginx: `error_log stderr` at nginx's default level, nginx_conf.py),
PostgreSQL and Redis (`loglevel notice` in the image's redis.conf) get no level from HarborRegistry.
"""

from __future__ import annotations

from collections.abc import Mapping
from enum import Enum
from types import MappingProxyType

from ..kit.validation import fail
from ..settings import LogLevel


class LogReader(str, Enum):
    """Who reads a log level, and from where."""

    # Harbor's logger, src/lib/log (harbor v2.15.1): logger.go `init` reads LOG_LEVEL and level.go
    # `parseLevel` accepts debug, info, warning, error, fatal in any case; anything else silently
    # means info. Read by core, jobservice and registryctl.
    HARBOR = "harbor"
    # jobservice's config.yml `loggers[].level` and `job_loggers[].level`:
    # src/jobservice/logger/backend/utils.go `parseLevel` (unknown names silently mean warning) and
    # known_loggers.go `debugLevels` (DEBUG, INFO, WARNING, ERROR, FATAL). Harbor's installer writes
    # them in upper case (make/photon/prepare/utils/jobservice.py).
    JOBSERVICE_LOGGERS = "jobservice-loggers"
    # distribution's config.yml `log.level`, goharbor/distribution release/2.8 (what harbor v2.15.1
    # builds, Makefile REGISTRY_SRC_TAG): configuration/configuration.go `Loglevel.UnmarshalYAML`
    # accepts error, warn, info, debug and rejects anything else, so the registry exits, and so does
    # registryctl, which parses the same file for its storage driver (src/registryctl/config/config.go
    # `setStorageDriver`).
    DISTRIBUTION = "distribution"
    # the Trivy adapter's SCANNER_LOG_LEVEL, harbor-scanner-trivy v0.36.0 pkg/etc/config.go
    # `LogLevel`: error, warn or warning, info, trace or debug, in any case; anything else (fatal)
    # silently means info.
    TRIVY = "trivy"


def _frozen(mapping: dict[LogLevel, str]) -> Mapping[LogLevel, str]:
    if set(mapping) != set(LogLevel):
        raise fail("log level map", "a name for every LogLevel", sorted(mapping))
    return MappingProxyType(mapping)


LEVELS: Mapping[LogReader, Mapping[LogLevel, str]] = MappingProxyType({
    LogReader.HARBOR: _frozen({level: level.value for level in LogLevel}),
    LogReader.JOBSERVICE_LOGGERS: _frozen({level: level.value.upper() for level in LogLevel}),
    # Harbor's installer maps warning to warn, as here, but keeps fatal (make/photon/prepare/utils/
    # registry.py `levels_map`), which distribution rejects: error is the closest level it has.
    LogReader.DISTRIBUTION: _frozen({
        LogLevel.DEBUG: "debug",
        LogLevel.INFO: "info",
        LogLevel.WARNING: "warn",
        LogLevel.ERROR: "error",
        LogLevel.FATAL: "error",
    }),
    # the adapter's slog has no fatal level, and "fatal" would mean info: error is the closest
    LogReader.TRIVY: _frozen({
        LogLevel.DEBUG: "debug",
        LogLevel.INFO: "info",
        LogLevel.WARNING: "warning",
        LogLevel.ERROR: "error",
        LogLevel.FATAL: "error",
    }),
})


def log_level(reader: LogReader, level: LogLevel) -> str:
    """`level` as `reader` accepts it."""
    return LEVELS[reader][level]
