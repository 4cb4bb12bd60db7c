"""Where the tests find the upstream files (CRDs, Harbor's API definition) that the project never commits.

Each file pinned in upstream-files.toml is read from ../shared (beside the repository) when that
folder has it, else from .cache/upstream/, where `scripts/fetch-upstream` downloads it from its pinned
URL after checking its sha256; both folders have the same layout (crds/<name>, reference/<name>).
Where neither has it, a test skips with `missing(...)`, which names the script.

The reference render of the upstream chart and the chart facts are not downloadable (generated
offline): `shared_only(...)` finds them in ../shared, and the tests that use them also hold the facts
they need, so that a clone without ../shared still checks them.
"""

from __future__ import annotations

import importlib.util
import sys
from importlib.machinery import SourceFileLoader
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
SCRIPT = "scripts/fetch-upstream"


def _load_script():
    # the script is the one reader of the pin file; it has no .py suffix, hence the explicit loader
    loader = SourceFileLoader("fetch_upstream", str(REPO / SCRIPT))
    module = importlib.util.module_from_spec(importlib.util.spec_from_loader(loader.name, loader))
    sys.modules[loader.name] = module  # dataclasses look their module up there
    loader.exec_module(module)
    return module


fetch_upstream = _load_script()
CACHE: Path = fetch_upstream.DEFAULT_CACHE
PIN_FILE: Path = fetch_upstream.PIN_FILE
PINS = fetch_upstream.load_pins()
BY_NAME = {pin.name: pin for pin in PINS}
SWAGGER_NAME = "harbor-api-v2.15.1-swagger.yaml"


def path(name: str) -> Path | None:
    """The pinned file `name` from ../shared if it has it, else from the cache; None where neither does."""
    pin = BY_NAME[name]  # a KeyError here means a test reads a file that upstream-files.toml does not pin
    for root in (SHARED, CACHE):
        candidate = root / pin.relative
        if candidate.is_file():
            return candidate
    return None


def crd_dir() -> Path | None:
    """A folder holding every pinned CRD file: ../shared/crds, else the cache's crds/; None if neither has all."""
    wanted = [pin for pin in PINS if pin.kind == "crd"]
    for root in (SHARED, CACHE):
        if all((root / pin.relative).is_file() for pin in wanted):
            return root / fetch_upstream.FOLDERS["crd"]
    return None


def missing(what: str) -> str:
    """The skip message for an upstream file that neither ../shared nor the cache holds."""
    return (f"{what}: found in neither {SHARED} nor {CACHE}; run `{SCRIPT}` to download the pinned "
            "upstream files (sha256-checked) into the cache")


def shared_only(relative: str) -> Path | None:
    """A file of ../shared that no URL serves (e.g. reference/<offline render>); None where it is absent."""
    candidate = SHARED / relative
    return candidate if candidate.is_file() else None
