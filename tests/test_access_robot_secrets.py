"""Robot secrets, from OpenBao to Harbor and to other apps' pull secrets.

- HarborConfigurationJob: where each robot's secret lives in OpenBao (robot_credentials), its env wiring, and
  the check that each robot has an OpenBao path of its own;
- generate-secrets and openbao-setup for the homelab: a secret Harbor accepts for each robot, the ready
  .dockerconfigjson beside it (which logs in to the fake Harbor once the Job applied the robot), and every
  key printed with a policy that covers it.
"""

from __future__ import annotations

import base64
import json
import os
import re
import shlex
import subprocess
import sys
from pathlib import Path

import fake_harbor_access
import pytest
from conftest import REPO
from support import harbor_site

from constructs.harbor import RobotCredential, generate_robot_secrets, robot_setup_commands
from constructs.harbor.configuration import (
    PULL_PERMISSIONS,
    PUSH_PERMISSIONS,
    HarborConfiguration,
    Project,
    ProjectRobot,
)
from constructs.harbor.configuration.job import HarborConfigurationJob
from constructs.harbor.kit import BaoKey, SecretKeyRef, SyncedSecret, validation_errors

# bravado-core still calls jsonschema's deprecated resolver API, once per validated schema
pytestmark = pytest.mark.filterwarnings("ignore:Accessing Validator.resolver is deprecated:DeprecationWarning")

LIBRARY = Project(name="library")
ROBOT_KEY = BaoKey(path="secret/data/harbor-robots/library-pull", key="secret")


# ---- the Job: robot secrets in, credentials out -----------------------------------------------------------------

def robot_site(*robots_and_keys: tuple[ProjectRobot, BaoKey], extra: list[SyncedSecret] = ()):
    keys = {robot.secret.key: key for robot, key in robots_and_keys}
    site = harbor_site(extra_secrets=[SyncedSecret("harbor-robots", keys=keys), *extra])
    configuration = HarborConfiguration(projects=(LIBRARY,), robots=tuple(r for r, _ in robots_and_keys))
    job = HarborConfigurationJob(site.chart, "configure", harbor=site.harbor, configuration=configuration)
    return site, job


PULLER = ProjectRobot(name="pull", project=LIBRARY, permissions=PULL_PERMISSIONS,
                      secret=SecretKeyRef(secret="harbor-robots", key="library-pull"))
PUSHER = ProjectRobot(name="ci", project=LIBRARY, permissions=PUSH_PERMISSIONS,
                      secret=SecretKeyRef(secret="harbor-robots", key="library-ci"))


def test_the_job_reads_each_robot_secret_from_its_synced_secret():
    site, job = robot_site((PULLER, ROBOT_KEY))
    spec = site.manifests().get("Job", "harbor-configure").obj["spec"]["template"]["spec"]
    env = {e["name"]: e for e in spec["containers"][0]["env"]}
    assert env["HARBOR_ROBOT_LIBRARY_PULL_SECRET"]["valueFrom"] == {
        "secretKeyRef": {"name": "harbor-robots", "key": "library-pull"}}
    assert job.robot_credentials == [RobotCredential(login_name="robot$library+pull", registry="harbor.example.com",
                                                     secret=ROBOT_KEY)]
    assert job.robot_credentials[0].dockerconfigjson == BaoKey(path=ROBOT_KEY.path, key="dockerconfigjson")
    assert validation_errors(site.app) == []


def test_a_robot_sharing_an_openbao_path_fails_synthesis():
    shared = BaoKey(path="secret/data/harbor", key="ROBOT_SECRET")     # Harbor's own secrets live there
    site, _job = robot_site((PULLER, shared))
    errors = validation_errors(site.app)
    assert any(re.search("shares OpenBao path secret/data/harbor", error) for error in errors), errors


def test_two_robots_on_one_path_fail_synthesis():
    site, _ = robot_site((PULLER, ROBOT_KEY), (PUSHER, BaoKey(path=ROBOT_KEY.path, key="ci")))
    errors = validation_errors(site.app)
    assert any(re.search("give each robot a path of its own", error) for error in errors), errors


def test_a_robot_secret_in_the_dockerconfigjson_field_fails_synthesis():
    site, _ = robot_site((PULLER, BaoKey(path=ROBOT_KEY.path, key="dockerconfigjson")))
    errors = validation_errors(site.app)
    assert any(re.search(re.escape("the field its .dockerconfigjson goes to"), error) for error in errors), errors


def test_a_robot_secret_no_sync_writes_fails_synthesis_and_credentials():
    site = harbor_site()
    configuration = HarborConfiguration(projects=(LIBRARY,), robots=(PULLER,))
    job = HarborConfigurationJob(site.chart, "configure", harbor=site.harbor, configuration=configuration)
    with pytest.raises(ValueError, match=re.escape("HarborConfigurationJob robot 'library+pull' secret")):
        _ = job.robot_credentials
    errors = validation_errors(site.app)
    assert any(re.search("comes from no OpenBaoSecretSync", error) for error in errors), errors


# ---- generate-secrets, openbao-setup --------------------------------------------------------------------------

def test_generated_robot_secrets_pass_harbors_rule_and_log_in():
    credential = RobotCredential(login_name="robot$library+pull", registry="harbor.example.com", secret=ROBOT_KEY)
    generated = generate_robot_secrets([credential])
    fields = generated["secret/harbor-robots/library-pull"]
    assert set(fields) == {"secret", "dockerconfigjson"}
    assert fake_harbor_access.valid_secret(fields["secret"])
    config = json.loads(fields["dockerconfigjson"])
    login = config["auths"]["harbor.example.com"]
    assert (login["username"], login["password"]) == ("robot$library+pull", fields["secret"])
    assert base64.b64decode(login["auth"]).decode() == f"robot$library+pull:{fields['secret']}"
    assert generate_robot_secrets([credential])["secret/harbor-robots/library-pull"]["secret"] != fields["secret"]


