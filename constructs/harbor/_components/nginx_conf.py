"""A small typed model of an nginx configuration, its renderer, and ways to look inside it.

Both nginx servers of Harbor (the entry point and the portal) build their `nginx.conf` from these
values instead of from pasted text: a config is a tree of `Directive`s and `Block`s, rendered
deterministically (same tree, same bytes), with every argument quoted and escaped the way nginx's
own tokenizer reads it back. Tests inspect the tree (`config.block("http").block("server")`)
rather than parsing text.

Quoting follows `ngx_conf_read_token`: an unquoted word ends at whitespace, ';', '{' or '}', a
word that starts with a quote runs to the matching quote, '#' at the start of a word opens a
comment, and in every word a backslash escapes '"', "'" and '\\' (and makes '\\t', '\\r', '\\n'
control characters). So an argument holding any of those characters, or an empty one, is written
in double quotes with '"' and '\\' escaped; everything else is written as is. nginx has no escape
for '$': variables in arguments are always expanded, which is what the configs here rely on.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import TypeVar, Union

from ..kit.validation import fail

INDENT = "    "
# directive names are lower-case identifiers in every nginx module
NAME = re.compile(r"[a-z_][a-z0-9_]*")
# characters that end, start or change an unquoted word for nginx's tokenizer
NEEDS_QUOTES = frozenset(" ;{}\"'\\#")
CONTROL_CHARACTERS = re.compile(r"[\x00-\x1f\x7f]")

# Where an unprivileged nginx keeps what it writes, so that the root filesystem can be read-only
# and only an emptyDir is writable: the pid file and the five temp paths (one per module that
# buffers to disk). nginx creates every configured temp path at start, and the compiled-in
# defaults (under /var) would fail on a read-only root, so all five are set.
SCRATCH_DIR = "/tmp"
TEMP_PATHS = ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
# where the goharbor nginx images read their main configuration
CONFIG_FILE = "/etc/nginx/nginx.conf"
CONFIG_KEY = "nginx.conf"


def _argument(owner: str, value: object) -> str:
    if isinstance(value, bool) or not isinstance(value, (str, int)):
        raise fail(f"{owner}.args", "strings or integers", value)
    text = str(value)
    if CONTROL_CHARACTERS.search(text):
        raise fail(f"{owner}.args", "arguments without control characters (newlines, tabs)", text)
    return text


def quote(argument: str) -> str:
    """One argument as nginx reads it back unchanged."""
    if argument and not any(c in NEEDS_QUOTES for c in argument):
        return argument
    return '"' + argument.replace("\\", "\\\\").replace('"', '\\"') + '"'


@dataclass(frozen=True)
class Directive:
    """A simple directive: `name arg1 arg2;`."""

    name: str
    args: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        if not isinstance(self.name, str) or not NAME.fullmatch(self.name):
            raise fail("Directive.name", "an nginx directive name (lower-case letters, digits and '_')", self.name)
        if isinstance(self.args, (str, int)):
            raise fail("Directive.args", "a tuple of arguments, not a single value", self.args)
        object.__setattr__(self, "args", tuple(_argument("Directive", a) for a in self.args))

    def render(self, depth: int = 0) -> list[str]:
        return [INDENT * depth + " ".join([self.name, *map(quote, self.args)]) + ";"]


Node = Union[Directive, "Block"]


class _Container:
    """Look-ups shared by a Block and the whole Config; each returns children in order."""

    children: tuple[Node, ...]

    def directives(self, name: str) -> tuple[Directive, ...]:
        return tuple(c for c in self.children if isinstance(c, Directive) and c.name == name)

    def directive(self, name: str) -> Directive:
        """The one directive `name` here; LookupError when there is none or several."""
        return _one(self.directives(name), f"directive {name!r}", self)

    def values(self, name: str) -> tuple[tuple[str, ...], ...]:
        """The arguments of every directive `name` here, e.g. all `proxy_set_header` pairs."""
        return tuple(d.args for d in self.directives(name))

    def value(self, name: str) -> tuple[str, ...]:
        return self.directive(name).args

    def blocks(self, name: str, *args: str) -> tuple[Block, ...]:
        """Child blocks `name`; with `args`, only those whose arguments are exactly these."""
        return tuple(c for c in self.children if isinstance(c, Block) and c.name == name
                     and (not args or c.args == tuple(args)))

    def block(self, name: str, *args: str) -> Block:
        """The one child block `name` (with exactly `args`, when given)."""
        return _one(self.blocks(name, *args), f"block {' '.join([name, *args])!r}", self)

    def walk(self) -> Iterator[tuple[tuple[Block, ...], Node]]:
        """Every node below, depth first, with the blocks that enclose it (outermost first)."""
        for child in self.children:
            yield (), child
            if isinstance(child, Block):
                for ancestors, node in child.walk():
                    yield (child, *ancestors), node

    def _check_children(self, owner: str) -> None:
        if isinstance(self.children, (Directive, Block)):
            raise fail(f"{owner}.children", "a tuple of Directive and Block, not a single node", self.children)
        children = tuple(self.children)
        for child in children:
            if not isinstance(child, (Directive, Block)):
                raise fail(f"{owner}.children", "Directive and Block values", child)
        object.__setattr__(self, "children", children)

    def _render_children(self, depth: int) -> list[str]:
        lines: list[str] = []
        for index, child in enumerate(self.children):
            if isinstance(child, Block) and index > 0:
                lines.append("")   # a blank line before each block, for people reading the ConfigMap
            lines.extend(child.render(depth))
        return lines


T = TypeVar("T", Directive, "Block")


def _one(found: tuple[T, ...], what: str, where: object) -> T:
    if len(found) != 1:
        label = f"{where.name} {' '.join(where.args)}".strip() if isinstance(where, Block) else "the config"
        raise LookupError(f"expected one {what} in {label}, found {len(found)}")
    return found[0]


@dataclass(frozen=True)
class Block(_Container):
    """A block directive: `name args { children }` (events, http, server, location, upstream...)."""

    name: str
    args: tuple[str, ...] = ()
    children: tuple[Node, ...] = ()

    def __post_init__(self) -> None:
        if not isinstance(self.name, str) or not NAME.fullmatch(self.name):
            raise fail("Block.name", "an nginx block name (lower-case letters, digits and '_')", self.name)
        if isinstance(self.args, (str, int)):
            raise fail("Block.args", "a tuple of arguments, not a single value", self.args)
        object.__setattr__(self, "args", tuple(_argument("Block", a) for a in self.args))
        self._check_children("Block")

    def render(self, depth: int = 0) -> list[str]:
        head = " ".join([self.name, *map(quote, self.args)])
        return [f"{INDENT * depth}{head} {{", *self._render_children(depth + 1), f"{INDENT * depth}}}"]


@dataclass(frozen=True)
class Config(_Container):
    """A whole nginx.conf: the directives and blocks of the main context."""

    children: tuple[Node, ...] = ()

    def __post_init__(self) -> None:
        self._check_children("Config")

    def render(self) -> str:
        return "\n".join(self._render_children(0)) + "\n"


def directive(name: str, *args: str | int) -> Directive:
    return Directive(name, tuple(_argument("Directive", a) for a in args))


def block(name: str, *args: str | int, children: Iterable[Node] = ()) -> Block:
    return Block(name, tuple(_argument("Block", a) for a in args), tuple(children))


def unprivileged_main(*, worker_connections: int, http: Iterable[Node]) -> Config:
    """The main context of an nginx that runs as a non-root user on a read-only root filesystem.

    Everything it writes goes to SCRATCH_DIR (an emptyDir in the pod); logs go to the container's
    stderr so that `kubectl logs` shows them.
    """
    return Config((
        directive("worker_processes", "auto"),
        directive("pid", f"{SCRATCH_DIR}/nginx.pid"),
        directive("error_log", "stderr"),
        block("events", children=[directive("worker_connections", worker_connections)]),
        block("http", children=[
            *(directive(f"{kind}_temp_path", f"{SCRATCH_DIR}/{kind}_temp") for kind in TEMP_PATHS),
            *http,
        ]),
    ))


def listen_all(port: int, *, ipv6: bool = True) -> tuple[Directive, ...]:
    """`listen` on every IPv4 address, and on every IPv6 address unless `ipv6` is False.

    nginx sets ipv6only on the second socket, so the two never clash. On a node whose kernel has IPv6
    turned off (ipv6.disable=1) binding [::] fails and nginx exits at start, hence the switch.
    """
    ipv4 = directive("listen", port)
    return (ipv4, directive("listen", f"[::]:{port}")) if ipv6 else (ipv4,)
