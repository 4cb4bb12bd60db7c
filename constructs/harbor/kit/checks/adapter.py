"""Construct validations from plain functions: how every check of the catalog reaches cdk8s.

cdk8s 2.70 validates the whole app once, then once more for every chart it writes, and each
validation of each construct is a callback from Node to Python: one validation per check made an
app of N Harbors answer about 8N callbacks N+1 times, quadratic in round trips even with every
answer cached. So each app gets one validation, on its root, that runs every check its constructs
added, in the order they were added; each message names the construct it was added to.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import jsii

from constructs import IConstruct, IValidation

from ._cache import cached
from .tree import path_of, root_of

Check = Callable[..., list[str]]


@jsii.implements(IValidation)
class AppChecks:
    """The one validation of an app: every check added to any of its constructs."""

    def __init__(self) -> None:
        self.checks: list[tuple[IConstruct, Check, tuple[Any, ...]]] = []

    def validate(self) -> list[str]:
        # within one synthesis the answer is kept: cdk8s asks again for every chart it writes
        return list(cached(("app-checks", id(self)), self._run))

    def _run(self) -> list[str]:
        messages: list[str] = []
        for construct, check, args in self.checks:
            found = check(*args)
            if found:   # the path is read for a message only: two round trips to Node
                path = path_of(construct)
                messages += [f"{path}: {message}" for message in found]
        return messages


# root id -> (root, its AppChecks); the root is held so that its id stays its own
_apps: dict[int, tuple[IConstruct, AppChecks]] = {}


def app_checks(construct: IConstruct) -> AppChecks:
    """The AppChecks of the construct's app, attached to the root on first use."""
    root = root_of(construct)
    known = _apps.get(id(root))
    if known is None or known[0] is not root:
        known = (root, AppChecks())
        root.node.add_validation(known[1])
        _apps[id(root)] = known
    return known[1]


def add_checks(construct: IConstruct, *checks: tuple[Any, ...]) -> None:
    """Add checks that cdk8s runs at synth, their messages prefixed with the construct's path.

    Args:
        construct: the construct whose path prefixes the check's messages (usually the one the
            check is about, e.g. `self` in a constructor).
        *checks: tuples (function, arguments...); at synth `function(*arguments)` returns the list
            of problem messages, empty when all is well.
    """
    registry = app_checks(construct)
    for check, *args in checks:
        registry.checks.append((construct, check, tuple(args)))
