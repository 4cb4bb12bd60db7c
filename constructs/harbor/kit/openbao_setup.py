"""The OpenBao side of every OpenBaoSecretSync: a read-only policy, a Kubernetes-auth role, a kv template.

It is derived from the same objects that produce the SecretProviderClass, so the policy grants
exactly the paths the cluster reads. It is printed for an operator to run; nothing of it is
synthesized, because it configures OpenBao, not the cluster Argo CD syncs.
"""

from __future__ import annotations

import shlex
from itertools import groupby

from constructs import IConstruct

from .openbao import OpenBaoSecretSync
from .secret_rules import secret_rules


def policy_hcl(sync: OpenBaoSecretSync) -> str:
    """Read on exactly the secret paths the sync fetches, nothing else."""
    paths = sorted({source.path for source in sync.sources})
    return "".join(f'path "{path}" {{\n  capabilities = ["read"]\n}}\n' for path in paths)


def setup_commands(sync: OpenBaoSecretSync, *, kv_template: bool = True) -> str:
    """The `bao` commands that make one sync work: its read-only policy and its Kubernetes-auth role.

    Args:
        sync: the OpenBaoSecretSync to set up.
        kv_template: also print a `bao kv put` template of every key the sync reads, each preceded
            by the rules its consumers declare for the value (default True); False for the policy
            and role alone, e.g. when the values are already stored.

    Returns:
        A shell script, one command per line (continuations with '\\').
    """
    role_args = [
        f"bound_service_account_names={sync.service_account_name}",
        f"bound_service_account_namespaces={sync.namespace}",
        f"token_policies={sync.policy_name}",
        "token_ttl=20m",
    ]
    if sync.server.audience:
        role_args.append(f"audience={sync.server.audience}")
    lines = [
        f"# OpenBaoSecretSync {sync.node.path}: SecretProviderClass {sync.namespace}/{sync.name}",
        # the address the CSI provider uses, unless the operator's BAO_ADDR says how to reach OpenBao
        # from where this runs (outside the cluster, the in-cluster name does not resolve)
        f"export BAO_ADDR=${{BAO_ADDR:-{shlex.quote(sync.server.address)}}}",
        f"bao policy write {sync.policy_name} - <<'EOF'",
        policy_hcl(sync).rstrip("\n"),
        "EOF",
        f"bao write auth/{sync.server.auth_mount_path}/role/{sync.role} \\\n    " + " \\\n    ".join(role_args),
    ]
    if not kv_template:
        return "\n".join(lines) + "\n"
    lines.append("# every key below must exist before Argo CD syncs; replace each <...> with the value")
    # rules the consumers of a key declare for its value (a password spliced into a URL, say)
    declared = secret_rules(sync.node.root)
    for synced in sync.secrets:
        for secret_key, source in synced.keys.items():
            for rule in declared.get((synced.name, secret_key), []):
                lines.append(f"# {source.kv_path} {source.key}: {rule}")
    for kv_path, sources in groupby(sorted(sync.sources, key=lambda s: (s.kv_path, s.key)), key=lambda s: s.kv_path):
        pairs = " \\\n    ".join(f"{source.key}='<{source.key}>'" for source in sources)
        lines.append(f"bao kv put {kv_path} \\\n    {pairs}")
    return "\n".join(lines) + "\n"


def setup_script(root: IConstruct, *, kv_template: bool = True) -> str:
    """The commands for every OpenBaoSecretSync in a construct tree, in tree order.

    Args:
        root: the app, or any construct whose subtree holds the syncs.
        kv_template: as for `setup_commands` (default True).

    Raises:
        ValueError: when the tree holds no OpenBaoSecretSync.
    """
    syncs = [c for c in root.node.find_all() if isinstance(c, OpenBaoSecretSync)]
    if not syncs:
        raise ValueError(f"{root.node.path or 'app'} holds no OpenBaoSecretSync: nothing to set up in OpenBao")
    return "\n".join(setup_commands(sync, kv_template=kv_template) for sync in syncs)
