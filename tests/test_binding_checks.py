"""cdk8s-plus-27's runtime type checks still run and still raise, at the cost newer bindings pay."""

from __future__ import annotations

import typing

import pytest
import typeguard
from cdk8s_plus_27 import k8s
from support import harbor_site

import constructs.harbor.kit  # noqa: F401  (importing the library speeds the checks up)
from constructs.harbor.kit import binding_checks

needs_debug = pytest.mark.skipif(not __debug__, reason="the bindings check types only under __debug__")


def bindings_globals() -> dict[str, typing.Any]:
    return k8s.Affinity.__init__.__globals__


def test_importing_the_library_changes_the_bindings_globals_and_nothing_else() -> None:
    bindings = bindings_globals()
    assert bindings["typing"] is not typing
    assert bindings["typing"].get_type_hints is binding_checks._memoized_type_hints
    assert bindings["check_type"] is binding_checks._check_type
    assert typing.get_type_hints.__module__ == "typing"
    assert typeguard.check_type.__module__ == "typeguard"
    # everything else the bindings read from typing is typing's own
    assert bindings["typing"].cast is typing.cast
    assert bindings["typing"].Any is typing.Any


def test_applying_it_twice_changes_nothing() -> None:
    before = dict(bindings_globals())
    binding_checks.speed_up_binding_checks()
    assert bindings_globals()["typing"] is before["typing"]
    assert bindings_globals()["check_type"] is before["check_type"]


@needs_debug
@pytest.mark.parametrize("build, argument", [
    (lambda: k8s.Container(name=5), "name"),
    (lambda: k8s.Container(name="web", image=None, ports=k8s.ContainerPort(container_port=80)), "ports"),
    (lambda: k8s.Affinity(node_affinity="required"), "node_affinity"),
    (lambda: k8s.PodSpec(containers=[k8s.Container(name="web")], restart_policy=1), "restart_policy"),
    (lambda: k8s.ServicePort(port="80"), "port"),
    # a struct of another class where one is expected, alone and inside a list
    (lambda: k8s.PodTemplateSpec(metadata=k8s.ObjectMeta(), spec=k8s.ObjectMeta()), "spec"),
    (lambda: k8s.PodSpec(containers=[k8s.Container(name="web"), k8s.ObjectMeta()]), "containers"),
    (lambda: k8s.KubeConfigMapProps(data={"a": "b"}, metadata=k8s.ObjectMeta(), immutable="yes"), "immutable"),
])
def test_a_wrong_type_from_a_users_code_still_raises(build: typing.Callable[[], object], argument: str) -> None:
    with pytest.raises(TypeError, match=argument):
        build()


@needs_debug
def test_none_passes_only_where_the_type_takes_it() -> None:
    k8s.Container(name="web", image=None)   # Optional: accepted at once
    with pytest.raises(TypeError, match="name"):
        k8s.Container(name=None)  # type: ignore[arg-type]  # required: typeguard refuses it, as before


@pytest.mark.parametrize("expected, takes_none", [
    # the bindings spell their types with typing's Optional and Union
    (typing.Optional[str], True), (typing.Union[int, str, None], True),  # noqa: UP007, UP045
    (str | None, True), (typing.Any, True), (type(None), True),
    (str, False), (typing.Union[int, str], False),  # noqa: UP007
    (typing.List[str], False), (typing.Mapping[str, str], False),  # noqa: UP006
])
def test_which_types_take_none(expected: typing.Any, takes_none: bool) -> None:
    assert binding_checks._FirstTest.of(expected).takes_none is takes_none
    # and typeguard agrees
    try:
        typeguard.check_type("value", None, expected)
        accepted = True
    except TypeError:
        accepted = False
    assert accepted is takes_none


def test_the_forms_give_the_types_typing_gives() -> None:
    forms = bindings_globals()["typing"]
    for spelled in (lambda t: t.Optional["Container"], lambda t: t.List["Container"],
                    lambda t: t.Optional[t.Sequence[t.Union[str, int]]], lambda t: t.Mapping[str, t.Any],
                    lambda t: t.Dict[str, t.List[int]], lambda t: t.Tuple[int, str], lambda t: t.Union[int, None]):
        made = spelled(forms)
        assert made == spelled(typing)
        assert spelled(forms) is made   # kept, not made again
    assert repr(forms.Optional) == repr(typing.Optional)


