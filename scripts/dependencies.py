"""Print the pinned requirements from pyproject.toml, one per line, for `pip install -r /dev/stdin`.

The working copy runs from the repository root, so only the dependencies are installed, never the
project itself: an installed copy of `constructs.harbor` would shadow the files being edited.
"""

import sys
import tomllib
from pathlib import Path

project = tomllib.loads((Path(__file__).resolve().parent.parent / "pyproject.toml").read_text())["project"]
requirements = list(project["dependencies"])
for extra in sys.argv[1:]:
    requirements += project["optional-dependencies"][extra]
print("\n".join(requirements))
