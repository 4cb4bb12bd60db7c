"""Results of slow, deterministic checks kept by the hash of everything they read.

Regenerating imports/ with the cdk8s CLI, or installing the runtime dependencies into a fresh virtual
environment, takes half a minute each and gives the same answer until one of its inputs changes. A
check that passed records the sha256 of all its inputs under `.cache/verified/` (ignored by git);
the next run with the same inputs reuses that result, and any changed byte among them runs the check
again in full. A clean checkout (CI) has no such record and runs everything. HARBOR_TESTS_RECHECK=1
runs every such check in full regardless.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
from collections.abc import Iterable
from pathlib import Path

from conftest import REPO

VERIFIED = REPO / ".cache" / "verified"


def digest(*parts: bytes | str | Path | Iterable[Path]) -> str:
    """sha256 over the parts: bytes and strings as given, files by name and content, folders recursively."""
    h = hashlib.sha256()
    for part in parts:
        if isinstance(part, bytes):
            h.update(b"b:" + part)
        elif isinstance(part, str):
            h.update(b"s:" + part.encode())
        else:
            paths = [part] if isinstance(part, Path) else list(part)
            for path in paths:
                files = sorted(p for p in path.rglob("*") if p.is_file() and "__pycache__" not in p.parts) \
                    if path.is_dir() else [path]
                for file in files:
                    h.update(b"f:" + str(file.relative_to(REPO) if file.is_relative_to(REPO) else file.name).encode())
                    h.update(file.read_bytes())
    return h.hexdigest()


def tool_version(*command: str) -> str:
    """What a tool says of its version (part of a check's inputs)."""
    done = subprocess.run(list(command), capture_output=True, text=True, timeout=60)
    return done.stdout.strip() + done.stderr.strip()


def already_verified(check: str, key: str) -> bool:
    return os.environ.get("HARBOR_TESTS_RECHECK") != "1" and (VERIFIED / f"{check}-{key}").exists()


def record_verified(check: str, key: str) -> None:
    VERIFIED.mkdir(parents=True, exist_ok=True)
    (VERIFIED / f"{check}-{key}").write_text(key + "\n")
