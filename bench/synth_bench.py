"""How long `python main.py` takes and how much memory it needs, beside minimal cdk8s apps (with and without cdk8s-plus-27 loaded).

    .venv/bin/python bench/synth_bench.py [--runs 5] [--warmup 1]

Each run starts a fresh measuring process that starts the app and reports, for that app alone:
- wall time;
- max RSS: `getrusage(RUSAGE_CHILDREN).ru_maxrss` of the measuring process, i.e. the largest single
  process of the app (Python or the jsii Node process, whichever is larger);
- tree peak: the largest sum of RSS over the app's whole process tree (Python + Node), sampled from
  /proc every 10 ms, so it can miss a short spike.
The apps alternate in every run, so drift on the machine affects all alike (`bench/phases.py` splits
one synthesis into its phases). Trade-offs of the speed work, measured here: the per-call check cache
holds one rendering of the tree (the homelab's manifests are 320 kB as YAML) until the
next call from Python; the caches of construct paths, roots, namespaces and of IntOrString/Quantity
values live as long as the process (one entry per construct or distinct value), as do the bindings'
memoized type hints, typing subscriptions and quick type answers (kit/binding_checks.py: one entry
per stub or expected type the app uses; max RSS of main.py 103.3 MiB before them, 103.4 MiB after).
Readability pays for those: kit/binding_checks.py reaches into the generated modules' globals and
restates what typeguard 2 accepts, which its docstring and tests/test_binding_checks.py have to
justify; for that, one homelab site's construction takes 0.19 s instead of 0.27 s (bench/phases.py).
Output goes into a temporary CDK8S_OUTDIR: dist/ is never touched. This prints figures; it is not a
test.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import textwrap
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]

def minimal_app(*, with_plus: bool) -> str:
    """The minimal app's source; `with_plus` also loads cdk8s-plus-27, as every app of the library does."""
    plus = "import cdk8s_plus_27  # noqa: F401  (loaded, unused)" if with_plus else ""
    return textwrap.dedent(MINIMAL_APP).replace("{repo!r}", repr(str(REPO))).replace("{plus}", plus)


MINIMAL_APP = '''
import os
import sys

sys.path.insert(0, {repo!r})
import bundled_node  # the same Node as main.py uses, so that only the app differs

import cdk8s
{plus}
app = cdk8s.App(outdir=os.environ["CDK8S_OUTDIR"])
chart = cdk8s.Chart(app, "minimal")
config = cdk8s.ApiObject(chart, "config", api_version="v1", kind="ConfigMap",
                         metadata=cdk8s.ApiObjectMetadata(name="minimal"))
config.add_json_patch(cdk8s.JsonPatch.add("/data", {"greeting": "hello"}))
app.synth()
'''

# Runs in a fresh process per measurement, so RUSAGE_CHILDREN holds this one app only.
MEASURE = r'''
import json, os, resource, subprocess, sys, time

PAGE = os.sysconf("SC_PAGE_SIZE")


def tree_rss(root):
    children = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat") as f:
                    ppid = int(f.read().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
            children.setdefault(ppid, []).append(int(entry))
    total, todo = 0, [root]
    while todo:
        pid = todo.pop()
        try:
            with open(f"/proc/{pid}/statm") as f:
                total += int(f.read().split()[1]) * PAGE
        except (OSError, IndexError, ValueError):
            pass
        todo.extend(children.get(pid, []))
    return total


command, cwd = json.loads(sys.argv[1]), sys.argv[2]
start = time.perf_counter()
child = subprocess.Popen(command, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
peak = 0
while child.poll() is None:
    if os.path.isdir("/proc"):
        peak = max(peak, tree_rss(child.pid))
    time.sleep(0.01)
wall = time.perf_counter() - start
stderr = child.stderr.read().decode(errors="replace")
usage = resource.getrusage(resource.RUSAGE_CHILDREN)
print(json.dumps({"wall": wall, "max_rss": usage.ru_maxrss * 1024, "tree_peak": peak,
                  "returncode": child.returncode, "stderr": stderr[-2000:]}))
'''


