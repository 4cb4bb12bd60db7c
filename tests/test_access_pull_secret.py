"""PullSecret, the kit's image pull Secret: a kubernetes.io/dockerconfigjson Secret synced from OpenBao into a
consumer's namespace, its OpenBao policy, and the synth-time check that something pulls with it.
"""

from __future__ import annotations

import re
import subprocess
import sys

import cdk8s
import pytest
from cdk8s_plus_27 import k8s
from conftest import REPO, synth
from fast_yaml import load_yaml
from support import SERVER

from constructs.harbor.kit import AppChart, BaoKey, OpenBaoSecretSync, PullSecret, setup_script, validation_errors
from constructs.harbor.kit.checks import unused_pull_secret_problems

ROBOT_KEY = BaoKey(path="secret/data/harbor-robots/library-pull", key="secret")


def consumer(app: cdk8s.App | None = None, *, used: bool = True, via_service_account: bool = False):
    """Another app's namespace with a PullSecret for `library`'s pull robot, and a Deployment using it."""
    app = app or cdk8s.App()
    chart = AppChart(app, "whoami", namespace="whoami")
    pull = PullSecret(chart, "harbor-pull", server=SERVER, role="whoami-pull",
                      dockerconfigjson=BaoKey(path="secret/data/harbor-robots/library-pull", key="dockerconfigjson"))
    pull_secrets = [pull.image_pull_secret] if used and not via_service_account else None
    if via_service_account:
        k8s.KubeServiceAccount(chart, "sa", metadata=k8s.ObjectMeta(name="whoami"),
                               image_pull_secrets=[pull.image_pull_secret])
    k8s.KubeDeployment(chart, "deployment", metadata=k8s.ObjectMeta(name="whoami"), spec=k8s.DeploymentSpec(
        selector=k8s.LabelSelector(match_labels={"app": "whoami"}),
        template=k8s.PodTemplateSpec(metadata=k8s.ObjectMeta(labels={"app": "whoami"}), spec=k8s.PodSpec(
            image_pull_secrets=pull_secrets, service_account_name="whoami" if via_service_account else None,
            containers=[k8s.Container(name="whoami", image="harbor.example.com/library/whoami:1.10")]))))
    return app, chart, pull


# ---- PullSecret ---------------------------------------------------------------------------------------------

def test_pull_secret_syncs_a_dockerconfigjson_secret_into_the_consumer_namespace():
    _, chart, pull = consumer()
    manifests = synth(chart)
    spc = manifests.get("SecretProviderClass", "harbor-pull", "whoami").obj
    (secret,) = spc["spec"]["secretObjects"]
    assert secret["secretName"] == "harbor-pull" and secret["type"] == "kubernetes.io/dockerconfigjson"
    (data,) = secret["data"]
    assert data["key"] == ".dockerconfigjson"
    objects = {o["objectName"]: o for o in load_yaml(spc["spec"]["parameters"]["objects"])}
    assert objects[data["objectName"]] == {"objectName": data["objectName"],
                                           "secretPath": "secret/data/harbor-robots/library-pull",
                                           "secretKey": "dockerconfigjson"}
    assert spc["spec"]["parameters"]["roleName"] == "whoami-pull"
    pod = manifests.get("Deployment", "whoami").obj["spec"]["template"]["spec"]
    assert pod["imagePullSecrets"] == [{"name": "harbor-pull"}]
    assert pull.sync.produced_keys == frozenset({("harbor-pull", ".dockerconfigjson")})


def test_pull_secret_policy_reads_only_the_robots_path():
    app, _, _ = consumer()
    script = setup_script(app)
    assert re.findall(r'path "([^"]+)"', script) == ["secret/data/harbor-robots/library-pull"]
    assert "bound_service_account_namespaces=whoami" in script


@pytest.mark.parametrize("via_service_account", [False, True])
def test_a_used_pull_secret_passes_the_check(via_service_account):
    app, _, pull = consumer(via_service_account=via_service_account)
    assert unused_pull_secret_problems(pull, "harbor-pull") == []
    assert validation_errors(app) == []


def test_an_unused_pull_secret_fails_synthesis():
    app, _, pull = consumer(used=False)
    (problem,) = unused_pull_secret_problems(pull, "harbor-pull")
    assert "whoami/harbor-pull" in problem and "imagePullSecrets" in problem and "image_pull_secret" in problem
    errors = validation_errors(app)
    assert any(re.search("imagePullSecrets", error) for error in errors), errors


@pytest.mark.parametrize("field, make", [
    ("PullSecret.name", lambda chart: PullSecret(chart, "p", server=SERVER, role="r", name="Pull_Secret",
                                                 dockerconfigjson=ROBOT_KEY)),
    ("PullSecret.dockerconfigjson", lambda chart: PullSecret(chart, "p", server=SERVER, role="r",
                                                             dockerconfigjson="secret/data/x")),
])
def test_pull_secret_bad_input(field, make):
    chart = AppChart(cdk8s.App(), "c", namespace="apps")
    with pytest.raises(ValueError, match=re.escape(field)):
        make(chart)


def test_the_kit_exports_pull_secret_without_loading_harbor():
    code = ("import sys, constructs.harbor.kit as kit; kit.PullSecret; "
            "print(sorted(m for m in sys.modules if m.startswith('constructs.harbor.') "
            "and not m.startswith('constructs.harbor.kit')))")
    done = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip().splitlines()[-1] == "[]"


def test_an_openbao_secret_sync_is_what_pull_secret_builds_on():
    _, _, pull = consumer()
    assert isinstance(pull.sync, OpenBaoSecretSync) and pull.sync.reload_annotations == {}
