"""Kubernetes value types (IntOrString, Quantity) made once per distinct value.

Each `k8s.IntOrString.from_number(8080)` or `k8s.Quantity.from_string("1Gi")` is a round trip to the
jsii Node process: a Harbor site asks for about 150 of them, most of them equal (port 8080, "1Gi").
The values are immutable, so one object per distinct value serves every manifest of the process.
"""

# pyright: reportUnnecessaryIsInstance=false
# (the type check below is for callers without a type checker)

from __future__ import annotations

from functools import cache

from cdk8s_plus_27 import k8s


@cache
def int_or_string(value: int | str) -> k8s.IntOrString:
    """A port or a percentage as Kubernetes takes it: a number, or a name such as "http"."""
    if isinstance(value, bool) or not isinstance(value, (int, str)):
        raise TypeError(f"an IntOrString is built from an int or a str, got {value!r}")
    return k8s.IntOrString.from_number(value) if isinstance(value, int) else k8s.IntOrString.from_string(value)


@cache
def quantity(value: str) -> k8s.Quantity:
    """A Kubernetes quantity such as "500m" or "1Gi" (checked by the callers' settings)."""
    return k8s.Quantity.from_string(value)
