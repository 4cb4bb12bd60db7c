"""One rendering of the tree per synthesis, shared by every check (internal to the checks)."""

from __future__ import annotations

from collections.abc import Callable, Generator, Hashable
from contextlib import contextmanager
from typing import Any, TypeVar

T = TypeVar("T")

# Within one synthesis the tree no longer changes, yet every HarborRegistry and route checks it, and
# cdk8s runs every check again and again (`synthesize` validates before writing, `App.synth`
# validates the whole app once, then once more for every chart it writes).
# Each rendering of an ApiObject and each walk of the tree is a round trip to the jsii Node process,
# so an app of N Harbors paid N times the rendering of all N (quadratic: ten instances took three
# minutes, see bench/instances_bench.py). `rendering_session` keeps one walk and one rendering per
# tree for its duration; outside a session every check reads the tree afresh, as a tree changed
# between two checks (a JSON patch in a test) must be seen.
_session: dict[Hashable, Any] | None = None


@contextmanager
def rendering_session() -> Generator[None]:
    """Cache the tree walks and renderings of the checks until the block ends (re-entrant)."""
    global _session
    outer = _session
    if outer is None:
        _session = {}
    try:
        yield
    finally:
        if outer is None:
            _session = None


def cached(key: Hashable, compute: Callable[[], T]) -> T:
    """compute(), or within a session the value it gave for `key` (each key holds one kind of value)."""
    if _session is None:
        return compute()
    if key not in _session:
        _session[key] = compute()
    return _session[key]
