"""One rendering of the tree per synthesis, shared by every check (internal to the checks)."""

from __future__ import annotations

import importlib
import inspect
from collections.abc import Callable, Generator, Hashable
from contextlib import contextmanager
from types import CodeType, FrameType
from typing import Any, TypeVar

T = TypeVar("T")

# Within one synthesis the tree no longer changes, yet every HarborRegistry and route checks it, and
# cdk8s runs every check again and again (`synthesize` validates before writing, `App.synth`
# validates the whole app once, then once more for every chart it writes).
# Each rendering of an ApiObject and each walk of the tree is a round trip to the jsii Node process,
# so an app of N Harbors paid N times the rendering of all N (quadratic: ten instances took three
# minutes, see bench/instances_bench.py). Two scopes keep one walk and one rendering per tree:
# - `rendering_session`, for code of ours that validates construct by construct (validation_errors);
# - one jsii call: everything cdk8s asks of Python while one call from Python is in progress (a
#   plain `app.synth()`, `Testing.synth()`) sees one tree, since no Python code outside the checks
#   runs until the call returns. The call is recognised by the frame of jsii's callback loop that
#   serves it (the outermost one on the stack), which stays the same for the whole call; the next
#   call from Python has another frame, so a tree changed in between (a JSON patch in a test) is
#   read afresh. If a jsii release renames the loop, nothing is cached: slower, never wrong (a test
#   fails, tests/test_performance_caching.py).
_session: dict[Hashable, Any] | None = None

def _callback_loop() -> CodeType | None:
    """The code of jsii's callback loop (jsii 1.x `jsii._kernel._callback_till_result`), if it has one."""
    loop = getattr(importlib.import_module("jsii._kernel"), "_callback_till_result", None)
    return getattr(loop, "__code__", None)


_CALLBACK_LOOP = _callback_loop()

# the frame of the jsii call being served, held so that no later frame can take its identity
_call_frame: FrameType | None = None
_call_cache: dict[Hashable, Any] = {}


def _serving_call() -> FrameType | None:
    """The frame of jsii's callback loop serving the outermost call from Python, if one is in progress."""
    if _CALLBACK_LOOP is None:
        return None
    frame: FrameType | None = inspect.currentframe()
    outermost = None
    while frame is not None:
        if frame.f_code is _CALLBACK_LOOP:
            outermost = frame
        frame = frame.f_back
    return outermost


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
    """compute(), or the value it gave for `key` within the same session or the same jsii call.

    Each key holds one kind of value.
    """
    global _call_frame, _call_cache
    if _session is not None:
        store = _session
    else:
        serving = _serving_call()
        if serving is None:
            return compute()
        if serving is not _call_frame:
            _call_frame, _call_cache = serving, {}
        store = _call_cache
    if key not in store:
        store[key] = compute()
    return store[key]
