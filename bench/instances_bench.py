"""How synthesis cost grows with the number of Harbor instances in one app, beside a minimal cdk8s app.

    .venv/bin/python bench/instances_bench.py [--sizes 1,10,50] [-O] [--runs 3] [--warmup 1]

One app holds N Harbor sites, one namespace each (a team per namespace: AppChart with default deny,
OpenBaoSecretSync, HarborRegistry, GatewayRoute), the homelab's shape N times over. Each measured
run starts a fresh process (see synth_bench.py for how wall time, max RSS and the process tree's
peak RSS are taken) that builds the app, runs every construct validation and writes the manifests
with `constructs.harbor.synthesize`, as `python main.py` does. The apps alternate in every run, so
drift on the machine affects all alike. Output goes into a temporary folder. This prints figures;
it is not a test.
"""

from __future__ import annotations

import argparse
import itertools
import statistics
import sys
import tempfile
import textwrap
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from synth_bench import REPO, measure, mib, minimal_app

INSTANCES_APP = '''
import os
import sys
from pathlib import Path

sys.path.insert(0, {repo!r})
import bundled_node  # the same Node as main.py uses

import cdk8s

from constructs.harbor import HarborRegistry, HarborSecrets, harbor_synced_secrets
from constructs.harbor.kit import (AppChart, GatewayPeer, GatewayRef, GatewayRoute, OpenBaoSecretSync, OpenBaoServer,
                                   RouteRule, synthesize)

COUNT = int(sys.argv[1])   # argv[2]: "synthesize" or "plain"
OPENBAO = OpenBaoServer(address="http://openbao.openbao.svc:8200")
GATEWAY = GatewayRef(name="public", namespace="gateway")


def build(outdir):
    app = cdk8s.App(outdir=outdir, yaml_output_type=cdk8s.YamlOutputType.FILE_PER_RESOURCE)
    for i in range(COUNT):
        team = f"team-{{i:03d}}"
        chart = AppChart(app, team, namespace=team, default_deny=True)
        sync = OpenBaoSecretSync(chart, "secrets", name="harbor-secrets", server=OPENBAO, role=team,
                                 secrets=harbor_synced_secrets(f"secret/data/{{team}}/harbor"))
        harbor = HarborRegistry(chart, "harbor", external_url=f"https://{{team}}.registry.example.com",
                                secrets=HarborSecrets.from_sync(sync), gateway_peer=GatewayPeer(namespace="gateway"))
        GatewayRoute(chart, "route", name="harbor", gateway=GATEWAY, hostnames=[harbor.hostname],
                     rules=[RouteRule(backend=harbor.entrypoint, paths=("/",))])
    return app


if sys.argv[2] == "synthesize":
    written = synthesize(build, Path(os.environ["CDK8S_OUTDIR"]) / "instances")
    print(len(written))
else:   # a plain app.synth(), with nothing of the library's around it
    build(str(Path(os.environ["CDK8S_OUTDIR"]) / "plain")).synth()
'''


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="1,10,50",
                        help="Harbor instances per app, comma-separated (default 1,10,50)")
    parser.add_argument("--plain-sizes", default="1,5",
                        help="the same apps synthesized by a plain app.synth(), no helper of ours around it "
                             "(default 1,5; empty: none)")
    parser.add_argument("-O", "--optimize", action="store_true",
                        help="run every app with python -O: the bindings' runtime type checks off (README, "
                             "'Performance')")
    parser.add_argument("--runs", type=int, default=3, help="measured runs of each app (default 3)")
    parser.add_argument("--warmup", type=int, default=1, help="unmeasured runs first (default 1)")
    parser.add_argument("--python", default=str(REPO / ".venv" / "bin" / "python")
                        if (REPO / ".venv" / "bin" / "python").exists() else sys.executable)
    args = parser.parse_args(argv)
    try:
        sizes = sorted({int(s) for s in args.sizes.split(",")})
    except ValueError:
        parser.error(f"--sizes must be integers separated by commas, got {args.sizes!r}")
    try:
        plain_sizes = sorted({int(s) for s in args.plain_sizes.split(",") if s})
    except ValueError:
        parser.error(f"--plain-sizes must be integers separated by commas, got {args.plain_sizes!r}")
    if args.runs < 1 or not sizes or sizes[0] < 1 or any(n < 1 for n in plain_sizes):
        parser.error("--runs and every size must be at least 1")

    with tempfile.TemporaryDirectory(prefix="instances-bench-") as scratch:
        scratch_path = Path(scratch)
        minimal = scratch_path / "minimal_app.py"
        minimal.write_text(minimal_app(with_plus=False))
        instances = scratch_path / "instances_app.py"
        instances.write_text(textwrap.dedent(INSTANCES_APP.format(repo=str(REPO))))
        python = [args.python, "-O"] if args.optimize else [args.python]
        apps = {"minimal app (1 ConfigMap)": ([*python, str(minimal)], scratch_path)}
        for n in sizes:
            apps[f"{n} Harbor instance{'s' if n > 1 else ''}"] = ([*python, str(instances), str(n), "synthesize"],
                                                                   scratch_path)
        for n in plain_sizes:
            apps[f"{n} plain app.synth()"] = ([*python, str(instances), str(n), "plain"], scratch_path)
        results: dict[str, list[dict]] = {name: [] for name in apps}
        for run in range(args.warmup + args.runs):
            for index, (name, (command, cwd)) in enumerate(apps.items()):
                figures = measure(args.python, command, cwd, scratch_path / f"out-{run}-{index}")
                if run >= args.warmup:
                    results[name].append(figures)

    def median(name: str, key: str) -> float:
        return statistics.median(r[key] for r in results[name])

    base_name = next(iter(apps))
    base_wall, base_tree = median(base_name, "wall"), median(base_name, "tree_peak")
    print(f"instances benchmark: {args.runs} runs of each app after {args.warmup} warm-up, "
          f"{' '.join(python)}")
    print(f"{'':28} {'median wall':>12} {'max RSS':>12} {'tree peak':>12} "
          f"{'wall over minimal':>18} {'per instance':>13} {'tree peak over minimal':>23}")
    for name in apps:
        wall, tree = median(name, "wall"), median(name, "tree_peak")
        if name == base_name:
            extra = f"{'':>18} {'':>13} {'':>23}"
        else:
            n = int(name.split()[0])   # "N Harbor instances" or "N plain app.synth()"
            per = (wall - base_wall) / n
            extra = f"{wall - base_wall:16.3f} s {per:11.3f} s {mib(tree - base_tree):>23}"
        print(f"{name:28} {wall:10.3f} s {mib(median(name, 'max_rss')):>12} {mib(tree):>12} {extra}")
    # growth between consecutive sizes: linear cost gives the same time per added instance
    for small, large in itertools.pairwise(sizes):
        a, b = f"{small} Harbor instance{'s' if small > 1 else ''}", f"{large} Harbor instances"
        per_added = (median(b, "wall") - median(a, "wall")) / (large - small)
        memory_per_added = (median(b, "tree_peak") - median(a, "tree_peak")) / (large - small)
        print(f"from {small} to {large}: {per_added:.3f} s and {mib(memory_per_added).strip()} tree peak "
              "per added instance")
    first = f"{sizes[0]} Harbor instance{'s' if sizes[0] > 1 else ''}"
    for n in sizes[1:]:
        print(f"{n} instances / {sizes[0]}: {median(f'{n} Harbor instances', 'wall') / median(first, 'wall'):.2f} x")
    if len(plain_sizes) > 1:
        one, many = plain_sizes[0], plain_sizes[-1]
        ratio = median(f"{many} plain app.synth()", "wall") / median(f"{one} plain app.synth()", "wall")
        print(f"plain app.synth(): {many} sites / {one}: {ratio:.2f} x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
