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

started = time.perf_counter()
import bundled_node  # noqa: F401

# isort: split
import jsii._kernel

loads_time = [0.0]
_load = jsii._kernel.Kernel.load


def timed_load(self, *args, **kwargs):  # type: ignore[no-untyped-def]
    begin = time.perf_counter()
    try:
        return _load(self, *args, **kwargs)
    finally:
        loads_time[0] += time.perf_counter() - begin


jsii._kernel.Kernel.load = timed_load  # type: ignore[method-assign]

# isort: split
import cdk8s
import cdk8s_plus_27  # noqa: F401
import jsii._kernel.providers.process as jsii_process

toolchain = time.perf_counter()
toolchain_loads = loads_time[0]
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
checks_time = [0.0]
_run = adapter.AppChecks._run


def timed_run(self):  # type: ignore[no-untyped-def]
    begin = time.perf_counter()
    try:
        return _run(self)
    finally:
        checks_time[0] += time.perf_counter() - begin


adapter.AppChecks._run = timed_run  # type: ignore[method-assign]
built: list[float] = []
synth_time = [0.0]
_synth = cdk8s.App.synth


def timed_synth(self):  # type: ignore[no-untyped-def]
    begin = time.perf_counter()
    try:
        return _synth(self)
    finally:
        synth_time[0] += time.perf_counter() - begin


cdk8s.App.synth = timed_synth  # type: ignore[method-assign]


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
    "jsii loads": {"toolchain": toolchain_loads, "library": loads_time[0] - toolchain_loads},
    "object construction": built[0] - library,
    "checks": checks_time[0],
    "synth": synth_time[0] - checks_time[0],
    "writing": done - built[0] - synth_time[0],
    "total": done - started,
    "round trips": {"imports": marks["library"], "construction": marks["built"] - marks["library"],
                    "checks, synth and writing": round_trips[0] - marks["built"]},
}))
