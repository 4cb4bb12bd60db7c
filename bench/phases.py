"""Where one `python main.py` spends its time, phase by phase, in one process (run it beside synth_bench.py).

    .venv/bin/python [-O] bench/phases.py OUTDIR

Phases, in the order they happen:
- toolchain imports: Python's start is before this; `bundled_node`, `cdk8s`, `cdk8s_plus_27` (with
  their jsii assemblies: the Node process starts and loads constructs, cdk8s and cdk8s-plus-27);
- library imports: `main` and what it imports (the library, the CRD bindings and their assemblies);
- jsii loads: the part of each import phase spent in `jsii.Kernel.load`: Node starting, and Node
  unpacking and loading the assemblies (constructs, cdk8s, cdk8s-plus-27 for the toolchain; one per
  CRD binding for the library);
- object construction: `main.build()`, every construct and ApiObject;
- checks: the library's construct validations, inside `App.synth` (timed around the one validation
  of the app, kit/checks/adapter.py `AppChecks`);
- synth: the rest of `App.synth()`, one call into Node in which cdk8s renders every object, turns it
  into YAML and writes the files (Node does all three in that one call: they cannot be told apart
  from Python; `node --cpu-prof` splits them, see README "Performance");
- writing: the rest of `synthesize()`: the scratch folder swapped into place, the files listed.
Prints one JSON object with the seconds of each phase and the round trips to Node in each.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

# seconds spent inside each timed method, by a name of the phase
spent: dict[str, float] = {}


def time_method(owner: type, name: str, phase: str) -> None:
    """Replace owner.name by a wrapper that adds the seconds of every call to spent[phase]."""
    method = getattr(owner, name)
    spent[phase] = 0.0

    def timed(*args, **kwargs):  # type: ignore[no-untyped-def]
        begin = time.perf_counter()
        try:
            return method(*args, **kwargs)
        finally:
            spent[phase] += time.perf_counter() - begin

    setattr(owner, name, timed)


started = time.perf_counter()
import bundled_node  # noqa: F401

# isort: split
import jsii._kernel

time_method(jsii._kernel.Kernel, "load", "jsii loads")

# isort: split
import cdk8s
import cdk8s_plus_27  # noqa: F401
import jsii._kernel.providers.process as jsii_process

toolchain = time.perf_counter()
toolchain_loads = spent["jsii loads"]
round_trips = [0]
_send = jsii_process._NodeProcess.send


def counting_send(self, request, response_type):  # type: ignore[no-untyped-def]
    round_trips[0] += 1
    return _send(self, request, response_type)


jsii_process._NodeProcess.send = counting_send  # type: ignore[method-assign]

import main
from constructs.harbor.kit.checks import adapter
from constructs.harbor.kit.output import synthesize

library = time.perf_counter()
marks = {"library": round_trips[0]}
time_method(adapter.AppChecks, "_run", "checks")
time_method(cdk8s.App, "synth", "synth")
built: list[float] = []


def build(outdir: str) -> cdk8s.App:
    app = main.build(outdir)
    built.append(time.perf_counter())
    marks["built"] = round_trips[0]
    return app


synthesize(build, Path(sys.argv[1]) / main.APP_NAME)
done = time.perf_counter()
print(json.dumps({
    "toolchain imports": toolchain - started,
    "library imports": library - toolchain,
    "jsii loads": {"toolchain": toolchain_loads, "library": spent["jsii loads"] - toolchain_loads},
    "object construction": built[0] - library,
    "checks": spent["checks"],
    "synth": spent["synth"] - spent["checks"],
    "writing": done - built[0] - spent["synth"],
    "total": done - started,
    "round trips": {"imports": marks["library"], "construction": marks["built"] - marks["library"],
                    "checks, synth and writing": round_trips[0] - marks["built"]},
}))
