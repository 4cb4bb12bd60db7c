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
            path = construct.node.path
            for message in construct.node.validate():
                # the app's own validation (checks/adapter.py) already names each construct
                errors.append(f"{path}: {message}" if path else message)
    return errors


# How cdk8s 2.70 reports failed validations (app.js `validate`): a header, then "  [<path>] <message>".
_VALIDATION_HEADER = "Validation failed with the following errors:"


def _validation_failures(message: str) -> list[str] | None:
    """The "path: message" entries of cdk8s's validation error, or None for any other error."""
    head, found, rest = message.partition(_VALIDATION_HEADER)
    if not found or head.strip() not in ("", "Error:"):
        return None
    entries: list[str] = []
    for line in rest.split("\n"):
        if line.startswith("  [") and "] " in line[2:]:
            path, _, text = line[3:].partition("] ")
            entries.append(f"{path}: {text}" if path else text)
        elif entries and line.strip():
            entries[-1] += "\n" + line   # a message of several lines
    return entries or None


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
        # App.synth validates the whole app before it writes anything (and the checks share one
        # rendering of the tree for the whole call): its validation errors become a ValueError
        try:
            app.synth()
        except RuntimeError as error:
            errors = _validation_failures(str(error))
            if errors is None:
                raise
            raise ValueError("invalid configuration:\n  " + "\n  ".join(errors)) from None
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
