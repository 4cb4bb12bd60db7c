"""The outside addresses a declaration makes Harbor core dial, and whether core's egress lets it.

The Job hands Harbor addresses that core itself connects to, long after the sync:
- every RegistryEndpoint.url: core pings it on create and update and pulls through it for its proxy
  caches (src/controller/registry/controller.go, src/controller/proxy);
- OidcAuthentication.endpoint: core fetches the provider's discovery document and exchanges codes
  for tokens (src/pkg/oidc/helper.go);
- LdapAuthentication.url: core binds and searches for every login (src/pkg/ldap/ldap.go);
- ConfigurationSettings.audit_log_forward_endpoint: core dials it over TCP as syslog, and refuses
  the setting when it cannot (src/controller/config/controller.go updateLogEndpoint,
  src/pkg/audit/forward.go).
A NetworkPolicy that refuses one of them fails nothing at deploy time: logins, pulls through a cache
or the audit setting time out later. `unreachable_upstream_problems` judges them at synthesis with
the app's policies (kit/network_model.py). A host name's address is unknown until it is resolved, so
it stands for some public address (`PUBLIC_ADDRESS`, outside every private range): the check finds a
port core may not use at all, or an IP literal it may not reach. A name that resolves to a private
address needs that range taken out of InternetEgress.excluded_cidrs (README); in-cluster Service
names of other namespaces are not judged (their pods are no workloads of this app).
"""

from __future__ import annotations

import ipaddress
from collections.abc import Iterator
from dataclasses import dataclass
from urllib.parse import urlsplit

from constructs import IConstruct

from ..kit.checks.reachability import DEFAULT_PORTS, app_network
from ..kit.checks.tree import root_of
from ..kit.network_model import IpEndpoint
from .access import LdapAuthentication, OidcAuthentication
from .model import HarborConfiguration

# ldap:// and ldaps:// as Harbor dials them when the URL names no port (src/pkg/ldap/ldap.go formatURL)
LDAP_PORTS = {"ldap": 389, "ldaps": 636}
# TEST-NET-1 (RFC 5737): an address in no private range, standing for a host name's public address
PUBLIC_ADDRESS = "192.0.2.1"


@dataclass(frozen=True)
class Upstream:
    """One address core dials, and the declaration's field that gives it."""

    field: str
    host: str
    port: int


def _from_url(field: str, url: str, default_ports: dict[str, int]) -> Upstream | None:
    parts = urlsplit(url)
    port = parts.port or default_ports.get(parts.scheme.lower())
    return Upstream(field, parts.hostname, port) if parts.hostname and port else None


def core_upstreams(configuration: HarborConfiguration) -> Iterator[Upstream]:
    """Every outside address the declaration makes core dial."""
    for endpoint in configuration.endpoints:
        if endpoint.url is not None and (found := _from_url(f"RegistryEndpoint {endpoint.name!r} url", endpoint.url,
                                                            DEFAULT_PORTS)):
            yield found
    login = configuration.authentication
    if isinstance(login, OidcAuthentication) and (found := _from_url("OidcAuthentication.endpoint", login.endpoint,
                                                                     DEFAULT_PORTS)):
        yield found
    if isinstance(login, LdapAuthentication) and (found := _from_url("LdapAuthentication.url", login.url,
                                                                     LDAP_PORTS)):
        yield found
    forward = configuration.settings.audit_log_forward_endpoint
    if forward is not None:
        host, _, port = forward.rpartition(":")
        yield Upstream("ConfigurationSettings.audit_log_forward_endpoint", host.strip("[]"), int(port))


def _in_cluster(host: str) -> bool:
    """A Service name: short, or under the cluster's `svc` domain."""
    return "." not in host or host.endswith(".svc") or ".svc." in host


def unreachable_upstream_problems(configuration: HarborConfiguration, core_deployment: IConstruct) -> list[str]:
    """One message per upstream of `configuration` that core's NetworkPolicies refuse."""
    network = app_network(root_of(core_deployment))
    core = network.workload_of(core_deployment)
    if core is None:
        return []
    problems = []
    for upstream in core_upstreams(configuration):
        if _in_cluster(upstream.host):
            continue
        try:
            ipaddress.ip_address(upstream.host)
            target, what = IpEndpoint(upstream.host, upstream.host), upstream.host
        except ValueError:
            target, what = IpEndpoint(upstream.host, PUBLIC_ADDRESS), f"any public address of {upstream.host}"
        if not network.model.allows(core.pod, target, upstream.port):
            problems.append(
                f"{upstream.field} makes Harbor core dial {upstream.host}:{upstream.port}, which core's NetworkPolicy "
                f"egress refuses for {what}: it times out at run time. Allow it: add port {upstream.port} to "
                "HarborRegistry(internet_egress=InternetEgress(ports=...)), take a private address's range out of "
                "InternetEgress.excluded_cidrs, or add a policy of your own")
    return problems
