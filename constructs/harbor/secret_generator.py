"""A fresh, valid set of Harbor secrets for a new installation, ready for `bao kv put`.

Values are random from the operating system's CSPRNG; lengths are what Harbor requires (secretKey
exactly 16 characters, CSRF key 32). Nothing is written anywhere unless the caller asks.
"""

from __future__ import annotations

import base64
import json
import secrets as csprng
import shlex
import string
from collections.abc import Mapping, Sequence

import bcrypt
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa

from .harbor_secrets import DOCKERCONFIGJSON_FIELD, OPTIONAL, REGISTRY_USER, SPECS, RobotCredential
from .kit.validation import fail

ALPHANUMERIC = string.ascii_letters + string.digits
TOKEN_KEY_BITS = 4096
BCRYPT_ROUNDS = 10

# Characters that break a database password on its way into Harbor 2.15.1:
# - ' : harbor-db's first start splices POSTGRES_PASSWORD into SQL between single quotes
#   (make/photon/db/initdb.sh `initPG`: `PASSWORD '$POSTGRES_PASSWORD'`), so initdb fails, or runs
#   what follows the quote as SQL;
# - whitespace and \ : core and jobservice put the password unquoted into a key=value connection
#   string (src/common/dao/pgsql.go `Register`: "password=%s"), which pgx cuts at whitespace and
#   in which it unescapes \\ and \' (and a leading ' opens a quoted value).
# Generated passwords are letters and digits only; a password stored in OpenBao by hand never
# passes through this library, so README.md asks for the same there.
UNSAFE_DATABASE_PASSWORD = frozenset("'\\ \t\n\r\v\f")


def check_database_password(value: str) -> str:
    """`value` if Harbor can use it as a database password; the error never shows the password."""
    unsafe = sorted(set(value) & UNSAFE_DATABASE_PASSWORD)
    if unsafe:
        raise fail("database_password", "free of ', \\ and whitespace (harbor-db's initdb.sh splices it into SQL "
                   "between single quotes; core puts it unquoted into a key=value connection string)",
                   f"<a {len(value)}-character password containing {unsafe}>")
    return value


def random_string(length: int) -> str:
    return "".join(csprng.choice(ALPHANUMERIC) for _ in range(length))


def admin_password(length: int = 24) -> str:
    """Harbor rejects a password without an upper-case letter, a lower-case letter and a digit."""
    while True:
        candidate = random_string(length)
        if (any(c.isupper() for c in candidate) and any(c.islower() for c in candidate)
                and any(c.isdigit() for c in candidate)):
            return candidate


def htpasswd_line(user: str, password: str) -> str:
    """An htpasswd line with a bcrypt hash, the only scheme the distribution registry accepts."""
    hashed = bcrypt.hashpw(password.encode(), bcrypt.gensalt(rounds=BCRYPT_ROUNDS)).decode()
    return f"{user}:{hashed}"


def token_private_key() -> str:
    key = rsa.generate_private_key(public_exponent=65537, key_size=TOKEN_KEY_BITS)
    return key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.TraditionalOpenSSL,
                             serialization.NoEncryption()).decode()


def generate_harbor_secrets() -> dict[str, str]:
    """Every required Harbor secret, keyed by its OpenBao field name (see harbor_secrets.SPECS).

    Takes no arguments: each call draws new random values (the optional Trivy token is the user's).

    Returns:
        OpenBao field name -> value, e.g. {"HARBOR_ADMIN_PASSWORD": ..., "TOKEN_PRIVATE_KEY": <PEM>}.
    """
    registry_password = random_string(32)
    values = {
        "admin_password": admin_password(),
        "secret_key": random_string(16),       # Harbor's AES key: exactly 16 characters
        "core_secret": random_string(32),
        "csrf_key": random_string(32),         # exactly 32 characters
        "token_private_key": token_private_key(),
        "jobservice_secret": random_string(32),
        "registry_http_secret": random_string(32),
        "registry_password": registry_password,
        "registry_htpasswd": htpasswd_line(REGISTRY_USER, registry_password),
        "database_password": check_database_password(random_string(32)),
    }
    if set(values) != set(SPECS) - OPTIONAL:   # a spec added without its generator: a bug of the library
        raise RuntimeError(f"internal error: generated {sorted(values)}, specs want {sorted(set(SPECS) - OPTIONAL)}")
    return {SPECS[name].bao_key: value for name, value in values.items()}


def docker_config_json(registry: str, username: str, password: str) -> str:
    """The `.dockerconfigjson` document a kubernetes.io/dockerconfigjson Secret holds: one registry's login."""
    auth = base64.b64encode(f"{username}:{password}".encode()).decode()
    return json.dumps({"auths": {registry: {"username": username, "password": password, "auth": auth}}},
                      sort_keys=True, separators=(",", ":"))


def generate_robot_secrets(credentials: Sequence[RobotCredential]) -> dict[str, dict[str, str]]:
    """A fresh secret for every robot, with its ready `.dockerconfigjson` beside it.

    Harbor never invents these: the configuration Job sets each robot's secret to the one stored in
    OpenBao (PATCH /robots/{id}), and consumers' PullSecrets read the `.dockerconfigjson`.

    Args:
        credentials: HarborConfigurationJob.robot_credentials.

    Returns:
        OpenBao path as `bao kv` takes it -> {secret field: secret, "dockerconfigjson": document}.
    """
    found: dict[str, dict[str, str]] = {}
    for credential in credentials:
        secret = admin_password(32)     # letters and digits, with an upper-case, a lower-case and a digit
        found[credential.secret.kv_path] = {
            credential.secret.key: secret,
            DOCKERCONFIGJSON_FIELD: docker_config_json(credential.registry, credential.login_name, secret)}
    return found


def kv_put_command(kv_path: str, values: Mapping[str, str]) -> str:
    """`bao kv put` with every value quoted for a POSIX shell (the PEM key spans several lines).

    Args:
        kv_path: the path as `bao kv` takes it, KV v2 without `data/`, e.g. "secret/harbor"
            (BaoKey.kv_path).
        values: OpenBao field name -> value, e.g. `generate_harbor_secrets()`.

    Returns:
        The command, one field per continued line.
    """
    pairs = " \\\n    ".join(f"{key}={shlex.quote(value)}" for key, value in values.items())
    return f"bao kv put {kv_path} \\\n    {pairs}\n"
