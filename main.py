"""The homelab site: Harbor in namespace `harbor`, synthesized into dist/harbor/ for Argo CD.

    python main.py                            write dist/harbor/
    python main.py openbao-setup              print the `bao` policy and role commands and the keys to store
    python main.py generate-secrets [-o F]    print a fresh set of Harbor secrets as `bao kv put`, and each
                                              robot's secret with its .dockerconfigjson
                                              (with -o, also write them to F as JSON, mode 0600)

Site facts live here and only here; the constructs take them as typed values.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

import bundled_node  # noqa: F401  (first: jsii starts Node when cdk8s is imported)

# isort: split
import cdk8s

from constructs.harbor import (
    AccessMode,
    BackupClaim,
    DatabaseBackup,
    HarborClaim,
    HarborMetrics,
    HarborRegistry,
    HarborSecrets,
    HarborStorage,
    LonghornVolumeBackups,
    Storage,
    TrivySettings,
    UpgradeGuard,
    harbor_synced_secrets,
    robot_setup_commands,
)
from constructs.harbor.configuration import (
    PULL_PERMISSIONS,
    PUSH_PERMISSIONS,
    AuditLogPurge,
    HarborConfiguration,
    ImmutableTagRule,
    PatternSelector,
    Project,
    ProjectPolicy,
    ProjectRobot,
    ProxyCacheProject,
    RegistryEndpoint,
    RegistryType,
    RetentionPolicy,
    RetentionRule,
    RetentionTemplate,
    SystemSettings,
)
from constructs.harbor.configuration.job import HarborConfigurationJob
from constructs.harbor.kit import (
    AppChart,
    BaoKey,
    GatewayPeer,
    GatewayRef,
    GatewayRoute,
    LonghornRecurringJob,
    LonghornTask,
    MonitoringPeer,
    OpenBaoSecretSync,
    OpenBaoServer,
    RouteRule,
    SecretKeyRef,
    SyncedSecret,
    setup_script,
    synthesize,
)

APP_NAME = "harbor"
NAMESPACE = "harbor"
HOSTNAME = "harbor.madhan.app"
# TLS ends at the Gateway; Harbor builds its links and token URLs from this external URL.
EXTERNAL_URL = f"https://{HOSTNAME}"
GATEWAY = GatewayRef(name="homelab-gateway", namespace="kube-system")
OPENBAO = OpenBaoServer(address="http://openbao.openbao.svc.cluster.local:8200")
OPENBAO_ROLE = "harbor"
# KV version 2 at mount `secret`: the CSI provider reads the API path, with its `data/` segment.
HARBOR_SECRETS_PATH = "secret/data/harbor"
# Each robot's secret at a path of its own below this one, with its ready .dockerconfigjson beside it:
# another app's PullSecret may then read one robot's credential and nothing else.
ROBOTS_PATH = "secret/data/harbor-robots"
# The Secret in namespace harbor through which the robots' secrets reach the configuration Job.
ROBOT_SECRETS = "harbor-robots"
LONGHORN = "longhorn"
# where the cluster's Prometheus (the Prometheus Operator's) runs: the only pods that may scrape Harbor
MONITORING_NAMESPACE = "monitoring"

# Pull-through caches: `docker pull harbor.madhan.app/<project>/<image>` fetches from the upstream
# once and serves later pulls from Harbor. Quay and registry.k8s.io are plain docker-registry
# endpoints: Harbor 2.14 removed the quay type from those that may back a proxy cache.
DOCKER_HUB = RegistryEndpoint(name="docker-hub", type=RegistryType.DOCKER_HUB, description="Docker Hub")
GHCR = RegistryEndpoint(name="ghcr", type=RegistryType.GITHUB_GHCR, description="GitHub Container Registry")
QUAY = RegistryEndpoint(name="quay", type=RegistryType.DOCKER_REGISTRY, url="https://quay.io", description="Quay")
K8S = RegistryEndpoint(name="registry-k8s-io", type=RegistryType.DOCKER_REGISTRY, url="https://registry.k8s.io",
                       description="Kubernetes images")
# What the 50Gi registry volume keeps. Retention runs at 01:00 and deletes what no rule keeps;
# garbage collection at 03:00 frees the space, and also deletes every artifact left without a tag.
# A proxy cache keeps what was pulled in the last 30 days (anything else is fetched again on demand).
# `library` keeps the 10 latest tagged artifacts of each repository and every release tag (v*), which
# nobody may push again or delete: Argo CD deploys by tag, so a tag must go on meaning one image.
RETENTION_SCHEDULE = "0 0 1 * * *"
RELEASES = PatternSelector(pattern="v*")
CACHE_RETENTION = RetentionPolicy(schedule=RETENTION_SCHEDULE, rules=(
    RetentionRule(template=RetentionTemplate.PULLED_WITHIN_DAYS, days=30),
))
LIBRARY_RETENTION = RetentionPolicy(schedule=RETENTION_SCHEDULE, rules=(
    RetentionRule(template=RetentionTemplate.LATEST_PUSHED, count=10, untagged=False),
    RetentionRule(template=RetentionTemplate.ALWAYS, tags=RELEASES, untagged=False),
))
# the homelab's own images: private, scanned on push
LIBRARY = Project(name="library", public=False, policy=ProjectPolicy(auto_scan=True), retention=LIBRARY_RETENTION,
                  immutable_rules=(ImmutableTagRule(repositories=PatternSelector(), tags=RELEASES),))
# Robots of `library`, their secrets from OpenBao (`generate-secrets` makes them): the homelab's apps pull
# with the first (a PullSecret in their namespace), CI pushes with the second.
LIBRARY_PULL = ProjectRobot(name="pull", project=LIBRARY, permissions=PULL_PERMISSIONS,
                            description="image pulls of the homelab's apps",
                            secret=SecretKeyRef(secret=ROBOT_SECRETS, key="library-pull"))
LIBRARY_CI = ProjectRobot(name="ci", project=LIBRARY, permissions=PUSH_PERMISSIONS, description="CI pushes",
                          secret=SecretKeyRef(secret=ROBOT_SECRETS, key="library-ci"))
HARBOR_CONFIGURATION = HarborConfiguration(
    endpoints=(DOCKER_HUB, GHCR, QUAY, K8S),
    projects=(
        ProxyCacheProject(name="dockerhub", endpoint=DOCKER_HUB, public=True, retention=CACHE_RETENTION),
        ProxyCacheProject(name="ghcr", endpoint=GHCR, public=True, retention=CACHE_RETENTION),
        ProxyCacheProject(name="quay", endpoint=QUAY, public=True, retention=CACHE_RETENTION),
        ProxyCacheProject(name="k8s", endpoint=K8S, public=True, retention=CACHE_RETENTION),
        LIBRARY,
    ),
    system=SystemSettings(
        gc_schedule="0 0 3 * * *", gc_delete_untagged=True,
        # the audit log grows with every pull; a month of it is enough for a homelab
        audit_log_purge=AuditLogPurge(schedule="0 0 4 * * 0", retention_hours=30 * 24),
    ),
    robots=(LIBRARY_PULL, LIBRARY_CI),
)
# field `secret` of <ROBOTS_PATH>/<key> for each robot
ROBOT_SYNC = SyncedSecret(ROBOT_SECRETS, keys={
    robot.secret.key: BaoKey(path=f"{ROBOTS_PATH}/{robot.secret.key}", key="secret")
    for robot in HARBOR_CONFIGURATION.robots})


# Nothing lost: a nightly dump of Harbor's database on a claim of its own (seven kept), Longhorn
# snapshots of the image, database and dump volumes every six hours and a nightly Longhorn backup of
# them to Longhorn's backup target (off the cluster: the dumps too), and no version change of Harbor
# without a dump younger than 26 hours. The README's runbooks say how to restore each.
DATABASE_BACKUP = DatabaseBackup(target=BackupClaim(storage=Storage(size="10Gi", storage_class=LONGHORN)),
                                 schedule="30 2 * * *", keep=7)
VOLUME_BACKUPS = LonghornVolumeBackups(
    jobs=(LonghornRecurringJob(name="harbor-snapshot", task=LonghornTask.SNAPSHOT, schedule="0 */6 * * *", retain=8),
          LonghornRecurringJob(name="harbor-backup", task=LonghornTask.BACKUP, schedule="0 3 * * *", retain=14)),
    claims=(HarborClaim.REGISTRY, HarborClaim.DATABASE, HarborClaim.DATABASE_BACKUP))


def build(outdir: str) -> cdk8s.App:
    app = cdk8s.App(outdir=outdir, yaml_output_type=cdk8s.YamlOutputType.FILE_PER_RESOURCE)
    # Pod Security "restricted" (AppChart's default) and a namespace-wide default deny: each pod gets
    # only the traffic a policy of its own allows
    chart = AppChart(app, APP_NAME, namespace=NAMESPACE, default_deny=True)
    secrets = OpenBaoSecretSync(chart, "secrets", name="harbor-secrets", server=OPENBAO, role=OPENBAO_ROLE,
                                secrets=[*harbor_synced_secrets(HARBOR_SECRETS_PATH), ROBOT_SYNC])
    harbor = HarborRegistry(
        chart, "harbor",
        external_url=EXTERNAL_URL,
        secrets=HarborSecrets.from_sync(secrets),
        storage=HarborStorage(
            # several pods (registry and registryctl, and any rollout) write these: ReadWriteMany
            registry=Storage(size="50Gi", access=AccessMode.READ_WRITE_MANY, storage_class=LONGHORN),
            jobservice=Storage(size="1Gi", access=AccessMode.READ_WRITE_MANY, storage_class=LONGHORN),
            database=Storage(size="10Gi", access=AccessMode.READ_WRITE_ONCE, storage_class=LONGHORN),
            redis=Storage(size="1Gi", access=AccessMode.READ_WRITE_ONCE, storage_class=LONGHORN),
            trivy=Storage(size="5Gi", access=AccessMode.READ_WRITE_ONCE, storage_class=LONGHORN),
        ),
        trivy=TrivySettings(),
        # only the Gateway's proxy, in the Gateway's namespace, may reach Harbor's entry point
        gateway_peer=GatewayPeer(namespace=GATEWAY.namespace),
        database_backup=DATABASE_BACKUP,
        volume_backups=VOLUME_BACKUPS,
        upgrade_guard=UpgradeGuard(max_backup_age_hours=26),
        # metrics, the exporter, ServiceMonitors, tested alert rules and a Grafana dashboard
        metrics=HarborMetrics(monitoring=MonitoringPeer(namespace=MONITORING_NAMESPACE)),
    )
    GatewayRoute(chart, "route", name="harbor", gateway=GATEWAY, hostnames=[harbor.hostname],
                 rules=[RouteRule(backend=harbor.entrypoint, paths=("/",))])
    HarborConfigurationJob(chart, "configure", harbor=harbor, configuration=HARBOR_CONFIGURATION)
    return app


def output_dir() -> Path:
    # `cdk8s synth` passes its output folder in CDK8S_OUTDIR; otherwise dist/ beside this file, from
    # whatever folder it runs. Each app gets a folder of its own.
    return Path(os.environ.get("CDK8S_OUTDIR", Path(__file__).resolve().parent / "dist")) / APP_NAME


def robot_credentials(app: cdk8s.App):
    """Where each robot's secret lives in OpenBao, read from the configuration Jobs of the app."""
    return [credential for job in app.node.find_all() if isinstance(job, HarborConfigurationJob)
            for credential in job.robot_credentials]


