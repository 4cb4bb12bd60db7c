"""The image runtime contracts as a synth-time check of the misconfiguration catalog.

Symptom, and what catches it (_components/runtime_contracts.py has the facts, with their sources):
- a pod that crash-loops at once, an entrypoint script writing into a read-only root (Trivy ran
  /home/scanner/entrypoint.sh, whose install_cert.sh copies into /home/scanner and /etc/pki):
  (a) a container of a Harbor image that sets no `command` runs the image's entrypoint, whose
  writes must land on writable volumes; a `command` must name a program the image has, and so
  must every exec probe and lifecycle hook (a probe that can never pass, a preStop that never runs);
- "read-only file system" or lost data at a restart: (b) every path the binary writes is under a
  writable mount (emptyDir or claim, not readOnly), and what must persist under a claim;
- "permission denied" on the image's own files: (c) the container runs as the image's user;
- a setting that looks configured and does nothing (core's PORT, jobservice's TOKEN_SERVICE_URL,
  registryctl's REGISTRY_HTTP_SECRET, the adapter's SCANNER_STORE_REDIS_URL): (d) every env var of
  the container is one its binary reads, or is listed with the reason it is set anyway;
- missing migrations or icons in core: (e) a binary that reads files relative to its working
  directory gets that directory explicitly.

HarborRegistry attaches `runtime_contract_problems` to itself; it reads the rendered manifests
(checks.manifests), so an escape hatch or a JSON patch applied afterwards is judged too.
"""

from __future__ import annotations

import functools
import posixpath
import re
from collections.abc import Mapping
from typing import Any

from constructs import Construct

from ..kit.checks.reachability import app_network
from ..kit.checks.tree import Manifest, manifests, root_of
from ..kit.yaml_text import load_yaml
from .runtime_contracts import ConfigFormat, ConfigValue, ImageContract, Write, contract_for

# where a container runs commands of its image besides its `command`
PROBES = ("startupProbe", "livenessProbe", "readinessProbe")
HOOKS = ("postStart", "preStop")


def runtime_contract_problems(scope: Construct) -> list[str]:
    """Every container of a Harbor image under `scope` that breaks its image's runtime contract."""
    config_maps = app_network(root_of(scope)).config_maps   # the reachability check's index, built once
    problems = []
    for m in manifests(scope):
        spec = m.pod_spec()
        if not spec:
            continue
        for container in [*(spec.get("initContainers") or []), *(spec.get("containers") or [])]:
            contract = contract_for(container.get("image", ""))
            if contract is not None:
                problems += _ContainerCheck(m, spec, container, contract, config_maps).problems()
    return problems


