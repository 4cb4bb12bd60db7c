"""The README and docs/design.md against the code: what they show runs, what they name exists.

- Every ```python block of the README parses. A block with no free name (everything it uses it
  imports or defines) is a complete program and runs in a fresh process, in a scratch folder. Every
  other block is a fragment of a site: its imports must import, each CapWords name it uses must be a
  public name of the library, and each keyword it passes to a call of a public name must be a
  parameter of that callable.
- Every repository path and module the two documents name in backticks exists (`constructs/...`,
  `tests/test_*.py`, `constructs.harbor.kit.checks`, ...).
- The README's Layout block matches the tree: each entry exists, and every top-level entry, every
  package of the library and every folder of dist/ is listed.
- The README's Public API section lists, package by package, exactly the names of the four `__all__`.
- docs/design.md has every section that a comment of the code cites as `docs/design.md, "<title>"`.
"""

from __future__ import annotations

import ast
import builtins
import importlib
import importlib.util
import inspect
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import REPO

README = REPO / "README.md"
DESIGN = REPO / "docs" / "design.md"
PACKAGES = ("constructs.harbor", "constructs.harbor.kit", "constructs.harbor.configuration",
            "constructs.harbor.kit.checks")
# sections of the design notes that comments of the code cite by title
CITED_TITLES = ("No secret material in dist/", "The admin password must really work", "One entry point")
FENCE = re.compile(r"^```(\w*)\n(.*?)^```", re.DOTALL | re.MULTILINE)
CITATION = re.compile(r'docs/design\.md, "([^"]+)"')
DOTTED_MODULE = re.compile(r"(constructs\.harbor|imports\.io)(\.[A-Za-z_]\w*)*")
FILE_SUFFIXES = (".py", ".toml", ".yaml", ".yml", ".md", ".json")
# file names too common to pin to one file of the tree
GENERIC_NAMES = {"__init__.py", "__main__.py"}
# a top-level file the Layout block need not list
UNLISTED = {".gitignore"}


def tree_files() -> list[str]:
    """Paths of the repository (tracked, or new and not ignored), relative to its root; [] outside git,
    where the tree's files cannot be told from ignored ones (the tests that need them skip)."""
    try:
        listed = subprocess.run(["git", "ls-files", "--cached", "--others", "--exclude-standard", "-z"],
                                cwd=REPO, capture_output=True, text=True, check=True).stdout
    except (OSError, subprocess.CalledProcessError):
        return []
    return sorted({path for path in listed.split("\0") if path and (REPO / path).exists()})


FILES = tree_files()
TOP_LEVEL = {path.split("/")[0] for path in FILES}
# folders of the library that the documents name from inside it (`kit/checks/`, `_components/`)
LIBRARY_FOLDERS = {part for path in FILES if path.startswith("constructs/harbor/")
                   for part in path.split("/")[2:-1]}


def code_blocks(text: str, language: str) -> list[tuple[int, str]]:
    """(line number, code) of every fenced block in `language`."""
    return [(text[:m.start()].count("\n") + 1, m.group(2)) for m in FENCE.finditer(text) if m.group(1) == language]


def prose(text: str) -> str:
    """The text without its fenced blocks."""
    return FENCE.sub("", text)


def section(text: str, title: str) -> str:
    """The body of the `## <title>` section, up to the next level-2 heading."""
    match = re.search(rf"^## {re.escape(title)}\n(.*?)(?=^## |\Z)", text, re.DOTALL | re.MULTILINE)
    assert match, f"README.md has no section '## {title}'"
    return match.group(1)


def readme_blocks() -> list[tuple[int, str]]:
    return code_blocks(README.read_text(), "python")


# ---- the Python samples -----------------------------------------------------------------------

def free_names(tree: ast.AST) -> set[str]:
    """Names a block loads that it neither binds nor gets from builtins (scopes are not told apart)."""
    loaded, bound = set(), set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Name):
            (loaded if isinstance(node.ctx, ast.Load) else bound).add(node.id)
        elif isinstance(node, (ast.Import, ast.ImportFrom)):
            bound.update((alias.asname or alias.name).split(".")[0] for alias in node.names)
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            bound.add(node.name)
        elif isinstance(node, ast.arg):
            bound.add(node.arg)
        elif isinstance(node, ast.ExceptHandler) and node.name:
            bound.add(node.name)
    return loaded - bound - set(dir(builtins))


def public_names() -> dict[str, object]:
    names: dict[str, object] = {}
    for package in PACKAGES:
        module = importlib.import_module(package)
        for name in module.__all__:
            names[name] = getattr(module, name)
    return names


def block_id(block: tuple[int, str]) -> str:
    return f"README.md:{block[0]}"


@pytest.mark.parametrize("block", readme_blocks(), ids=block_id)
def test_python_samples_parse(block: tuple[int, str]) -> None:
    ast.parse(block[1])