def openbao_setup() -> str:
    app = build(outdir=os.devnull)
    return setup_script(app) + robot_setup_commands(robot_credentials(app))


def generate_secrets(output: Path | None) -> str:
    # loaded here: bcrypt and cryptography are needed for a fresh set of secrets, never for a synth
    from constructs.harbor import generate_harbor_secrets, generate_robot_secrets, kv_put_command

    if output is not None and os.path.lexists(output):
        # refused before anything is generated; the exclusive create below still guards against a race
        raise FileExistsError(f"--output {output}: the file exists, and generate-secrets never overwrites one "
                              "(it may hold the values already stored in OpenBao)")
    app = build(outdir=os.devnull)
    values = generate_harbor_secrets()
    robots = generate_robot_secrets(robot_credentials(app))
    if output is not None:
        # created 0600 from the start: the values never sit in a world-readable file
        descriptor = os.open(output, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(descriptor, "w") as file:
            json.dump({**values, "robots": robots}, file, indent=2, sort_keys=True)
    kv_path = BaoKey(path=HARBOR_SECRETS_PATH, key="x").kv_path
    return (setup_script(app, kv_template=False)
            + "# store the fresh values (the output holds secrets: do not paste it anywhere shared)\n"
            + kv_put_command(kv_path, values)
            + "".join(f"# robot secret and its pull secret, for {path}\n" + kv_put_command(path, fields)
                      for path, fields in robots.items()))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("command", nargs="?", default="synth", choices=["synth", "openbao-setup", "generate-secrets"])
    parser.add_argument("-o", "--output", type=Path, help="generate-secrets: also write the values to this new file")
    args = parser.parse_args(argv)
    try:
        if args.command == "openbao-setup":
            sys.stdout.write(openbao_setup())
            return 0
        if args.command == "generate-secrets":
            sys.stdout.write(generate_secrets(args.output))
            return 0
        written = synthesize(build, output_dir())
    except (ValueError, FileExistsError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    print(f"wrote {len(written)} manifests to {output_dir()}/")
    return 0


if __name__ == "__main__":
    sys.exit(main())