@pytest.mark.parametrize("expected, classes", [
    (k8s.ObjectMeta, {k8s.ObjectMeta}),
    (typing.Optional[k8s.ObjectMeta], {k8s.ObjectMeta, type(None)}),  # noqa: UP045
    (typing.Union[str, int, None], {str, int, type(None)}),  # noqa: UP007
    (typing.Union[k8s.NodeAffinity, typing.Dict[str, typing.Any]], {k8s.NodeAffinity}),  # noqa: UP006, UP007
    # typeguard does more than isinstance for these: they are always left to it
    (float, set()), (typing.Sequence[str], set()), (typing.Tuple[int, int], set()), (typing.IO, set()),  # noqa: UP006
])
def test_which_values_are_accepted_at_once(expected: typing.Any, classes: set[type]) -> None:
    assert set(binding_checks._plain_classes(expected)) == classes
    for cls in classes:   # typeguard agrees: a value of exactly that class passes
        value = None if cls is type(None) else cls(1) if cls in (str, int) else cls()
        typeguard.check_type("value", value, expected)


SAMPLES = [None, "", "web", 0, 8080, 1.5, True, {}, {"app": "harbor"}, {"app": 1}, [], ["a", "b"], ["a", 1],
           [k8s.Container(name="web")], [k8s.Container(name="web"), k8s.ObjectMeta()], k8s.ObjectMeta(),
           k8s.Container(name="web"), [k8s.EnvVar(name="A", value="b")], k8s.IntOrString.from_number(80),
           k8s.Quantity.from_string("1Gi"), ("a",)]


@needs_debug
def test_what_is_accepted_at_once_typeguard_accepts_for_every_type_the_bindings_use() -> None:
    # every expected type of every stub a Harbor site builds with, against values of every kind: the
    # quick answer may only ever say yes where typeguard says yes
    harbor_site()
    expected_types = {id(t): t for hints in binding_checks._hints.values() for t in hints.values()}
    assert len(expected_types) > 100
    accepted = 0
    for expected in expected_types.values():
        first_test = binding_checks._FirstTest.of(expected)
        for value in SAMPLES:
            if first_test.accepts(value):
                accepted += 1
                typeguard.check_type("value", value, expected)   # raises if the quick answer was wrong
    assert accepted > 200


@pytest.mark.parametrize("expected, value, at_once", [
    (typing.Optional[typing.Sequence[k8s.Container]], [k8s.Container(name="a")], True),  # noqa: UP045
    (typing.Optional[typing.Sequence[k8s.Container]], [k8s.Container(name="a"), k8s.ObjectMeta()], False),  # noqa: UP045
    (typing.Union[typing.Sequence[str], typing.Sequence[int]], ["a", 1], False),  # noqa: UP007
    (typing.Union[typing.Sequence[str], typing.Sequence[int]], [1, 2], True),  # noqa: UP007
    (typing.List[typing.Any], ["a", 1, None], True),  # noqa: UP006
    (typing.Sequence[typing.Dict[str, str]], [{"a": "b"}], False),  # noqa: UP006
    (typing.Mapping[str, str], {"a": "b"}, True),
    (typing.Dict[str, str], {"a": "b"}, False),  # noqa: UP006  (typeguard checks each item)
    (typing.Dict[str, typing.Any], {"a": 1}, False),  # noqa: UP006
    (typing.Union[k8s.NodeAffinity, typing.Dict[typing.Any, typing.Any]], {"a": 1}, True),  # noqa: UP006, UP007
    (typing.Sequence[str], ("a",), False),   # a tuple: typeguard decides
    (str, "a", True), (str, 1, False), (int, True, False), (float, 1.5, False),
])
def test_the_first_test(expected: typing.Any, value: object, at_once: bool) -> None:
    assert binding_checks._FirstTest.of(expected).accepts(value) is at_once