@pytest.mark.parametrize("block", readme_blocks(), ids=block_id)
def test_python_samples_use_the_public_api(block: tuple[int, str]) -> None:
    line, code = block
    tree = ast.parse(code)
    namespace: dict[str, object] = {}
    imports = [node for node in tree.body if isinstance(node, (ast.Import, ast.ImportFrom))]
    # the import-check: what the sample imports, imported here (the session already runs the bundled Node)
    exec(compile(ast.Module(body=imports, type_ignores=[]), f"README.md:{line}", "exec"), namespace)
    public = public_names()
    known = {**public, **{k: v for k, v in namespace.items() if not k.startswith("__")}}
    unknown = sorted(name for name in free_names(tree)
                     if re.fullmatch(r"[A-Z][a-z]\w*", name) and name not in known)
    assert not unknown, f"README.md:{line} uses {unknown}, which no package of the library exports"

    def resolve(node: ast.expr) -> object | None:
        if isinstance(node, ast.Name):
            return known.get(node.id)
        if isinstance(node, ast.Attribute):
            base = resolve(node.value)
            return getattr(base, node.attr, None) if base is not None else None
        return None

    for call in (node for node in ast.walk(tree) if isinstance(node, ast.Call)):
        target = resolve(call.func)
        if target is None or not callable(target):
            continue
        try:
            parameters = inspect.signature(target).parameters
        except (TypeError, ValueError):
            continue
        if any(p.kind is inspect.Parameter.VAR_KEYWORD for p in parameters.values()):
            continue
        wrong = [k.arg for k in call.keywords if k.arg is not None and k.arg not in parameters]
        assert not wrong, (f"README.md:{line + call.lineno}: {ast.unparse(call.func)} takes no parameter "
                           f"{wrong}; it takes {sorted(parameters)}")


def test_the_readme_holds_a_complete_program() -> None:
    # the reuse example must stay runnable as it is printed, not drift into a fragment
    programs = [block for block in readme_blocks() if not free_names(ast.parse(block[1]))]
    assert programs, "README.md has no complete Python program"


@pytest.mark.parametrize("block", [b for b in readme_blocks() if not free_names(ast.parse(b[1]))], ids=block_id)
def test_complete_programs_run(block: tuple[int, str], tmp_path: Path) -> None:
    line, code = block
    script = tmp_path / "sample.py"
    script.write_text(code)
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(REPO), os.environ.get("PYTHONPATH")]))}
    env.pop("CDK8S_OUTDIR", None)
    result = subprocess.run([sys.executable, str(script)], cwd=tmp_path, env=env, capture_output=True, text=True,
                            timeout=300)
    assert result.returncode == 0, f"README.md:{line} failed:\n{result.stdout[-2000:]}\n{result.stderr[-3000:]}"
    written = sorted(tmp_path.rglob("*.k8s.yaml"))
    if "synthesize(" in code:
        assert written, f"README.md:{line} synthesized nothing"


# ---- paths and modules ------------------------------------------------------------------------

def named_paths(text: str) -> set[str]:
    """Repository paths and library modules named in backticks in the prose of `text`."""
    found = set()
    for span in re.findall(r"`([^`\n]+)`", prose(text)):
        for token in span.split():
            token = token.strip(",;:()'\"")
            if not token or "://" in token or "<" in token or token.startswith(("/", "..", "-", "$")):
                continue
            if token.startswith(".") and token.split("/")[0] not in TOP_LEVEL:
                continue   # an ignored folder such as .cache/ or .venv/
            if DOTTED_MODULE.fullmatch(token):
                found.add(token)
            elif "/" in token and (token.split("/")[0] in TOP_LEVEL | LIBRARY_FOLDERS or token.endswith(".py")):
                found.add(token)
            elif "/" not in token and token.endswith(FILE_SUFFIXES) and token not in GENERIC_NAMES:
                found.add(token)
    return found


def path_problem(name: str) -> str | None:
    """Why `name` (as named by a document) is not in the tree, or None."""
    if DOTTED_MODULE.fullmatch(name):
        return None if importlib.util.find_spec(name) is not None else "no such module"
    if "/" in name and name.split("/")[0] in TOP_LEVEL:
        pattern = re.escape(name.rstrip("/")).replace(r"\*", "[^/]*")
        hit = any(re.fullmatch(pattern + "(/.*)?", path) for path in FILES)
        return None if hit else "no such path"
    if name in FILES:
        return None
    if name.endswith("/"):   # a folder named from inside the library, such as `kit/checks/`
        return None if any(("/" + path).count("/" + name) for path in FILES) else "no such folder"
    matches = [path for path in FILES if path.endswith("/" + name)]
    if len(matches) == 1:
        return None
    return f"matches {matches}" if matches else "no such file"


@pytest.mark.skipif(not FILES, reason="not a git checkout")
@pytest.mark.parametrize("document", [README, DESIGN], ids=lambda p: p.name)
def test_named_paths_and_modules_exist(document: Path) -> None:
    problems = {name: why for name in sorted(named_paths(document.read_text()))
                if (why := path_problem(name)) is not None}
    assert problems == {}, f"{document.name} names what the tree does not have"


