"""Small builders shared by the component tests: a chart, a secret sync and a HarborContext."""

from __future__ import annotations

import cdk8s

from constructs.harbor._components.context import HarborContext
from constructs.harbor._components.endpoints import Endpoints
from constructs.harbor.harbor_secrets import HarborSecrets, harbor_synced_secrets
from constructs.harbor.kit import AppChart, OpenBaoSecretSync, OpenBaoServer

SERVER = OpenBaoServer(address="http://openbao.openbao.svc:8200")


def harbor_chart(namespace: str = "harbor", **context_fields) -> tuple[cdk8s.Chart, HarborContext]:
    """A chart with the Harbor secret sync, and a context wired to it; fields override defaults."""
    app = cdk8s.App()
    chart = AppChart(app, "test", namespace=namespace)
    trivy_token = context_fields.pop("trivy_github_token", False)
    sync = OpenBaoSecretSync(chart, "secrets", server=SERVER, role="harbor",
                             secrets=harbor_synced_secrets("secret/data/harbor", trivy_github_token=trivy_token))
    ctx = HarborContext(instance="harbor", external_url=context_fields.pop("external_url", "https://harbor.example.com"),
                        secrets=HarborSecrets.from_sync(sync), endpoints=Endpoints.for_instance("harbor"),
                        **context_fields)
    return chart, ctx


def objects(chart: cdk8s.Chart) -> list[dict]:
    return cdk8s.Testing.synth(chart)


def find(manifests: list[dict], kind: str, name: str) -> dict:
    for manifest in manifests:
        if manifest["kind"] == kind and manifest["metadata"]["name"] == name:
            return manifest
    raise AssertionError(f"no {kind} {name!r} in {[(m['kind'], m['metadata']['name']) for m in manifests]}")


def synced_keys(manifests: list[dict]) -> set[tuple[str, str]]:
    """(Secret, key) pairs that the SecretProviderClasses of a chart sync."""
    return {(obj["secretName"], item["key"])
            for spc in manifests if spc["kind"] == "SecretProviderClass"
            for obj in spc["spec"].get("secretObjects", []) for item in obj.get("data", [])}