class _EqualMeta(type):
    """A metaclass that makes every class of it compare equal to any other."""

    def __eq__(cls, other: object) -> bool:
        return True

    def __hash__(cls) -> int:
        return 1


class _Equal1(metaclass=_EqualMeta):
    pass


class _Equal2(metaclass=_EqualMeta):
    pass


class _UnhashableMeta(type):
    def __eq__(cls, other: object) -> bool:
        return cls is other

    __hash__ = None  # type: ignore[assignment]


class _Unhashable(metaclass=_UnhashableMeta):
    pass


class _Extra:
    __extra__ = int   # typeguard 2 checks against __extra__, not the class


@pytest.mark.parametrize("expected, value", [
    (_Equal1, _Equal2()), (typing.Union[_Equal1, str], _Equal2()),  # noqa: UP007
    (_Extra, _Extra()), (typing.Optional[_Extra], _Extra()),  # noqa: UP045
    # an unresolvable forward reference makes typeguard raise NameError whatever the value
    (typing.Union[typing.ForwardRef("Nowhere"), str], "a"),  # noqa: UP007
    (typing.Optional[typing.ForwardRef("Nowhere")], None),  # noqa: UP045
    (typing.List[typing.Union[typing.ForwardRef("Nowhere"), str]], ["a"]),  # noqa: UP006, UP007
])
def test_what_typeguard_refuses_is_never_accepted_at_once(expected: typing.Any, value: object) -> None:
    # found by a review that fuzzed the first test against typeguard beyond the bindings' own types
    assert not binding_checks._FirstTest.of(expected).accepts(value)
    with pytest.raises((TypeError, NameError)):
        typeguard.check_type("value", value, expected)


def test_a_class_that_cannot_be_hashed_is_told_apart_by_identity() -> None:
    # classes are compared by identity: hashing this one would raise TypeError
    assert binding_checks._FirstTest.of(_Unhashable).accepts(_Unhashable())
    typeguard.check_type("value", _Unhashable(), _Unhashable)
    assert not binding_checks._FirstTest.of(str).accepts(_Unhashable())
    assert not binding_checks._FirstTest.of(typing.Sequence[str]).accepts([_Unhashable()])


@needs_debug
def test_forward_references_resolve_in_the_callers_namespace() -> None:
    Container = k8s.Container   # the name the forward reference resolves to
    expected = typing.Optional[typing.ForwardRef("Container")]  # noqa: UP045
    binding_checks._check_type("x", Container(name="a"), expected)   # as typeguard called from here does
    typeguard.check_type("x", Container(name="a"), expected)
    with pytest.raises(TypeError):
        binding_checks._check_type("x", k8s.ObjectMeta(), expected)


def test_subscriptions_give_what_typing_gives_for_those_very_parameters() -> None:
    forms = bindings_globals()["typing"]
    int_or_str, str_or_int = typing.Union[int, str], typing.Union[str, int]  # noqa: UP007
    assert forms.Optional[int_or_str] is forms.Optional[int_or_str]
    assert repr(forms.Optional[str_or_int]) == repr(typing.Optional[str_or_int])  # noqa: UP045
    assert forms.Union[str, int].__args__ == (str, int)
    assert forms.Union[int, str].__args__ == (int, str)


@needs_debug
def test_each_stub_is_resolved_once(monkeypatch: pytest.MonkeyPatch) -> None:
    resolved: list[object] = []
    real = typing.get_type_hints

    def counting(stub: typing.Any, *args: typing.Any, **kwargs: typing.Any) -> dict[str, typing.Any]:
        resolved.append(stub)
        return real(stub, *args, **kwargs)

    monkeypatch.setattr(typing, "get_type_hints", counting)
    monkeypatch.setattr(binding_checks, "_hints", {})
    for _ in range(3):
        k8s.Container(name="one", ports=[k8s.ContainerPort(container_port=80)])
    assert len(resolved) == 2 and len(set(resolved)) == 2   # Container's stub and ContainerPort's, once each


@needs_debug
def test_the_memoized_hints_are_the_ones_typing_resolves() -> None:
    k8s.Container(name="one")
    assert binding_checks._hints
    for stub, hints in binding_checks._hints.items():
        assert hints == typing.get_type_hints(stub)