class _ContainerCheck:
    """One container against its image's contract; `problems` runs (a) to (e)."""

    def __init__(self, m: Manifest, spec: Mapping[str, Any], container: dict[str, Any], contract: ImageContract,
                 config_maps: Mapping[tuple[str | None, str], Mapping[str, str]]) -> None:
        self.m, self.spec, self.c, self.contract = m, spec, container, contract
        self.config_maps = config_maps
        self.volumes = {v["name"]: v for v in spec.get("volumes") or []}
        templates = ((m.obj.get("spec") or {}).get("volumeClaimTemplates") or []) if m.kind == "StatefulSet" else []
        self.claim_templates = {(t.get("metadata") or {}).get("name") for t in templates}
        security = container.get("securityContext") or {}
        self.read_only_root = bool(security.get("readOnlyRootFilesystem"))

    @property
    def where(self) -> str:
        # made when a message needs it: naming the construct path is two round trips to Node
        return f"{self.m} container {self.c.get('name')!r} (image {self.contract.repository})"

    def problems(self) -> list[str]:
        command = self.c.get("command")
        found = []
        if not command:
            found += self.entrypoint_problems()
            runs_program = True
        else:
            runs_program = command[0] == self.contract.program[0]
            if not runs_program and command[0] not in self.contract.other_programs:
                found.append(
                    f"{self.where} runs {command[0]!r}, which is not a program of the image (its entrypoint execs "
                    f"{list(self.contract.program)}, {self.contract.dockerfile}): the container fails to start; "
                    f"set `command` to {list(self.contract.program[:1])}")
        if runs_program:
            found += self.write_problems(self.contract.writes, "writes")
            found += self.working_dir_problems()
        found += self.exec_problems()
        found += self.user_problems()
        found += self.env_problems()
        return found

    def exec_problems(self) -> list[str]:
        """Probes and lifecycle hooks that run a program the image does not have: a probe that can never
        pass (the pod never turns ready, or is restarted for good), a hook that fails (preStop: the
        container gets SIGTERM without what the hook should have done first)."""
        known = (self.contract.program[0], *self.contract.other_programs)
        found = []
        hooks = self.c.get("lifecycle") or {}
        for what, handler in (*((probe, self.c.get(probe)) for probe in PROBES),
                              *((f"lifecycle.{hook}", hooks.get(hook)) for hook in HOOKS)):
            argv = ((handler or {}).get("exec") or {}).get("command") or []
            if argv and argv[0] not in known:
                found.append(f"{self.where}: {what} runs {argv[0]!r}, which is not a program of the image "
                             f"({self.contract.dockerfile}; it has {list(known)})")
        return found

    # (a) ---------------------------------------------------------------------------------------

    def entrypoint_problems(self) -> list[str]:
        entry = self.contract.entrypoint
        if not entry.writes:
            return []
        what = f"runs the image's entrypoint {list(entry.argv)} (no `command` is set), which {entry.does} ({entry.cite})"
        return self.write_problems(entry.writes, what, fix=f"set `command` to {list(self.contract.program[:1])}, "
                                                           "the binary the entrypoint would run")

    # (b) ---------------------------------------------------------------------------------------

    def write_problems(self, writes: tuple[Write, ...], what: str, fix: str = "") -> list[str]:
        found = []
        for write in writes:
            path, origin = self.resolve(write)
            if path is None:
                continue
            if origin.startswith("cannot"):
                found.append(f"{self.where}: {origin}; fix the mount of {write.config.file if write.config else path}")
                continue
            mount = self.mount_over(path)
            volume = self.volumes.get(mount["name"]) if mount else None
            kind = self.volume_kind(mount, volume)
            # the container's name (`where`, which reads the construct path) is added to a message only
            said = f"{what}: {path} ({write.why}; {write.cite}{origin})"
            if mount is None and self.read_only_root:
                found.append(f"{self.where} {said} is on the read-only root filesystem: the write fails; "
                             + (fix or f"add a volumeMount for {path} (an emptyDir, or a claim if it must persist)"))
            elif mount is None and write.persists:
                found.append(f"{self.where} {said} must persist but lands in the container's root filesystem, "
                             f"lost at every restart; add a volumeMount of a claim for {path}")
            elif mount is not None and mount.get("readOnly"):
                found.append(f"{self.where} {said} is under volumeMount {mount['mountPath']} (volume "
                             f"{mount['name']!r}), which is readOnly: the write fails; "
                             + (fix or "drop readOnly from that volumeMount"))
            elif mount is not None and kind not in ("claim", "scratch"):
                found.append(f"{self.where} {said} is under volumeMount {mount['mountPath']} of a {kind} volume "
                             f"{mount['name']!r}, which the container cannot write; "
                             + (fix or f"mount an emptyDir or a claim at {path}"))
            elif mount is not None and write.persists and kind != "claim":
                found.append(f"{self.where} {said} must persist but volume {mount['name']!r} at "
                             f"{mount['mountPath']} is an emptyDir, emptied when the pod goes; mount a claim at {path}")
        return found

    def resolve(self, write: Write) -> tuple[str | None, str]:
        """The path this container writes for `write`, and where that came from (or why unknown)."""
        if write.env:
            value = self.env_values().get(write.env)
            if value:
                return posixpath.normpath(value), f"; from env {write.env}"
        if write.config:
            content = self.config_file(write.config.file)
            if content is None:
                return write.path, f"cannot read {write.config.file}, which decides where it writes, from a ConfigMap"
            value = _config_value(content, write.config)
            if value is None:
                return (None, "") if write.config.absent_means_unused else (write.path, "")
            return posixpath.normpath(value), f"; from {write.config.file}"
        return write.path, ""

    def mount_over(self, path: str) -> dict[str, Any] | None:
        """The volumeMount whose mountPath is `path` or the deepest folder above it."""
        best = None
        for mount in self.c.get("volumeMounts") or []:
            mount_path = posixpath.normpath(mount["mountPath"])
            if path == mount_path or path.startswith(mount_path.rstrip("/") + "/"):
                if best is None or len(mount_path) > len(posixpath.normpath(best["mountPath"])):
                    best = mount
        return best

    def volume_kind(self, mount: dict[str, Any] | None, volume: dict[str, Any] | None) -> str:
        if mount is None:
            return "root"
        if volume is None:
            return "claim" if mount["name"] in self.claim_templates else "missing"
        if "persistentVolumeClaim" in volume:
            return "claim"
        if "emptyDir" in volume or "ephemeral" in volume:
            return "scratch"
        kinds = [key for key in volume if key != "name"]
        return kinds[0] if kinds else "unknown"

    def config_file(self, path: str) -> str | None:
        """The content of the file at `path` in this container, when a ConfigMap volume provides it."""
        for mount in self.c.get("volumeMounts") or []:
            volume = self.volumes.get(mount["name"]) or {}
            source = volume.get("configMap")
            if not source:
                continue
            data = self.config_maps.get((self.m.namespace, source.get("name")), {})
            mount_path = posixpath.normpath(mount["mountPath"])
            if mount.get("subPath") and mount_path == path:
                items = {i["path"]: i["key"] for i in source.get("items") or []}
                return data.get(items.get(mount["subPath"], mount["subPath"]))
            if not mount.get("subPath") and posixpath.dirname(path) == mount_path:
                items = {i["path"]: i["key"] for i in source.get("items") or []}
                name = posixpath.basename(path)
                return data.get(items[name]) if items else data.get(name)
        return None

    # (c) ---------------------------------------------------------------------------------------

    def user_problems(self) -> list[str]:
        pod = self.spec.get("securityContext") or {}
        own = self.c.get("securityContext") or {}
        found = []
        for field, expected in (("runAsUser", self.contract.user), ("runAsGroup", self.contract.group)):
            value = own.get(field, pod.get(field))
            if value is None and field == "runAsGroup":
                continue        # the image's user's group applies
            if value != expected:
                found.append(f"{self.where} runs with securityContext.{field} {value}, not {expected}: "
                             f"{self.contract.user_why}; set securityContext.{field} to {expected}")
        return found

    # (d) ---------------------------------------------------------------------------------------

    def env_problems(self) -> list[str]:
        found = []
        for name, origin in self.env_names():
            if name is None:
                found.append(f"{self.where} takes every key of {origin} as env: its variables cannot be checked "
                             "against what the binary reads; list them under `env` instead")
            elif not self.contract.reads_env(name):
                found.append(f"{self.where} sets env {name} ({origin}), which {self.contract.repository}'s binary "
                             f"does not read (runtime_contracts.{_table_name(self.contract)}): it changes nothing; "
                             "remove it, or list it there with the reason it is set")
        return found

    def env_names(self) -> list[tuple[str | None, str]]:
        names: list[tuple[str | None, str]] = [(e["name"], "env") for e in self.c.get("env") or []]
        for source in self.c.get("envFrom") or []:
            prefix = source.get("prefix", "")
            if source.get("configMapRef"):
                ref = source["configMapRef"]["name"]
                data = self.config_maps.get((self.m.namespace, ref))
                if data is None:
                    names.append((None, f"ConfigMap {ref!r}, which this app does not define"))
                    continue
                names += [(prefix + key, f"envFrom ConfigMap {ref}") for key in data]
            elif source.get("secretRef"):
                names.append((None, f"Secret {source['secretRef']['name']!r}"))
        return names

    def env_values(self) -> dict[str, str]:
        values = {}
        for source in self.c.get("envFrom") or []:
            if source.get("configMapRef"):
                data = self.config_maps.get((self.m.namespace, source["configMapRef"]["name"])) or {}
                values.update({source.get("prefix", "") + k: v for k, v in data.items()})
        values.update({e["name"]: e["value"] for e in self.c.get("env") or [] if "value" in e})
        return values

    # (e) ---------------------------------------------------------------------------------------

    def working_dir_problems(self) -> list[str]:
        wanted = self.contract.working_dir
        if wanted is None or self.c.get("workingDir") == wanted:
            return []
        return [f"{self.where} has workingDir {self.c.get('workingDir')!r}, not {wanted!r}: "
                f"{self.contract.working_dir_why}; set workingDir to {wanted!r}"]


def _table_name(contract: ImageContract) -> str:
    from . import runtime_contracts

    for name, value in vars(runtime_contracts).items():
        if value is contract:
            return name
    return contract.repository


@functools.lru_cache(maxsize=32)
def _parsed_yaml(content: str) -> Any:
    """A config file's YAML, parsed once for all the values read from it (read, never changed)."""
    return load_yaml(content)


def _config_value(content: str, value: ConfigValue) -> str | None:
    """The value `value` names in a config file's content; None when the file does not set it."""
    if value.format is ConfigFormat.NGINX:
        (directive,) = value.key
        found = re.search(rf"^\s*{re.escape(str(directive))}\s+([^;\s]+)\s*;", content, re.MULTILINE)
        return found.group(1) if found else None
    node: Any = _parsed_yaml(content)
    for step in value.key:
        if isinstance(step, tuple):
            field, wanted = step
            matches = [item for item in node or [] if isinstance(item, dict) and item.get(field) == wanted]
            node = matches[0] if matches else None
        else:
            node = node.get(step) if isinstance(node, dict) else None
        if node is None:
            return None
    return str(node)
