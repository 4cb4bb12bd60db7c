"""Writing an app's manifests: all or nothing, the same bytes on every run."""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path

import cdk8s

from constructs import IConstruct

from .checks._cache import rendering_session


def validation_errors(root: IConstruct) -> list[str]:
    """Every construct validation in the tree, each message prefixed by the construct's path.

    Args:
        root: the app, or the construct whose subtree to validate.

    Returns:
        The messages, in tree order; empty when the tree is valid.
    """
    errors: list[str] = []
    # the tree does not change while it is validated: the checks share one rendering of it
    with rendering_session():
        for construct in root.node.find_all():
            for message in construct.node.validate():
                errors.append(f"{construct.node.path}: {message}")
    return errors


def synthesize(build: Callable[[str], cdk8s.App], target: Path) -> list[Path]:
    """Build the app into a scratch folder beside `target`, then swap it in whole.

    A bad input raises while the app is built or validated, before anything is written, and a
    failure half-way leaves the previous `target` as it was: Argo CD never sees a partial folder.

    Args:
        build: builds the app writing into the folder it is given (`cdk8s.App(outdir=...)`) and
            returns it, unsynthesized.
        target: the folder to replace, e.g. `dist/harbor`; created with its parents as needed.

    Returns:
        The files and folders of `target`, sorted.

    Raises:
        ValueError: listing every validation error, when any construct's validation fails.
    """
    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    scratch = Path(tempfile.mkdtemp(prefix=f".{target.name}-", dir=target.parent))
    try:
        app = build(str(scratch))
        # one rendering of the finished tree serves our validation and the one App.synth runs again
        with rendering_session():
            errors = validation_errors(app)
            if errors:
                raise ValueError("invalid configuration:\n  " + "\n  ".join(errors))
            app.synth()
        previous = target.with_name(f".{target.name}.previous")
        if previous.exists():
            shutil.rmtree(previous)
        if target.exists():
            target.rename(previous)
        scratch.rename(target)
        if previous.exists():
            shutil.rmtree(previous)
    finally:
        if scratch.exists():
            shutil.rmtree(scratch)
    return sorted(target.iterdir())
