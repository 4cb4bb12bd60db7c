"""HarborRegistry: every Harbor 2.15 component, written natively, wired by handles."""

from __future__ import annotations

from typing import Mapping
from urllib.parse import urlsplit

from constructs import Construct

from .components.base import Endpoints, HarborContext
from .components.core import Core
from .components.database import Database
from .components.entrypoint import Entrypoint
from .components.jobservice import Jobservice
from .components.portal import Portal
from .components.redis import Redis
from .components.registry import Registry
from .components.trivy import Trivy
from .handles import ServicePort
from .harbor_config import (
    HarborImages,
    HarborReplicas,
    HarborResources,
    HarborStorage,
    LogLevel,
    ProxySettings,
    TrivySettings,
)
from .harbor_secrets import HarborSecrets
from .validation import check_dns_label, check_hostname, check_http_url, fail


class HarborRegistry(Construct):
    """Harbor: core, portal, registry + registryctl, jobservice, Trivy, PostgreSQL, Redis, nginx.

    Hand-outs: `entrypoint`, the Service port `<instance>:80` that routes must target (the nginx
    proxy that splits UI and API traffic; pointing a route at core breaks the UI and pushes), and
    `hostname`, the host of the external URL.
    """

    def __init__(self, scope: Construct, id: str, *, external_url: str, secrets: HarborSecrets,
                 instance: str = "harbor",
                 storage: HarborStorage = HarborStorage(),
                 replicas: HarborReplicas = HarborReplicas(),
                 resources: HarborResources = HarborResources(),
                 trivy: TrivySettings | None = TrivySettings(),
                 log_level: LogLevel = LogLevel.INFO,
                 proxy: ProxySettings = ProxySettings(),
                 images: HarborImages = HarborImages(),
                 pod_annotations: Mapping[str, str] | None = None) -> None:
        check_http_url("HarborRegistry.external_url", external_url, allow_path=False)
        check_hostname("HarborRegistry.external_url host", urlsplit(external_url).hostname or "")
        # Names such as "<instance>-jobservice" must stay within 63 characters.
        check_dns_label("HarborRegistry.instance", instance)
        if len(instance) > 40:
            raise fail("HarborRegistry.instance", "at most 40 characters (component names append a suffix)",
                       instance)
        typed = {"secrets": (secrets, HarborSecrets), "storage": (storage, HarborStorage),
                 "replicas": (replicas, HarborReplicas), "resources": (resources, HarborResources),
                 "proxy": (proxy, ProxySettings), "images": (images, HarborImages)}
        for field_name, (value, kind) in typed.items():
            if not isinstance(value, kind):
                raise fail(f"HarborRegistry.{field_name}", f"a {kind.__name__}", value)
        if trivy is not None and not isinstance(trivy, TrivySettings):
            raise fail("HarborRegistry.trivy", "a TrivySettings or None (scanning off)", trivy)
        if not isinstance(log_level, LogLevel):
            raise fail("HarborRegistry.log_level", f"one of {[level.value for level in LogLevel]}", log_level)
        super().__init__(scope, id)

        self.context = HarborContext(
            instance=instance, external_url=external_url.rstrip("/"), secrets=secrets,
            endpoints=Endpoints.for_instance(instance), images=images, storage=storage, replicas=replicas,
            resources=resources, trivy=trivy, log_level=log_level, proxy=proxy,
            pod_annotations=dict(pod_annotations or {}),
        )
        ctx = self.context
        self.database = Database(self, "database", ctx)
        self.redis = Redis(self, "redis", ctx)
        self.core = Core(self, "core", ctx)
        self.portal = Portal(self, "portal", ctx)
        self.registry = Registry(self, "registry", ctx)
        self.jobservice = Jobservice(self, "jobservice", ctx)
        self.trivy = Trivy(self, "trivy", ctx, trivy) if trivy is not None else None
        self.nginx = Entrypoint(self, "entrypoint", ctx)

    @property
    def entrypoint(self) -> ServicePort:
        return self.context.endpoints.entrypoint

    @property
    def external_url(self) -> str:
        return self.context.external_url

    @property
    def hostname(self) -> str:
        return urlsplit(self.context.external_url).hostname or ""
