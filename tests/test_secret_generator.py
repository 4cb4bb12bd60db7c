"""The secret generator: a fresh set that Harbor accepts, printed as `bao kv put`, written only on request."""

from __future__ import annotations

import json
import os
import shlex
import stat
import subprocess
import sys
from pathlib import Path

import bcrypt
import pytest
from conftest import REPO
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.hazmat.primitives.serialization import load_pem_private_key

from constructs.harbor.harbor_secrets import OPTIONAL, REGISTRY_USER, SPECS
from constructs.harbor.secret_generator import generate_harbor_secrets, kv_put_command


@pytest.fixture(scope="module")
def values() -> dict[str, str]:
    return generate_harbor_secrets()


def test_every_required_secret_is_generated(values):
    assert set(values) == {SPECS[name].bao_key for name in set(SPECS) - OPTIONAL}


@pytest.mark.parametrize("key, length", [("SECRET_KEY", 16), ("CSRF_KEY", 32), ("CORE_SECRET", 32),
                                         ("JOBSERVICE_SECRET", 32), ("REGISTRY_HTTP_SECRET", 32),
                                         ("REGISTRY_CREDENTIAL_PASSWORD", 32), ("DATABASE_PASSWORD", 32)])
def test_lengths_hold(values, key, length):
    assert len(values[key]) == length and values[key].isalnum()


def test_admin_password_meets_harbor_policy(values):
    password = values["HARBOR_ADMIN_PASSWORD"]
    assert 8 <= len(password) <= 128
    assert any(c.isupper() for c in password) and any(c.islower() for c in password)
    assert any(c.isdigit() for c in password)


def test_htpasswd_line_verifies_against_the_generated_password(values):
    user, hashed = values["REGISTRY_HTPASSWD"].split(":", 1)
    assert user == REGISTRY_USER
    assert hashed.startswith("$2")
    assert bcrypt.checkpw(values["REGISTRY_CREDENTIAL_PASSWORD"].encode(), hashed.encode())
    assert not bcrypt.checkpw(b"wrong-password", hashed.encode())


def test_token_key_parses_as_rsa(values):
    key = load_pem_private_key(values["TOKEN_PRIVATE_KEY"].encode(), password=None)
    assert isinstance(key, rsa.RSAPrivateKey)
    assert key.key_size >= 2048


def test_two_sets_share_no_value(values):
    other = generate_harbor_secrets()
    assert all(values[key] != other[key] for key in values)


def test_kv_put_command_round_trips_through_a_shell(values):
    command = kv_put_command("secret/harbor", values)
    words = shlex.split(command.replace("\\\n", " "))
    assert words[:4] == ["bao", "kv", "put", "secret/harbor"]
    assert dict(word.split("=", 1) for word in words[4:]) == values


def _run(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(REPO / "main.py"), *args], cwd=cwd, capture_output=True,
                          text=True, timeout=120)


def test_command_prints_and_writes_nothing(tmp_path):
    result = _run("generate-secrets", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "bao policy write harbor-read" in result.stdout
    assert "bao write auth/kubernetes/role/harbor" in result.stdout
    assert "bao kv put secret/harbor" in result.stdout
    assert "<HARBOR_ADMIN_PASSWORD>" not in result.stdout
    assert list(tmp_path.iterdir()) == []


def test_command_writes_a_private_file_when_asked(tmp_path):
    target = tmp_path / "harbor-secrets.json"
    result = _run("generate-secrets", "--output", str(target), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert stat.S_IMODE(os.stat(target).st_mode) == 0o600
    stored = json.loads(target.read_text())
    assert stored["SECRET_KEY"] in result.stdout
    # never overwrite: a second run would silently replace secrets already stored in OpenBao
    again = _run("generate-secrets", "--output", str(target), cwd=tmp_path)
    assert again.returncode == 2 and f"--output {target}: the file exists" in again.stderr
    assert json.loads(target.read_text()) == stored


def test_generated_values_are_url_safe(values):
    # passwords may end up inside URLs (redis://, postgres://): every generated value that is not a
    # PEM key or an htpasswd line is made of RFC 3986 unreserved characters, so it never needs escaping
    unreserved = set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")
    structured = {"TOKEN_PRIVATE_KEY", "REGISTRY_HTPASSWD"}
    for key, value in values.items():
        if key not in structured:
            assert set(value) <= unreserved, key