def measure(python: str, command: list[str], cwd: Path, outdir: Path) -> dict:
    env = dict(os.environ, CDK8S_OUTDIR=str(outdir), JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION="20")
    result = subprocess.run([python, "-c", MEASURE, json.dumps(command), str(cwd)], env=env,
                            capture_output=True, text=True, check=True)
    figures = json.loads(result.stdout)
    if figures["returncode"] != 0:
        raise SystemExit(f"{' '.join(command)} failed ({figures['returncode']}):\n{figures['stderr']}")
    return figures


def mib(value: float) -> str:
    return f"{value / 2**20:7.1f} MiB"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=5, help="measured runs of each app (default 5)")
    parser.add_argument("--warmup", type=int, default=1, help="unmeasured runs first (default 1)")
    parser.add_argument("--python", default=str(REPO / ".venv" / "bin" / "python")
                        if (REPO / ".venv" / "bin" / "python").exists() else sys.executable)
    args = parser.parse_args(argv)
    if args.runs < 1:
        parser.error("--runs must be at least 1")

    with tempfile.TemporaryDirectory(prefix="synth-bench-") as scratch:
        scratch_path = Path(scratch)
        minimal = scratch_path / "minimal_app.py"
        minimal_plus = scratch_path / "minimal_plus_app.py"
        minimal.write_text(minimal_app(with_plus=False))
        minimal_plus.write_text(minimal_app(with_plus=True))
        apps = {
            "python main.py": ([args.python, "main.py"], REPO),
            "minimal app (1 ConfigMap)": ([args.python, str(minimal)], scratch_path),
            # the same bytes without the bindings' runtime type checks (README, "Performance")
            "python -O main.py": ([args.python, "-O", "main.py"], REPO),
            # the floor: the minimal app with cdk8s-plus-27 loaded, as every app of the library has it
            "minimal + cdk8s-plus-27": ([args.python, str(minimal_plus)], scratch_path),
        }
        results: dict[str, list[dict]] = {name: [] for name in apps}
        for run in range(args.warmup + args.runs):
            for index, (name, (command, cwd)) in enumerate(apps.items()):
                outdir = scratch_path / f"out-{run}-{index}"
                figures = measure(args.python, command, cwd, outdir)
                if run >= args.warmup:
                    results[name].append(figures)

    def median(name: str, key: str) -> float:
        return statistics.median(r[key] for r in results[name])

    print(f"synth benchmark: {args.runs} runs of each app after {args.warmup} warm-up, python {args.python}")
    print(f"{'':28} {'median wall':>12} {'min wall':>10} {'median max RSS':>15} {'median tree peak':>17}")
    for name in apps:
        walls = [r["wall"] for r in results[name]]
        print(f"{name:28} {median(name, 'wall'):10.3f} s {min(walls):8.3f} s "
              f"{mib(median(name, 'max_rss')):>15} {mib(median(name, 'tree_peak')):>17}")
    main_name, base_name, optimized_name, plus_name = list(apps)
    ratio = {key: median(main_name, key) / median(base_name, key) for key in ("wall", "max_rss", "tree_peak")
             if median(base_name, key)}
    print(f"{'ratio main.py / minimal':28} {ratio.get('wall', float('nan')):10.2f} x {'':10} "
          f"{ratio.get('max_rss', float('nan')):13.2f} x {ratio.get('tree_peak', float('nan')):15.2f} x")
    print(f"{'ratio -O main.py / minimal':28} {median(optimized_name, 'wall') / median(base_name, 'wall'):10.2f} x")
    for name in (main_name, optimized_name):
        label = f"ratio {name.removeprefix('python ')} / minimal+plus"
        print(f"{label:28} {median(name, 'wall') / median(plus_name, 'wall'):10.2f} x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
