"""An example site with Harbor beyond one node, synthesized into dist/harbor-ha/ for Argo CD.

    python examples/ha_site.py        write dist/harbor-ha/

The homelab (main.py) runs one pod of everything with Harbor's own PostgreSQL and Redis. This site
is what a team runs when one node or one database pod is not enough:
- several replicas of core, portal, registry, jobservice, nginx and Trivy, each with a
  PodDisruptionBudget and spread over nodes;
- PostgreSQL as a CloudNativePG Cluster of three instances that HarborRegistry creates: Harbor
  reads the password the operator generates, which never passes through OpenBao or git;
- an external Valkey, its password from OpenBao;
- images in an S3-compatible bucket (Ceph RGW on the storage network), keys from OpenBao;
- job logs on a ReadWriteMany volume, since every jobservice replica writes them;
- continuous backup of PostgreSQL to the same object store (WAL archiving and a nightly base backup
  through CloudNativePG's Barman Cloud plugin, keys from OpenBao), and an upgrade guard that refuses
  to change Harbor's version while the newest base backup is older than a day.

Site facts live here and only here; the constructs take them as typed values.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
# Run from a checkout, the library sits beside examples/ (main.py finds it the same way, as the
# folder of the script); an installed copy of the package serves as well.
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

import bundled_node  # noqa: F401  (before cdk8s: jsii starts Node when cdk8s is imported)

# isort: split
import cdk8s

from constructs.harbor import (
    AccessMode,
    CloudNativePgDatabase,
    ExternalRedis,
    HarborRegistry,
    HarborReplicas,
    HarborSecrets,
    HarborStorage,
    S3Storage,
    SslMode,
    Storage,
    TrivySettings,
    UpgradeGuard,
    harbor_synced_secrets,
)
from constructs.harbor.kit import (
    AppChart,
    BaoKey,
    BarmanCloudBackup,
    DataStorePeer,
    GatewayPeer,
    GatewayRef,
    GatewayRoute,
    OpenBaoSecretSync,
    OpenBaoServer,
    RouteRule,
    SyncedSecret,
    synthesize,
)

APP_NAME = "harbor-ha"
NAMESPACE = "harbor"
HOSTNAME = "registry.example.com"
EXTERNAL_URL = f"https://{HOSTNAME}"
GATEWAY = GatewayRef(name="public", namespace="gateway-system")
OPENBAO = OpenBaoServer(address="https://openbao.example.com:8200")
OPENBAO_ROLE = "harbor"
HARBOR_SECRETS_PATH = "secret/data/harbor"
# RWX for job logs, block storage for PostgreSQL and Trivy's caches
SHARED_FILES = "cephfs"
BLOCK = "ceph-block"

# Valkey runs in its own namespace; its password sits next to Harbor's secrets in OpenBao.
VALKEY = DataStorePeer(namespace="valkey", pod_labels={"app.kubernetes.io/name": "valkey"})
VALKEY_HOST = "valkey.valkey.svc.cluster.local"
# Ceph's RADOS gateway answers on the storage network, outside the pod ranges.
S3_ENDPOINT = "https://rgw.storage.example.com"
S3_NETWORK = DataStorePeer(cidrs=("10.40.0.0/24",))

REPLICAS = HarborReplicas(core=3, portal=2, registry=3, jobservice=2, nginx=2, trivy=2)


def build(outdir: str) -> cdk8s.App:
    app = cdk8s.App(outdir=outdir, yaml_output_type=cdk8s.YamlOutputType.FILE_PER_RESOURCE)
    chart = AppChart(app, APP_NAME, namespace=NAMESPACE, default_deny=True)
    secrets = OpenBaoSecretSync(
        chart, "secrets", name="harbor-secrets", server=OPENBAO, role=OPENBAO_ROLE,
        secrets=[
            # CloudNativePG generates the database password: nothing to sync for it
            *harbor_synced_secrets(HARBOR_SECRETS_PATH, database_password=False),
            SyncedSecret("harbor-valkey", keys={
                "password": BaoKey(path=HARBOR_SECRETS_PATH, key="VALKEY_PASSWORD")}),
            SyncedSecret("harbor-s3", keys={
                "access-key": BaoKey(path=HARBOR_SECRETS_PATH, key="S3_ACCESS_KEY"),
                "secret-key": BaoKey(path=HARBOR_SECRETS_PATH, key="S3_SECRET_KEY")}),
            # a bucket user of its own for the database's backups, which the Barman Cloud plugin reads
            SyncedSecret("harbor-backup-s3", keys={
                "access-key": BaoKey(path=HARBOR_SECRETS_PATH, key="BACKUP_S3_ACCESS_KEY"),
                "secret-key": BaoKey(path=HARBOR_SECRETS_PATH, key="BACKUP_S3_SECRET_KEY")}),
        ])
    harbor = HarborRegistry(
        chart, "harbor",
        external_url=EXTERNAL_URL,
        secrets=HarborSecrets.from_sync(secrets),
        replicas=REPLICAS,
        storage=HarborStorage(
            # every jobservice replica writes job logs, and core reads them back through any of them
            jobservice=Storage(size="5Gi", access=AccessMode.READ_WRITE_MANY, storage_class=SHARED_FILES),
            # one claim per Trivy replica (a StatefulSet), each with its own vulnerability database
            trivy=Storage(size="10Gi", access=AccessMode.READ_WRITE_ONCE, storage_class=BLOCK),
        ),
        database=CloudNativePgDatabase(
            instances=3, size="20Gi", storage_class=BLOCK, ssl_mode=SslMode.VERIFY_FULL, max_connections=1000,
            # every WAL segment and a base backup at 03:00 to the object store: any point of the last 30 days
            backup=BarmanCloudBackup(
                destination_path="s3://harbor-database-backups/", endpoint_url=S3_ENDPOINT,
                access_key_id=secrets.key("harbor-backup-s3", "access-key"),
                secret_access_key=secrets.key("harbor-backup-s3", "secret-key"),
                schedule="0 3 * * *", retention="30d", peer=S3_NETWORK)),
        redis=ExternalRedis(host=VALKEY_HOST, password=secrets.key("harbor-valkey", "password"), peer=VALKEY),
        image_storage=S3Storage(
            bucket="harbor-images", region="ceph", endpoint=S3_ENDPOINT,
            access_key=secrets.key("harbor-s3", "access-key"), secret_key=secrets.key("harbor-s3", "secret-key"),
            # clients outside the storage network cannot reach the gateway: the registry streams blobs
            disable_redirect=True, peer=S3_NETWORK),
        trivy=TrivySettings(),
        gateway_peer=GatewayPeer(namespace=GATEWAY.namespace),
        upgrade_guard=UpgradeGuard(max_backup_age_hours=26),
    )
    GatewayRoute(chart, "route", name="harbor", gateway=GATEWAY, hostnames=[harbor.hostname],
                 rules=[RouteRule(backend=harbor.entrypoint, paths=("/",))])
    return app


def output_dir() -> Path:
    # `cdk8s synth` style: CDK8S_OUTDIR names the output folder; each app gets a folder of its own
    return Path(os.environ.get("CDK8S_OUTDIR", REPO / "dist")) / APP_NAME


def main() -> int:
    try:
        written = synthesize(build, output_dir())
    except (ValueError, FileExistsError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    print(f"wrote {len(written)} manifests to {output_dir()}/")
    return 0


if __name__ == "__main__":
    sys.exit(main())
