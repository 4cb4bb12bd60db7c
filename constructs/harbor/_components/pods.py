"""What every Harbor container and pod shares: the restricted security context, probes, resources."""

from __future__ import annotations

from cdk8s_plus_27 import k8s

from ..kit.resources import Resources
from ..kit.values import int_or_string, quantity


def resources(r: Resources) -> k8s.ResourceRequirements:
    q = quantity
    return k8s.ResourceRequirements(
        requests={"cpu": q(r.cpu_request), "memory": q(r.memory_request)},
        limits={"cpu": q(r.cpu_limit), "memory": q(r.memory_limit)},
    )


def container_security(*, read_only_root: bool = True) -> k8s.SecurityContext:
    """The restricted Pod Security Standard for one container."""
    return k8s.SecurityContext(
        allow_privilege_escalation=False,
        privileged=False,
        read_only_root_filesystem=read_only_root,
        run_as_non_root=True,
        capabilities=k8s.Capabilities(drop=["ALL"]),
        seccomp_profile=k8s.SeccompProfile(type="RuntimeDefault"),
    )


def pod_security(*, user: int, group: int | None = None, fs_group: int | None = None) -> k8s.PodSecurityContext:
    return k8s.PodSecurityContext(
        run_as_non_root=True,
        run_as_user=user,
        run_as_group=group if group is not None else user,
        fs_group=fs_group if fs_group is not None else user,
        fs_group_change_policy="OnRootMismatch",
        seccomp_profile=k8s.SeccompProfile(type="RuntimeDefault"),
    )


def http_probe(path: str, port: int | str, *, initial_delay: int = 0, period: int = 10, failure: int = 3,
               timeout: int = 1) -> k8s.Probe:
    target = int_or_string(port)
    return k8s.Probe(http_get=k8s.HttpGetAction(path=path, port=target, scheme="HTTP"),
                     initial_delay_seconds=initial_delay, period_seconds=period, failure_threshold=failure,
                     timeout_seconds=timeout, success_threshold=1)


def tcp_probe(port: int, *, initial_delay: int) -> k8s.Probe:
    """Healthy once `port` accepts a connection (every 10 s, 3 failures, 1 s each, as http_probe)."""
    return k8s.Probe(tcp_socket=k8s.TcpSocketAction(port=int_or_string(port)),
                     initial_delay_seconds=initial_delay, period_seconds=10, failure_threshold=3, timeout_seconds=1,
                     success_threshold=1)


def exec_probe(command: list[str], *, initial_delay: int) -> k8s.Probe:
    """Healthy while `command` exits 0 (every 10 s, 3 failures, 1 s each, as http_probe)."""
    return k8s.Probe(exec=k8s.ExecAction(command=command), initial_delay_seconds=initial_delay, period_seconds=10,
                     failure_threshold=3, timeout_seconds=1, success_threshold=1)
