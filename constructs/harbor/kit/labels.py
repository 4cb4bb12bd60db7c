"""Labels: the standard app.kubernetes.io set every object carries, and label syntax checked at entry.

A label set handed to a selector (a Gateway's pods, the cluster DNS pods) or stamped on a Namespace
must be valid before it reaches cdk8s: the API server would reject the object at sync time, and a
typo in a selector silently selects nothing.
"""

# Strict typing, but the isinstance checks stay: they are for callers without a type checker, whom a
# wrong type should stop here, naming the field, rather than deep inside jsii.
# pyright: reportUnnecessaryIsInstance=false

from __future__ import annotations

import re
from collections.abc import Mapping

from .validation import fail

# A label key: an optional DNS subdomain prefix and '/', then a name of at most 63 characters.
_LABEL_NAME = re.compile(r"[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?")
_LABEL_PREFIX = re.compile(r"[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*")
# A label value: empty, or at most 63 characters that start and end alphanumeric.
_LABEL_VALUE = re.compile(r"([A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?)?")


def check_label_key(field: str, key: str) -> str:
    if not isinstance(key, str):
        raise fail(field, "a label key such as 'app.kubernetes.io/name'", key)
    prefix, _, name = key.rpartition("/")
    if ("/" in key and (not prefix or len(prefix) > 253 or not _LABEL_PREFIX.fullmatch(prefix))) \
            or not _LABEL_NAME.fullmatch(name):
        raise fail(field, "a label key such as 'app.kubernetes.io/name' (an optional DNS prefix and '/', then "
                          "at most 63 letters, digits, '-', '_' or '.')", key)
    return key


def check_label_value(field: str, value: str) -> str:
    if not isinstance(value, str) or not _LABEL_VALUE.fullmatch(value):
        raise fail(field, "a label value (at most 63 letters, digits, '-', '_' or '.', alphanumeric at both ends)",
                   value)
    return value


def check_labels(field: str, labels: Mapping[str, str]) -> dict[str, str]:
    """A sorted copy of a valid label mapping, so a caller's dict cannot change it later."""
    if not isinstance(labels, Mapping):
        raise fail(field, "a mapping of label key to value", labels)
    for key, value in labels.items():
        check_label_key(f"{field} key", key)
        check_label_value(f"{field}[{key!r}]", value)
    return dict(sorted(labels.items()))


MANAGED_BY = "cdk8s"
NAME_LABEL = "app.kubernetes.io/name"
# The instance label Argo CD tracks resources by (its default `application.instanceLabelKey`).
INSTANCE_LABEL = "app.kubernetes.io/instance"
# What part of the app an object is (the checks name a component by it).
COMPONENT_LABEL = "app.kubernetes.io/component"


def standard_labels(*, name: str, instance: str, component: str, part_of: str | None = None,
                    version: str | None = None) -> dict[str, str]:
    """The app.kubernetes.io label set, so that `kubectl get -l` and dashboards group objects."""
    labels = {
        NAME_LABEL: name,
        INSTANCE_LABEL: instance,
        COMPONENT_LABEL: component,
        "app.kubernetes.io/part-of": part_of or name,
        "app.kubernetes.io/managed-by": MANAGED_BY,
    }
    if version:
        labels["app.kubernetes.io/version"] = version
    return labels


def selector_labels(labels: Mapping[str, str]) -> dict[str, str]:
    """The stable subset used in selectors: a selector is immutable, so it never holds the version."""
    keys = (NAME_LABEL, INSTANCE_LABEL, COMPONENT_LABEL)
    return {key: labels[key] for key in keys}