def test_robot_setup_commands_name_the_pull_secret_field():
    credential = RobotCredential(login_name="robot$library+pull", registry="harbor.example.com", secret=ROBOT_KEY)
    text = robot_setup_commands([credential])
    assert "bao kv patch secret/harbor-robots/library-pull dockerconfigjson=" in text
    assert shlex.split(text.splitlines()[1])[:4] == ["bao", "kv", "patch", "secret/harbor-robots/library-pull"]
    assert robot_setup_commands([]) == ""


def run_main(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(REPO / "main.py"), *args], cwd=cwd, capture_output=True, text=True,
                          timeout=180)


def kv_puts(text: str) -> dict[str, dict[str, str]]:
    """The `bao kv put` commands of generate-secrets' output, read as a shell reads them: kv path -> fields."""
    words = shlex.split(text.replace("\\\n", " "), comments=True)
    found: dict[str, dict[str, str]] = {}
    for start in (i for i in range(len(words) - 3) if words[i:i + 3] == ["bao", "kv", "put"]):
        fields = found.setdefault(words[start + 3], {})
        for word in words[start + 4:]:
            if "=" not in word:
                break
            key, _, value = word.partition("=")
            fields[key] = value
    return found


def test_homelab_openbao_setup_prints_every_robot_key_and_covers_it(tmp_path):
    result = run_main("openbao-setup", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    policy = set(re.findall(r'path "([^"]+)"', result.stdout))
    for robot in ("library-pull", "library-ci"):
        assert f"secret/data/harbor-robots/{robot}" in policy
        assert f"bao kv put secret/harbor-robots/{robot} \\\n    secret='<secret>'" in result.stdout
        assert f"bao kv patch secret/harbor-robots/{robot} dockerconfigjson=" in result.stdout
        assert f"# secret/harbor-robots/{robot} secret: Harbor's rule for a robot secret" in result.stdout


def test_homelab_generate_secrets_makes_pull_secrets_that_work(tmp_path):
    """The generated secret, applied by the Job, logs the robot in with its .dockerconfigjson."""
    target = tmp_path / "secrets.json"
    result = run_main("generate-secrets", "-o", str(target), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    puts = kv_puts(result.stdout)
    assert set(puts) == {"secret/harbor", "secret/harbor-robots/library-pull", "secret/harbor-robots/library-ci"}
    stored = json.loads(target.read_text())
    assert stored["robots"] == {path: fields for path, fields in puts.items() if path != "secret/harbor"}
    pull = puts["secret/harbor-robots/library-pull"]
    login = json.loads(pull["dockerconfigjson"])["auths"]["harbor.madhan.app"]
    assert login["username"] == "robot$library+pull" and login["password"] == pull["secret"]
    assert json.loads(puts["secret/harbor-robots/library-ci"]["dockerconfigjson"])["auths"]["harbor.madhan.app"][
        "username"] == "robot$library+ci"

    pytest.importorskip("bravado_core", reason="bravado-core (test extra) validates the fake's traffic")
    from fake_harbor import SWAGGER, FakeHarbor

    if SWAGGER is None:
        pytest.skip("Harbor's API definition is not available for the fake")
    import main as homelab
    from constructs.harbor.configuration._shipping import applier_dir

    document = tmp_path / "declaration.json"
    document.write_text(homelab.HARBOR_CONFIGURATION.to_json())
    with FakeHarbor() as fake:
        env = {"PATH": os.environ.get("PATH", ""), "HARBOR_URL": fake.url, "HARBOR_ADMIN_PASSWORD": fake.password,
               "HARBOR_CONFIG_FILE": str(document), "HARBOR_HEALTH_DEADLINE_SECONDS": "5",
               "HARBOR_RETRY_ATTEMPTS": "2",
               "HARBOR_ROBOT_LIBRARY_PULL_SECRET": pull["secret"],
               "HARBOR_ROBOT_LIBRARY_CI_SECRET": puts["secret/harbor-robots/library-ci"]["secret"]}
        done = subprocess.run([sys.executable, "-I", "-S", str(applier_dir())], env=env, capture_output=True,
                              text=True, timeout=60)
        assert done.returncode == 0, done.stdout + done.stderr
        assert fake.robot_login(login["username"], login["password"])
        assert fake.violations == []
    assert pull["secret"] not in done.stdout + done.stderr


# ---- the homelab ----------------------------------------------------------------------------------------------

def test_homelab_job_reads_the_robot_secrets_from_openbao(manifests):
    spec = manifests.get("Job", "harbor-configure").obj["spec"]["template"]["spec"]
    env = {e["name"]: e.get("valueFrom", {}).get("secretKeyRef") for e in spec["containers"][0]["env"]}
    assert env["HARBOR_ROBOT_LIBRARY_PULL_SECRET"] == {"name": "harbor-robots", "key": "library-pull"}
    assert env["HARBOR_ROBOT_LIBRARY_CI_SECRET"] == {"name": "harbor-robots", "key": "library-ci"}
    spc = manifests.get("SecretProviderClass", "harbor-secrets").obj
    (robots,) = [s for s in spc["spec"]["secretObjects"] if s["secretName"] == "harbor-robots"]
    assert sorted(d["key"] for d in robots["data"]) == ["library-ci", "library-pull"]
    document = json.loads(manifests.get("ConfigMap", "harbor-configure").obj["data"]["harbor-configuration.json"])
    assert {r["stored_name"]: [a["action"] for p in r["permissions"] for a in p["access"]]
            for r in document["robots"]} == {"library+ci": ["pull", "push"], "library+pull": ["pull"]}


