"""HarborRegistry: every Harbor 2.15 component, written natively, wired by handles."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import fields
from urllib.parse import urlsplit

from cdk8s_plus_27 import k8s

from constructs import Construct

from ._components.connection_budget import harbor_sessions
from ._components.connections import DatabaseConnection, RedisConnection
from ._components.constants import DATABASE_BACKUP
from ._components.context import HarborContext, harbor_labels
from ._components.core import Core
from ._components.data_protection import DataProtection, check_data_protection, claim_labels
from ._components.database import Database
from ._components.endpoints import Endpoints
from ._components.entrypoint import Entrypoint
from ._components.exporter import Exporter
from ._components.health_model import core_health_problems
from ._components.jobservice import Jobservice
from ._components.monitoring import HarborMonitoring, claim_pattern
from ._components.network_policy import DATABASE, HarborNetworkPolicies, check_api_client, clients_of
from ._components.portal import Portal
from ._components.redis import Redis
from ._components.registry import Registry
from ._components.runtime_checks import runtime_contract_problems
from ._components.trivy import Trivy
from .backups import DatabaseBackup, LonghornVolumeBackups, UpgradeGuard
from .data_stores import CloudNativePgDatabase, ExternalDatabase, ExternalRedis, S3Storage
from .harbor_secrets import HarborSecrets
from .kit.checks.adapter import add_checks
from .kit.checks.reachability import unreachable_address_problems
from .kit.checks.routes import external_url_problems
from .kit.checks.scraping import unscrapable_target_problems
from .kit.checks.secrets import unconsumed_secret_problems, unproduced_secret_problems
from .kit.checks.tree import namespace_of
from .kit.checks.volumes import single_attach_problems
from .kit.cloudnative_pg import CloudNativePgCluster
from .kit.handles import KeyRef, SecretKeyRef, ServicePort, check_key_ref
from .kit.labels import selector_labels
from .kit.network import ClusterDns, GatewayPeer, InternetEgress
from .kit.routing import HasEntrypoint
from .kit.secret_rules import URL_SAFE, DeclaresSecretRules
from .kit.validation import check_dns_label, check_hostname, check_http_url, fail, present
from .settings import (
    HarborImages,
    HarborMetrics,
    HarborReplicas,
    HarborResources,
    HarborStorage,
    LogLevel,
    ProxySettings,
    TrivySettings,
)


class HarborRegistry(Construct, HasEntrypoint, DeclaresSecretRules):
    """Harbor: core, portal, registry + registryctl, jobservice, Trivy, PostgreSQL, Redis, nginx.

    Hand-outs: `entrypoint`, the Service port `<instance>:80` that routes must target (the nginx
    proxy that splits UI and API traffic; pointing a route at core breaks the UI and pushes),
    `hostname`, the host of the external URL, and `network_policies` (None when turned off); with
    `metrics`, `exporter` and `monitoring` (its ServiceMonitors, PrometheusRule and dashboard), None
    without.

    Network: every component gets a NetworkPolicy that allows only the paths Harbor needs (see
    _components/network_policy.py).

    Data stores (data_stores.py): by default Harbor runs its own PostgreSQL and Redis pods and keeps
    images on a volume; external stores replace the bundled pods, their Services, claims and policy
    paths.

    High availability (`replicas` above one): several pods of a component get a PodDisruptionBudget
    and a topology spread over nodes; a volume that several of them write must be ReadWriteMany
    (or, for images, an S3 bucket), which is checked; every registry replica reads the one synced
    registry HTTP secret.

    Checked at synth (kit/checks): a route to one of its Services other than the entry point, a
    route to the entry point whose hostnames miss the external URL's host, a Secret key a pod reads
    that no SecretProducer (a secret sync, a CloudNativePG Cluster) produces, a synced Secret of its
    syncs that no pod reads, and more (the catalog in kit/checks/__init__.py).

    Args:
        scope, id: where the construct sits in the app, as for any construct; the chart's namespace
            is Harbor's.
        external_url: the URL clients use, e.g. "https://harbor.example.com" (no path): Harbor builds
            redirects and token URLs from it, so a route must serve its host.
        secrets: the handles of Harbor's synced Secrets (`HarborSecrets.from_sync`).
        instance: the prefix of every object's name, `<instance>-core` (default "harbor"; a DNS
            label of at most 40 characters).
        storage: the volumes of each component (default HarborStorage()).
        replicas: the pods of each component (default HarborReplicas(): one each).
        resources: requests and limits of each container (default HarborResources()).
        trivy: the Trivy scanner's settings (default TrivySettings(); None: no scanner).
        log_level: the log level of the components that take one (default LogLevel.INFO).
        proxy: the outbound HTTP proxy of core, jobservice, registry and Trivy (default none).
        images: where the images come from and their tag (default HarborImages(): Harbor's own).
        pod_annotations: annotations of every pod, e.g. Reloader markers (default none).
        gateway_peer: where the Gateway's proxy runs, the only source allowed to reach the entry
            point (default None: the entry point's port is open to any source).
        cluster_dns: where the DNS pods are, which every pod asks (default ClusterDns()).
        internet_egress: what core, jobservice, registry and Trivy may reach outside the cluster
            (default InternetEgress(): ports 80 and 443 outside the private ranges; None: nothing).
        network_policies: write the NetworkPolicies (default True).
        database: None (default) runs Harbor's own PostgreSQL pod, whose password is
            `secrets.database_password`; an `ExternalDatabase` is any server by address; a
            `CloudNativePgDatabase` makes HarborRegistry create a CloudNativePG Cluster
            `<instance>-database` (`database_cluster`), whose operator-generated password core reads
            from the operator's Secret.
        redis: None (default) runs Harbor's own Redis pod; an `ExternalRedis` is any Redis or Valkey
            by address.
        image_storage: None (default) keeps images on the `storage.registry` volume; an `S3Storage`
            puts them in a bucket.
        ipv6: make the nginx of the portal and the entry point listen on IPv6 as well as IPv4
            (default True); False on nodes whose kernel has IPv6 turned off, where nginx cannot
            bind [::] and exits.
        ca_bundle: a key of a Secret or ConfigMap (e.g. one trust-manager writes) holding PEM
            certificates, added to the system CAs of core, jobservice, registry, registryctl and
            Trivy (_components/connections.py says how): for a proxy-cache upstream, an OIDC
            provider or an S3 endpoint signed by a private CA (default None: the images' CAs only).
        database_backup: a scheduled dump of Harbor's own database onto a claim or into a bucket,
            and the suspended Job that restores it (default None; backups.py, the README's runbooks).
        volume_backups: Longhorn RecurringJobs that snapshot or back up the registry's, the
            database's and jobservice's claims, and the claims' labels for them (default None).
        upgrade_guard: an Argo CD PreSync hook that refuses to change Harbor's version while the
            newest database backup is older than its limit (default None; needs database_backup or
            a CloudNativePgDatabase with a backup).
        metrics: Prometheus metrics of core, jobservice and the registry, the harbor-exporter,
            ServiceMonitors, alert rules and a Grafana dashboard (`HarborMetrics`; default None:
            none of them). Needs `network_policies`: only they keep other pods off the registry's
            metrics port, which also serves its debug pages.
    """

    # how the route checks (kit/checks/routes.py) word what a route past the entry point breaks
    application_name = "Harbor"
    handle_name = "harbor"
    entrypoint_role = " (the nginx proxy that sends the UI to the portal and /api/, /c/, /service/ and /v2/ to core)"
    internal_service_symptom = "the UI stays blank and pushes fail with 404"
    external_url_symptom = ("Harbor builds login redirects and token URLs from external_url, so clients would be "
                            "sent to a host the Gateway does not route to Harbor")

    def __init__(self, scope: Construct, id: str, *, external_url: str, secrets: HarborSecrets,
                 instance: str = "harbor",
                 storage: HarborStorage = HarborStorage(),
                 replicas: HarborReplicas = HarborReplicas(),
                 resources: HarborResources = HarborResources(),
                 trivy: TrivySettings | None = TrivySettings(),
                 log_level: LogLevel = LogLevel.INFO,
                 proxy: ProxySettings = ProxySettings(),
                 images: HarborImages = HarborImages(),
                 pod_annotations: Mapping[str, str] | None = None,
                 gateway_peer: GatewayPeer | None = None,
                 cluster_dns: ClusterDns = ClusterDns(),
                 internet_egress: InternetEgress | None = InternetEgress(),
                 network_policies: bool = True,
                 database: ExternalDatabase | CloudNativePgDatabase | None = None,
                 redis: ExternalRedis | None = None,
                 image_storage: S3Storage | None = None,
                 ipv6: bool = True,
                 ca_bundle: KeyRef | None = None,
                 database_backup: DatabaseBackup | None = None,
                 volume_backups: LonghornVolumeBackups | None = None,
                 upgrade_guard: UpgradeGuard | None = None,
                 metrics: HarborMetrics | None = None) -> None:
        check_http_url("HarborRegistry.external_url", external_url, allow_path=False)
        check_hostname("HarborRegistry.external_url host", urlsplit(external_url).hostname or "")
        # Names such as "<instance>-jobservice" must stay within 63 characters.
        check_dns_label("HarborRegistry.instance", instance)
        if len(instance) > 40:
            raise fail("HarborRegistry.instance", "at most 40 characters (component names append a suffix)",
                       instance)
        typed = {"secrets": (secrets, HarborSecrets), "storage": (storage, HarborStorage),
                 "replicas": (replicas, HarborReplicas), "resources": (resources, HarborResources),
                 "proxy": (proxy, ProxySettings), "images": (images, HarborImages)}
        for field_name, (value, kind) in typed.items():
            if not isinstance(value, kind):
                raise fail(f"HarborRegistry.{field_name}", f"a {kind.__name__}", value)
        if trivy is not None and not isinstance(trivy, TrivySettings):
            raise fail("HarborRegistry.trivy", "a TrivySettings or None (scanning off)", trivy)
        if not isinstance(log_level, LogLevel):
            raise fail("HarborRegistry.log_level", f"one of {[level.value for level in LogLevel]}", log_level)
        optional = {"gateway_peer": (gateway_peer, GatewayPeer), "internet_egress": (internet_egress, InternetEgress)}
        for field_name, (value, kind) in optional.items():
            if value is not None and not isinstance(value, kind):
                raise fail(f"HarborRegistry.{field_name}", f"a {kind.__name__} or None", value)
        if not isinstance(cluster_dns, ClusterDns):
            raise fail("HarborRegistry.cluster_dns", "a ClusterDns", cluster_dns)
        if not isinstance(network_policies, bool):
            raise fail("HarborRegistry.network_policies", "True or False", network_policies)
        if not isinstance(ipv6, bool):
            raise fail("HarborRegistry.ipv6", "True or False", ipv6)
        stores = {"database": (database, (ExternalDatabase, CloudNativePgDatabase)), "redis": (redis, (ExternalRedis,)),
                  "image_storage": (image_storage, (S3Storage,))}
        for field_name, (value, kinds) in stores.items():
            if value is not None and not isinstance(value, kinds):
                names = " or ".join(k.__name__ for k in kinds)
                raise fail(f"HarborRegistry.{field_name}", f"{names}, or None (Harbor's own)", value)
        if ca_bundle is not None:
            check_key_ref("HarborRegistry.ca_bundle", ca_bundle)
        if metrics is not None and not isinstance(metrics, HarborMetrics):
            raise fail("HarborRegistry.metrics", "a HarborMetrics or None (no metrics)", metrics)
        if metrics is not None and not network_policies:
            # the registry's metrics port is its debug listener: pprof, and /debug/vars with the
            # registry's Redis password (_components/registry.py `debug_listener`)
            raise fail("HarborRegistry.metrics", "None when network_policies=False: the registry serves metrics only "
                       "on its debug listener, which also answers pprof and /debug/vars (its Redis password "
                       "included), and only the NetworkPolicies keep every pod but Prometheus off it", metrics)
        if database is None and secrets.database_password is None:
            raise fail("HarborSecrets.database_password",
                       "a SecretKeyRef when HarborRegistry runs its own database (database=None): declare it with "
                       "harbor_synced_secrets(..., database_password=True)", secrets.database_password)
        if isinstance(database, CloudNativePgDatabase | ExternalDatabase) and database.max_connections is not None:
            # every core and jobservice pod may open max_open_connections, surge pods of a rolling update
            # included (_components/connection_budget.py): more than PostgreSQL accepts fails logins with
            # "too many clients already" under load, long after the synth
            sessions = harbor_sessions(replicas, storage, exporter=metrics is not None)
            needed = sessions.needed(database.max_open_connections) + database.reserved_connections()
            if needed > database.max_connections:
                raise fail(f"{type(database).__name__}.max_connections",
                           f"at least {needed} for {sessions.pooled_pods} core and jobservice pods during a rolling "
                           f"update opening up to max_open_connections={database.max_open_connections} each, their "
                           "migrator and exporter sessions, plus the connections the server keeps back (or lower "
                           "max_open_connections)", database.max_connections)
        check_data_protection(instance=instance, storage=storage, database=database, image_storage=image_storage,
                              database_backup=database_backup, volume_backups=volume_backups,
                              upgrade_guard=upgrade_guard)
        super().__init__(scope, id)

        endpoints = Endpoints.for_instance(instance)
        # the database first: a CloudNativePG Cluster hands out the handles core connects with
        self.database_cluster: CloudNativePgCluster | None = None
        if isinstance(database, CloudNativePgDatabase):
            self.database_cluster = CloudNativePgCluster(
                self, "database", name=f"{instance}-database", settings=database,
                labels=harbor_labels(instance, "database", images), resources=resources.database,
                clients=[selector_labels(harbor_labels(instance, c, images))
                         for c in clients_of(DATABASE, exporter=metrics is not None) if c != DATABASE_BACKUP],
                dns=cluster_dns, network_policy=network_policies)
        self._context = HarborContext(
            instance=instance, external_url=external_url.rstrip("/"), secrets=secrets,
            endpoints=endpoints, images=images, storage=storage, replicas=replicas,
            resources=resources, trivy=trivy, log_level=log_level, proxy=proxy,
            pod_annotations=dict(pod_annotations or {}),
            database_connection=self._database_connection(database),
            redis_connection=self._redis_connection(redis),
            image_storage=image_storage, ipv6=ipv6, ca_bundle=ca_bundle, metrics=metrics,
            database_backup=database_backup, claim_labels=claim_labels(volume_backups),
        )
        ctx = self._context
        # the construct that runs the database (None for an external server) and Redis (None likewise)
        self.database: Database | CloudNativePgCluster | None = (
            Database(self, "database", ctx) if ctx.database.bundled else self.database_cluster)
        self.redis = Redis(self, "redis", ctx) if ctx.redis.bundled else None
        self.core = Core(self, "core", ctx)
        self.portal = Portal(self, "portal", ctx)
        self.registry = Registry(self, "registry", ctx)
        self.jobservice = Jobservice(self, "jobservice", ctx)
        self.trivy = Trivy(self, "trivy", ctx, trivy) if trivy is not None else None
        self.nginx = Entrypoint(self, "entrypoint", ctx)
        self.network_policies = HarborNetworkPolicies(
            self, "network-policies", ctx, gateway=gateway_peer, dns=cluster_dns, internet=internet_egress,
        ) if network_policies else None
        # backups: database_backup, recurring_jobs (Longhorn) and upgrade_guard, each None when not asked for
        self.data_protection = DataProtection(self, "data-protection", ctx, volume_backups=volume_backups,
                                              upgrade_guard=upgrade_guard, database_cluster=self.database_cluster,
                                              dns=cluster_dns, network_policies=network_policies)
        # HarborMetrics: the exporter, and what Prometheus and Grafana read (_components/monitoring.py)
        self.exporter = Exporter(self, "exporter", ctx) if metrics is not None else None
        self.monitoring = HarborMonitoring(self, "monitoring", ctx, metrics, namespace=self._namespace(),
                                           claims=self._claim_patterns()) if metrics is not None else None

        add_checks(self,
                   (external_url_problems, self),
                   (unproduced_secret_problems, self, "HarborRegistry.secrets"),
                   (unconsumed_secret_problems, self),
                   (single_attach_problems, self),
                   (unreachable_address_problems, self),
                   (core_health_problems, self.core.deployment),
                   (runtime_contract_problems, self))
        if metrics is not None:
            add_checks(self, (unscrapable_target_problems, self, metrics.monitoring))

    def _database_connection(self, database: ExternalDatabase | CloudNativePgDatabase | None
                             ) -> DatabaseConnection | None:
        """How core and jobservice connect; None for Harbor's own database (HarborContext resolves it)."""
        if isinstance(database, ExternalDatabase):
            # ExternalDatabase refuses None; its field defaults to None only to name itself in that error
            password = present(database.password, "ExternalDatabase.password")
            return DatabaseConnection(
                host=database.host, port=database.port, database=database.database, user=database.user,
                ssl_mode=database.ssl_mode, password=password, ca_certificate=database.ca_certificate,
                max_idle_connections=database.max_idle_connections,
                max_open_connections=database.max_open_connections, peer=database.peer)
        cluster = self.database_cluster
        if cluster is not None and isinstance(database, CloudNativePgDatabase):
            return DatabaseConnection(
                host=cluster.service.host, port=cluster.service.port, database=cluster.database, user=cluster.owner,
                ssl_mode=database.ssl_mode, password=cluster.password,
                # the operator's CA signed the server certificate, which names <cluster>-rw
                ca_certificate=cluster.ca_certificate if database.ssl_mode.verifies else None,
                max_idle_connections=database.max_idle_connections,
                max_open_connections=database.max_open_connections, peer=cluster.peer)
        return None

    def _namespace(self) -> str:
        namespace = namespace_of(self)
        if not namespace:
            raise fail("HarborRegistry.metrics", "used in a chart with a namespace (AppChart): the alert rules "
                       "select Harbor's series by it", namespace)
        return namespace

    def _claim_patterns(self) -> tuple[str, ...]:
        """Every claim this Harbor creates or mounts, as RE2 patterns: by the names Kubernetes gives them,
        and for a CloudNativePG Cluster the operator's `<cluster>-<serial>`."""
        names = [self.registry.claim_name, self.jobservice.claim_name,
                 *(self.database.claim_names if isinstance(self.database, Database) else ()),
                 *(self.redis.claim_names if self.redis is not None else ()),
                 *(self.trivy.claim_names if self.trivy is not None else ())]
        patterns = [claim_pattern(name) for name in names if name]
        if self.database_cluster is not None:
            patterns.append(f"{claim_pattern(self.database_cluster.name)}-[0-9]+")
        return tuple(patterns)

    @staticmethod
    def _redis_connection(redis: ExternalRedis | None) -> RedisConnection | None:
        if redis is None:
            return None
        return RedisConnection(host=redis.host, port=redis.port, databases=redis.databases, password=redis.password,
                               username=redis.username, tls=redis.tls, peer=redis.peer)

    def allow_api_client(self, id: str, *, name: str,
                         pod_labels: Mapping[str, str]) -> tuple[k8s.KubeNetworkPolicy, ...]:
        """Let pods of Harbor's namespace labelled `pod_labels` reach core's API and DNS, nothing else.

        For the configuration Job and any other in-namespace API client; `name` names the policies
        (`<instance>-<name>`, `<instance>-core-from-<name>`). Without network policies, nothing to do.
        """
        check_api_client(name, pod_labels)
        if self.network_policies is None:
            return ()
        return self.network_policies.allow_api_client(id, name=name, pod_labels=pod_labels)

    @property
    def internal_services(self) -> tuple[ServicePort, ...]:
        """Every Service port of this Harbor that only Harbor itself calls (all but the entry point)."""
        endpoints = self._context.endpoints
        own = tuple(getattr(endpoints, f.name) for f in fields(endpoints) if f.name != "entrypoint")
        return own + ((self.database_cluster.service,) if self.database_cluster is not None else ())

    @property
    def secret_value_rules(self) -> dict[SecretKeyRef, str]:
        """What OpenBao's values must look like for this Harbor (printed by openbao-setup)."""
        rules = {}
        redis = self._context.redis
        for ref in (redis.username, redis.password):
            if ref is not None:
                # core, jobservice and Trivy take them inside redis:// URLs, spliced in as they are
                # (see _components/connections.RedisConnection): any other character breaks the URL
                rules[ref] = f"{URL_SAFE}: Harbor's components read it inside redis:// URLs"
        return rules

    @property
    def entrypoint(self) -> ServicePort:
        return self._context.endpoints.entrypoint

    @property
    def external_url(self) -> str:
        return self._context.external_url

    @property
    def hostname(self) -> str:
        return urlsplit(self._context.external_url).hostname or ""
