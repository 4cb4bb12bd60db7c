"""Rules a secret value must follow, declared by the construct that reads it, printed for the operator.

A value that lives in OpenBao never passes through this library, so no synth can check it: a Redis
password with an '@' in it breaks the redis:// URLs Harbor's components dial, at run time. What the
library can do is say so where the operator stores the value: `python main.py openbao-setup` prints,
next to the key, every rule a consumer of that key declares (openbao_setup.py).

A construct declares its rules by subclassing `DeclaresSecretRules`, keyed by the handle it reads.
"""

from __future__ import annotations

from collections.abc import Mapping

from constructs import IConstruct

from ._mixin import ConstructMixin
from .handles import SecretKeyRef

# RFC 3986 "unreserved": the characters a URL carries as they are, in any of its parts.
URL_SAFE = "letters, digits, '-', '.', '_' and '~' only (RFC 3986 unreserved)"


class DeclaresSecretRules(ConstructMixin):
    """Mixin for a construct that reads synced secret values under rules the values must follow."""

    @property
    def secret_value_rules(self) -> Mapping[SecretKeyRef, str]:
        return {}


def secret_rules(root: IConstruct) -> dict[tuple[str, str], list[str]]:
    """(Secret, key) -> every rule the constructs of the tree declare for it, in tree order."""
    rules: dict[tuple[str, str], list[str]] = {}
    for construct in root.node.find_all():
        if isinstance(construct, DeclaresSecretRules):
            for ref, rule in construct.secret_value_rules.items():
                found = rules.setdefault((ref.secret, ref.key), [])
                if rule not in found:
                    found.append(rule)
    return rules
