"""The base of the kit's mixins (routing.py, producers.py, secret_rules.py), typed as constructs.

The checks find a mixin's subclasses in the construct tree, read their `node` and hand them to cdk8s
(`Chart.of`), so type checkers must know a mixin's instance is a construct. At run time the base is
a plain `object`: the mixins are combined with `Construct` by their subclasses
(`class GatewayRoute(Construct, RoutesTraffic)`), and a jsii interface as a real base would clash
with Construct's metaclass.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from constructs import IConstruct as ConstructMixin
else:
    ConstructMixin = object

__all__ = ["ConstructMixin"]
