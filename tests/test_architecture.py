"""The library's layers, read from its source: the kit knows no Harbor, and no module imports in a circle.

Every `import` and `from ... import` of every module is parsed (at any depth, under TYPE_CHECKING
too, since a type-only import still ties two modules together for a reader and a type checker) and
resolved to a module of the library. The applier is a separate program shipped by the Job and is
checked by its own test (standard library only).
"""

from __future__ import annotations

import ast
import importlib
from pathlib import Path

import pytest

LIBRARY = Path(__file__).resolve().parents[1] / "constructs" / "harbor"
ROOT = "constructs.harbor"
KIT = f"{ROOT}.kit"


def module_name(path: Path) -> str:
    parts = list(path.relative_to(LIBRARY.parent.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def library_modules() -> dict[str, Path]:
    return {module_name(path): path for path in sorted(LIBRARY.rglob("*.py")) if "applier" not in path.parts}


def imports_of(path: Path, known: set[str]) -> set[str]:
    """The library modules `path` imports, each resolved to the longest known module name."""
    own = module_name(path)
    package = own.split(".") if path.name == "__init__.py" else own.split(".")[:-1]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text())):
        targets: list[str] = []
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                prefix = package[: len(package) - (node.level - 1)]
                base = ".".join([*prefix, *([base] if base else [])])
            targets = [f"{base}.{alias.name}" for alias in node.names] + [base]
        for target in targets:
            parts = target.split(".")
            for end in range(len(parts), 0, -1):
                candidate = ".".join(parts[:end])
                if candidate in known:
                    if candidate != own:
                        found.add(candidate)
                    break
    return found


@pytest.fixture(scope="module")
def graph() -> dict[str, set[str]]:
    modules = library_modules()
    known = set(modules)
    return {name: imports_of(path, known) for name, path in modules.items()}


def test_the_kit_never_imports_harbor(graph: dict[str, set[str]]) -> None:
    leaks = {module: sorted(target for target in targets if not target.startswith(KIT))
             for module, targets in graph.items() if module.startswith(KIT)}
    assert {module: targets for module, targets in leaks.items() if targets} == {}


def test_the_parser_sees_a_leak() -> None:
    # the check above must be able to fail: a kit module importing Harbor's settings is found
    source = LIBRARY / "kit" / "app_chart.py"
    known = set(library_modules())
    assert f"{ROOT}.settings" not in imports_of(source, known)
    fake = source.with_name("leak_probe.py")
    try:
        fake.write_text("from ..settings import HarborStorage\nfrom constructs.harbor._components import pods\n")
        assert imports_of(fake, known) >= {f"{ROOT}.settings", f"{ROOT}._components.pods"}
    finally:
        fake.unlink()


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components of more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []
    counter = 0

    def visit(node: str) -> None:
        nonlocal counter
        index[node] = low[node] = counter
        counter += 1
        stack.append(node)
        on_stack.add(node)
        for target in graph.get(node, ()):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def test_no_module_imports_in_a_circle(graph: dict[str, set[str]]) -> None:
    # a package's __init__ re-exports its modules; that is a layer above them, not a circle
    without_reexports = {module: {t for t in targets if not module.startswith(t + ".")}
                         for module, targets in graph.items()}
    assert cycles(without_reexports) == []


def test_the_cycle_finder_finds_one() -> None:
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]


@pytest.mark.parametrize("package", [ROOT, KIT, f"{ROOT}.configuration", f"{KIT}.checks"])
def test_public_names_resolve_and_none_is_private(package: str) -> None:
    module = importlib.import_module(package)
    names = module.__all__
    assert len(set(names)) == len(names)
    if package == ROOT:   # the lazy table and the list users read are the same names
        assert set(names) == set(module._EXPORTS)
    for name in names:
        assert not name.startswith("_"), name
        assert getattr(module, name) is not None, name


def test_internal_modules_are_private_by_name() -> None:
    # what a user imports is a package's __all__; the component builders and shipping details are not
    assert (LIBRARY / "_components").is_dir() and not (LIBRARY / "components").exists()
    assert (LIBRARY / "configuration" / "_shipping.py").is_file()
    assert not hasattr(importlib.import_module(f"{ROOT}.harbor_registry").HarborRegistry, "context")


REPO = LIBRARY.parent.parent
# every entry point that starts jsii: each must import bundled_node before cdk8s or constructs
ENTRY_POINTS = ["main.py", "examples/ha_site.py", "tests/conftest.py", "bench/synth_bench.py",
                "bench/instances_bench.py"]


def first_imports(source: str) -> list[str]:
    """Top-level modules in the order a file imports them, strings of embedded programs included."""
    names = []
    for line in source.splitlines():
        stripped = line.strip()
        for prefix in ("import ", "from "):
            if stripped.startswith(prefix):
                names.append(stripped[len(prefix):].split()[0].split(".")[0].rstrip(","))
    return names


@pytest.mark.parametrize("entry", ENTRY_POINTS)
def test_bundled_node_comes_before_jsii(entry: str) -> None:
    # jsii starts Node when cdk8s or constructs is imported and reads JSII_NODE then: an import sorter
    # that moves bundled_node below them silently runs the system's Node instead
    order = first_imports((REPO / entry).read_text())
    assert "bundled_node" in order, f"{entry} never imports bundled_node"
    jsii = [i for i, name in enumerate(order) if name in ("cdk8s", "constructs", "cdk8s_plus_27", "jsii")]
    assert jsii and order.index("bundled_node") < min(jsii), f"{entry}: {order}"


def test_the_session_runs_the_bundled_node() -> None:
    import os

    import bundled_node

    assert bundled_node.node_path() is not None and os.environ["JSII_NODE"] == str(bundled_node.node_path())
