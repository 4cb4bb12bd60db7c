"""Construct validations from plain functions: how every check of the catalog reaches cdk8s."""

from __future__ import annotations

from typing import Any

import jsii

from constructs import Construct, IValidation

from ._cache import cached


@jsii.implements(IValidation)
class Validation:
    """A construct validation from a function: cdk8s calls `validate` at synth."""

    def __init__(self, check: Any, *args: Any) -> None:
        self._check = check
        self._args = args

    def validate(self) -> list[str]:
        # cdk8s 2.70 validates the whole app again for every chart it writes (App._synthChart), so
        # an app of N charts runs each check N+1 times: within a session the answer is kept
        return list(cached(("validation", id(self)), lambda: list(self._check(*self._args))))


def add_checks(construct: Construct, *checks: tuple[Any, ...]) -> None:
    """Attach each check to `construct` as a validation, which cdk8s runs at synth.

    Args:
        construct: the construct whose path prefixes the check's messages (usually the one the
            check is about, e.g. `self` in a constructor).
        *checks: tuples (function, arguments...); at synth `function(*arguments)` returns the list
            of problem messages, empty when all is well.
    """
    for check, *args in checks:
        construct.node.add_validation(Validation(check, *args))
