"""The cdk8s-plus-27 bindings keep their runtime type checks, with each stub's hints resolved once."""

from __future__ import annotations

import typing

import pytest
from cdk8s_plus_27 import k8s

import constructs.harbor.kit  # noqa: F401  (importing the library applies the memoization)
from constructs.harbor.kit import binding_type_hints


def bindings_typing() -> object:
    return k8s.Affinity.__init__.__globals__["typing"]


def test_importing_the_library_memoizes_the_bindings_hints_and_leaves_typing_alone() -> None:
    assert bindings_typing() is not typing
    assert bindings_typing().get_type_hints is binding_type_hints._memoized_type_hints  # type: ignore[attr-defined]
    assert typing.get_type_hints.__module__ == "typing"
    # everything else the bindings read from typing is typing's own
    assert bindings_typing().Optional is typing.Optional  # type: ignore[attr-defined]
    assert bindings_typing().cast is typing.cast  # type: ignore[attr-defined]


def test_memoizing_twice_changes_nothing() -> None:
    before = bindings_typing()
    binding_type_hints.memoize_binding_type_hints()
    assert bindings_typing() is before


@pytest.mark.skipif(not __debug__, reason="the bindings check types only under __debug__")
def test_a_wrong_type_from_a_users_code_still_raises() -> None:
    with pytest.raises(TypeError, match="name"):
        k8s.Container(name=5)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="node_affinity"):
        k8s.Affinity(node_affinity="required")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="containers"):
        k8s.PodSpec(containers=k8s.Container(name="one"))  # type: ignore[arg-type]


@pytest.mark.skipif(not __debug__, reason="the bindings look hints up only under __debug__")
def test_each_stub_is_resolved_once(monkeypatch: pytest.MonkeyPatch) -> None:
    resolved: list[object] = []
    real = typing.get_type_hints

    def counting(stub: object, *args: object, **kwargs: object) -> dict[str, object]:
        resolved.append(stub)
        return real(stub, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(typing, "get_type_hints", counting)
    monkeypatch.setattr(binding_type_hints, "_hints", {})
    for _ in range(3):
        k8s.Container(name="one", ports=[k8s.ContainerPort(container_port=80)])
    assert len(resolved) == 2 and len(set(resolved)) == 2   # Container's stub and ContainerPort's, once each


@pytest.mark.skipif(not __debug__, reason="the bindings look hints up only under __debug__")
def test_the_memoized_hints_are_the_ones_typing_resolves() -> None:
    k8s.Container(name="one")
    assert binding_type_hints._hints
    for stub, hints in binding_type_hints._hints.items():
        assert hints == typing.get_type_hints(stub)