def test_the_path_finder_finds_what_it_must() -> None:
    text = ("`constructs/harbor/kit/checks/` `tests/test_configuration_*.py` `constructs.harbor.kit` "
            "`make/photon/*/Dockerfile*` `secret/data/harbor` `http://x/y` `kit/checks/routes.py` `bundled_node.py`")
    found = named_paths(text)
    assert found >= {"constructs/harbor/kit/checks/", "tests/test_configuration_*.py", "constructs.harbor.kit",
                     "kit/checks/routes.py", "bundled_node.py"}
    assert not found & {"make/photon/*/Dockerfile*", "secret/data/harbor", "http://x/y"}
    if FILES:
        assert path_problem("constructs/harbor/components/base.py") == "no such path"
        assert path_problem("constructs.harbor.checks") == "no such module"
        assert path_problem("kit/checks/routes.py") is None


# ---- the Layout block -------------------------------------------------------------------------

def layout_entries() -> list[str]:
    """The Layout block's entries as paths from the root (indentation: two spaces per folder level)."""
    text = section(README.read_text(), "Layout")
    (_, block), *_ = code_blocks(text, "")
    entries, parents = [], []
    for line in block.splitlines():
        if not line.strip():
            continue
        depth = (len(line) - len(line.lstrip(" "))) // 2
        name = line.split()[0]
        parents = parents[:depth]
        entries.append("".join(parents) + name)
        if name.endswith("/"):
            parents.append(name)
    return entries


@pytest.mark.skipif(not FILES, reason="not a git checkout")
def test_layout_entries_exist() -> None:
    ignored = (REPO / ".gitignore").read_text().split()
    missing = [entry for entry in layout_entries()
               if path_problem(entry) is not None and entry not in ignored]
    assert missing == [], "the Layout block lists what the tree does not have"


@pytest.mark.skipif(not FILES, reason="not a git checkout")
def test_layout_lists_the_whole_tree() -> None:
    entries = layout_entries()
    block_text = " ".join(entries) + " " + section(README.read_text(), "Layout")
    top = sorted(name for name in TOP_LEVEL - UNLISTED
                 if not re.search(rf"(?<![\w.-]){re.escape(name)}\b", block_text))
    assert top == [], "top-level entries of the tree that the Layout block leaves out"
    packages = sorted({str(Path(path).parent) + "/" for path in FILES
                       if path.startswith("constructs/harbor/") and path.endswith("/__init__.py")})
    assert sorted(set(packages) - set(entries)) == [], "packages of the library the Layout block leaves out"
    apps = sorted({"/".join(path.split("/")[:2]) + "/" for path in FILES if path.startswith("dist/")})
    assert sorted(set(apps) - set(entries)) == [], "folders of dist/ the Layout block leaves out"


# ---- the Public API section -------------------------------------------------------------------

def public_api_listing() -> dict[str, list[str]]:
    """Package -> the names its subsection lists, from `### `<package>`` and `- `Name`: ...` lines."""
    listing: dict[str, list[str]] = {}
    package = None
    for line in section(README.read_text(), "Public API").splitlines():
        heading = re.fullmatch(r"### `([\w.]+)`", line.strip())
        if heading:
            package = heading.group(1)
            listing[package] = []
            continue
        item = re.match(r"- `(\w+)`: (.+)", line)
        if item:
            assert package is not None, f"Public API lists {item.group(1)} before any package heading"
            assert len(item.group(2).split()) >= 3, f"Public API: {item.group(1)} needs a description"
            listing[package].append(item.group(1))
    return listing


def test_public_api_lists_every_package() -> None:
    assert sorted(public_api_listing()) == sorted(PACKAGES)


@pytest.mark.parametrize("package", PACKAGES)
def test_public_api_lists_exactly_the_exports(package: str) -> None:
    listed = public_api_listing().get(package, [])
    exported = importlib.import_module(package).__all__
    assert len(listed) == len(set(listed)), f"{package}: a name listed twice"
    assert sorted(set(exported) - set(listed)) == [], f"{package}: exported but not in README's Public API"
    assert sorted(set(listed) - set(exported)) == [], f"{package}: in README's Public API but not exported"


def test_public_api_states_the_layer_rule() -> None:
    assert "the kit never imports Harbor" in section(README.read_text(), "Public API")


# ---- docs/design.md ---------------------------------------------------------------------------

def design_titles() -> list[str]:
    return [m.group(1).strip() for m in re.finditer(r"^#{2,3} (.+)$", DESIGN.read_text(), re.MULTILINE)]


def test_design_has_the_sections_the_code_cites() -> None:
    cited = set(CITED_TITLES)
    for path in [*REPO.glob("constructs/**/*.py"), *REPO.glob("tests/*.py"), *REPO.glob("*.py")]:
        if path.name != "test_docs.py":
            cited.update(CITATION.findall(path.read_text()))
    assert sorted(cited - set(design_titles())) == [], "sections of docs/design.md that the code cites"


def test_the_readme_points_at_the_design_notes() -> None:
    assert "docs/design.md" in README.read_text()
