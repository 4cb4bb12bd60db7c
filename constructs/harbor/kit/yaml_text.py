"""YAML read and written through libyaml where PyYAML has it: the same safe loader and dumper, faster.

Configuration files (the registry's config.yml, jobservice's, the CSI driver's objects) are written
as YAML while an app is built, and read back by the runtime checks, for every Harbor site. PyYAML's
wheels ship libyaml, whose safe loader and dumper give the same data and the same text as the
pure-Python ones (dist/ is byte-identical either way) at a fraction of the cost. Where libyaml is
missing the pure-Python ones serve.
"""

from __future__ import annotations

from typing import Any

import yaml

_LOADER: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_DUMPER: Any = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


def load_yaml(text: str) -> Any:
    """`yaml.safe_load(text)`."""
    return yaml.load(text, Loader=_LOADER)


def dump_yaml(data: Any) -> str:
    """`yaml.safe_dump(data, sort_keys=False)`: keys in the order the code wrote them, block style."""
    return yaml.dump(data, Dumper=_DUMPER, sort_keys=False, default_flow_style=False)
