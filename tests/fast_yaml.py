"""YAML reading for the tests through libyaml: the same safe constructor, ten times faster.

The tests read the pinned CRDs (1.4 MB), Harbor's API definition and every synthesized manifest, often
in each pytest-xdist worker; PyYAML's pure-Python parser spent seconds of the suite on them. PyYAML's
wheels ship libyaml; where it is missing the pure-Python loader serves, with the same results.
The library's `constructs.harbor.kit.yaml_text` does the same for its own YAML, but conftest.py reads
this module in pytest's controller, where importing the kit would start jsii's Node process.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import yaml

_SafeLoader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def load_yaml(text: str) -> Any:
    """`yaml.safe_load(text)`, parsed by libyaml."""
    return yaml.load(text, Loader=_SafeLoader)


def load_yaml_all(text: str) -> Iterator[Any]:
    """`yaml.safe_load_all(text)`, parsed by libyaml."""
    return yaml.load_all(text, Loader=_SafeLoader)
