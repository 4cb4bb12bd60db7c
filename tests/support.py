"""Plain helpers the tests share: the test site's facts, builders of small Harbor sites and of single
components, lookups in synthesized objects, and the check that bad input is refused.

Fixtures built on these live in conftest.py; these are plain functions so that parametrize tables
and module-level constants can call them too.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any, NamedTuple

import cdk8s
import pytest
from conftest import Manifests, container_named, synth

from constructs.harbor import HarborRegistry, HarborSecrets, harbor_synced_secrets
from constructs.harbor._components.context import HarborContext
from constructs.harbor._components.endpoints import Endpoints
from constructs.harbor.kit import AppChart, GatewayRef, OpenBaoSecretSync, OpenBaoServer, SyncedSecret

# ---- the test site's facts -----------------------------------------------------------------------
# Made-up values, one of each, so that no test module keeps a copy that drifts from the others.

NAMESPACE = "harbor"                 # Harbor's namespace
APP_NAMESPACE = "apps"               # some other app's namespace, for the kit's constructs on their own
HOST = "harbor.example.com"
EXTERNAL_URL = f"https://{HOST}"
SECRETS_PATH = "secret/data/harbor"  # KV v2 API path of Harbor's secrets
SERVER = OpenBaoServer(address="http://openbao.openbao.svc:8200")
GATEWAY = GatewayRef(name="public", namespace="gateway")


# ---- small sites ---------------------------------------------------------------------------------

def harbor_sync(chart: AppChart, *, id: str = "secrets", role: str = "harbor", path: str = SECRETS_PATH,
                instance: str = "harbor", trivy_github_token: bool = False, database_password: bool = True,
                extra_secrets: Iterable[SyncedSecret] = ()) -> OpenBaoSecretSync:
    """Harbor's secret sync in `chart`: `harbor_synced_secrets` at `path`, then `extra_secrets`."""
    declared = harbor_synced_secrets(path, instance=instance, trivy_github_token=trivy_github_token,
                                     database_password=database_password)
    return OpenBaoSecretSync(chart, id, server=SERVER, role=role, secrets=[*declared, *extra_secrets])


def synced_chart(*, app: cdk8s.App | None = None, chart_id: str = "site", namespace: str = NAMESPACE,
                 default_deny: bool = False, **sync_options: Any) -> tuple[cdk8s.App, AppChart, OpenBaoSecretSync]:
    """An app (or `app`) with one chart that holds Harbor's secret sync (`sync_options`: harbor_sync's)."""
    app = app if app is not None else cdk8s.App()
    chart = AppChart(app, chart_id, namespace=namespace, default_deny=default_deny)
    return app, chart, harbor_sync(chart, **sync_options)


@dataclass(frozen=True)
class HarborSite:
    """What `harbor_site` built: read it by name (`site.chart`, `site.harbor`)."""

    app: cdk8s.App
    chart: AppChart
    sync: OpenBaoSecretSync
    harbor: HarborRegistry

    def manifests(self) -> Manifests:
        """The chart synthesized and parsed, without validation (cdk8s.Testing.synth)."""
        return synth(self.chart)


def harbor_site(*, app: cdk8s.App | None = None, chart_id: str = "site", namespace: str = NAMESPACE,
                default_deny: bool = False, harbor_id: str = "harbor", instance: str = "harbor",
                sync_instance: str | None = None, trivy_github_token: bool = False, database_password: bool = True,
                extra_secrets: Iterable[SyncedSecret] = (), **props: Any) -> HarborSite:
    """A chart with Harbor's secret sync and one HarborRegistry; `props` are HarborRegistry's and
    override its defaults here (external_url=EXTERNAL_URL, secrets from the sync).

    The sync declares the Secrets of `sync_instance`, by default `instance`: a test of a bad
    `instance` keeps a good sync, so that HarborRegistry's own check is the one that speaks.
    """
    sync_instance = instance if sync_instance is None else sync_instance
    app, chart, sync = synced_chart(app=app, chart_id=chart_id, namespace=namespace, default_deny=default_deny,
                                    instance=sync_instance, trivy_github_token=trivy_github_token,
                                    database_password=database_password, extra_secrets=extra_secrets)
    props.setdefault("external_url", EXTERNAL_URL)
    props.setdefault("secrets", HarborSecrets.from_sync(sync, instance=sync_instance))
    return HarborSite(app, chart, sync, HarborRegistry(chart, harbor_id, instance=instance, **props))


# ---- single components -----------------------------------------------------------------------------

def harbor_chart(namespace: str = NAMESPACE, **context_fields: Any) -> tuple[cdk8s.Chart, HarborContext]:
    """A chart with the Harbor secret sync, and a context wired to it; fields override defaults."""
    _, chart, sync = synced_chart(namespace=namespace,
                                  trivy_github_token=context_fields.pop("trivy_github_token", False))
    ctx = HarborContext(instance="harbor", external_url=context_fields.pop("external_url", EXTERNAL_URL),
                        secrets=HarborSecrets.from_sync(sync), endpoints=Endpoints.for_instance("harbor"),
                        **context_fields)
    return chart, ctx


class Built(NamedTuple):
    """One component built on a context: the context, the construct, and its chart's objects."""

    ctx: HarborContext
    component: Any
    manifests: list[dict]


def build_component(component: Callable[..., Any], *args: Any, **context_fields: Any) -> Built:
    """`component(chart, <its name in lower case>, ctx, *args)` in a chart of its own (`harbor_chart`)."""
    chart, ctx = harbor_chart(**context_fields)
    made = component(chart, component.__name__.lower(), ctx, *args)
    return Built(ctx, made, objects(chart))


def objects(chart: cdk8s.Chart) -> list[dict]:
    return cdk8s.Testing.synth(chart)


def find(manifests: list[dict], kind: str, name: str) -> dict:
    for manifest in manifests:
        if manifest["kind"] == kind and manifest["metadata"]["name"] == name:
            return manifest
    raise AssertionError(f"no {kind} {name!r} in {[(m['kind'], m['metadata']['name']) for m in manifests]}")


def pod_of(manifests: list[dict], kind: str, name: str) -> dict:
    """The pod spec of workload `kind` `name`."""
    return find(manifests, kind, name)["spec"]["template"]["spec"]


@dataclass(frozen=True)
class Workload:
    """A component's Deployment or StatefulSet among synthesized objects, and the containers its pod runs."""

    kind: str
    name: str
    containers: tuple[str, ...]

    def get(self, manifests: list[dict]) -> dict:
        return find(manifests, self.kind, self.name)

    def pod(self, manifests: list[dict]) -> dict:
        return pod_of(manifests, self.kind, self.name)

    def container(self, manifests: list[dict], name: str | None = None) -> dict:
        """The container `name` (an init container too), by default the pod's only one; the pod must
        run exactly `containers`."""
        spec = self.pod(manifests)
        running = [c["name"] for c in spec["containers"]]
        assert running == list(self.containers), f"{self.kind} {self.name} runs {running}, not {self.containers}"
        if name is None:
            assert len(self.containers) == 1, f"{self.kind} {self.name} runs {running}: name one"
            name = self.containers[0]
        return container_named(spec, name)


def synced_keys(manifests: list[dict]) -> set[tuple[str, str]]:
    """(Secret, key) pairs that the SecretProviderClasses of a chart sync."""
    return {(obj["secretName"], item["key"])
            for spc in manifests if spc["kind"] == "SecretProviderClass"
            for obj in spc["spec"].get("secretObjects", []) for item in obj.get("data", [])}


# ---- bad input -------------------------------------------------------------------------------------

def refusal(make: Callable[[], object], field: str) -> str:
    """The message of the ValueError that `make()` raises, which must name `field`."""
    with pytest.raises(ValueError, match=re.escape(field)) as error:
        make()
    return str(error.value)
