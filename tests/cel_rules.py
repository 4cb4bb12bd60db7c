"""The CRDs' own CEL rules (x-kubernetes-validations), evaluated on custom resources as the API server does.

Library: `common-expression-language` (PyPI, module `cel`: Python bindings of the Rust crate cel-rust).
Both candidates parse every rule of ../shared/crds; they differ where a rule could pass here and
fail at the API server (cel-go), and that decided it:
- cel-python 0.5.0 is lenient where cel-go is strict: `has(self.a.b)` on an object without `a` is
  false instead of an error, `true == 1` is true, `1 + 1u` is 2. Such silent passes cannot be
  detected from outside. It also rejects what cel-go accepts (`2 > 1.5`, `1.0 == 1`).
- common-expression-language 0.10.0 matches cel-go on all of these, compiles all rules in a few
  milliseconds and evaluates one in ~20 µs (cel-python: ~400 µs), lists the functions a program
  calls without running it (so an unimplemented extension function is found statically), and is
  released actively (16 releases, the latest in 2026). Its two known departures from cel-go are both
  kept from passing a rule silently:
  * `size()` of a string counts UTF-8 bytes, cel-go counts code points: a rule that calls `size` on
    a value holding a non-ASCII string is reported as unevaluated, never passed.
  * inside `all`/`exists`, an element whose predicate errors before a decisive one ends the macro
    with that error, where cel-go lets the decisive result absorb it: the rule then fails (an
    evaluation error), it never passes.
  * `matches` exists as a method only (`s.matches(re)`, the form these CRDs use); the function
    form fails at evaluation, so a rule using it fails rather than passes.
Its cost: the wheel pulls in its command line's dependencies (typer, rich, pydantic), test-only here.

What the API server does on create, done the same way here:
1. Structural defaulting before validation: every absent property with a `default` gets it (deep
   copy), recursively, also inside defaults just applied; nulls of non-nullable fields get their
   default or are pruned. Many Gateway API rules read such defaults (`group: ""`, `kind: Service`,
   a path match `PathPrefix /`).
2. A node's rules run only where the node exists in the object and is not null; `self` is the node's
   value as UnstructuredToVal converts it: object fields by the schema, their names escaped when they
   are CEL keywords or hold `.`, `-`, `/`, `__` (`namespace` -> `__namespace__`), map keys
   (additionalProperties) untouched, strings of format duration/date/date-time/byte as durations,
   timestamps and bytes, numbers as doubles, and at the resource root (and embedded resources) only
   apiVersion, kind, metadata.name and metadata.generateName. Rules of `allOf` entries run on the
   same node. x-kubernetes-list-type (map, set) only changes how such lists compare equal and
   concatenate, which matters for rules comparing with `oldSelf`, skipped here (3).
3. Transition rules (those that read `oldSelf`) run only on update: every object here is created,
   so they are skipped, and listed as skipped (`Evaluation.transitions`). A rule with
   `optionalOldSelf: true` runs on create too, with `oldSelf` an empty optional.
4. A rule that yields false gives the API server's field error: its `messageExpression`, else its
   `message`, else "failed rule: <rule>", at the node's path plus the rule's `fieldPath`, in the form
   of its `reason`; a rule that errors gives "<error> evaluating rule: <message or rule>".
5. Kubernetes' extension libraries: the functions in `EXTENSIONS` are implemented here (the strings
   library's `split` is the one these CRDs call). A rule that calls any other function outside CEL's
   standard set (a Kubernetes library such as url(), quantity(), ip(), lists' isSorted(), regex
   find()), or that does not compile, is never evaluated and never passed: `Crd.unevaluable` lists
   it, and `Evaluation.unevaluated` names each node where it should have run.
Not done: the cost budget (these CRDs' rules are bounded by their schemas' maxItems).
"""

from __future__ import annotations

import base64
import copy
import datetime
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

import cel
import yaml

# ---- the CEL environment -------------------------------------------------------------------------

# Operators and functions of CEL's standard definitions that the library implements natively; the
# names are those `cel.Program.functions()` reports (macros expand to comprehensions over these).
STANDARD_FUNCTIONS = frozenset({
    "!_", "-_", "_+_", "_-_", "_*_", "_/_", "_%_", "_==_", "_!=_", "_<_", "_<=_", "_>_", "_>=_",
    "_&&_", "_||_", "_?_:_", "_[_]", "@in", "@not_strictly_false",
    "size", "contains", "startsWith", "endsWith", "matches",
    "int", "uint", "double", "string", "bytes", "duration", "timestamp", "dyn", "type",
    "getFullYear", "getMonth", "getDate", "getDayOfMonth", "getDayOfWeek", "getDayOfYear",
    "getHours", "getMinutes", "getSeconds", "getMilliseconds",
    # the optional library (optional.of(x).hasValue() ...), which `optionalOldSelf` rules use; the
    # `.?field` and `[?key]` syntax does not parse here, so rules using it are reported
    "of", "none", "ofNonZeroValue", "hasValue", "value", "orValue", "or",
})


def _string(value: Any, function: str) -> str:
    if not isinstance(value, str):
        raise TypeError(f"no such overload: {function} on {type(value).__name__}")
    return value


def _split(value: Any, separator: Any, limit: Any = None) -> list[str]:
    """strings library: `s.split(sep)` is Go's strings.Split, `s.split(sep, n)` strings.SplitN."""
    text, separator = _string(value, "split"), _string(separator, "split")
    if limit is not None and (not isinstance(limit, int) or isinstance(limit, bool)):
        raise TypeError("no such overload: split limit must be an int")
    if limit == 0:
        return []
    if separator == "":  # Go splits after each character
        parts = list(text)
        if limit is not None and 0 < limit < len(parts):
            parts = [*parts[:limit - 1], "".join(parts[limit - 1:])]
        return parts
    return text.split(separator) if limit is None or limit < 0 else text.split(separator, limit - 1)


def _join(values: Any, separator: Any = "") -> str:
    """strings library: `list.join()` and `list.join(sep)`, for lists of strings only."""
    if not isinstance(values, list) or not all(isinstance(v, str) for v in values):
        raise TypeError("no such overload: join needs a list of strings")
    return _string(separator, "join").join(values)


def _lower_ascii(value: Any) -> str:
    """strings library: only ASCII letters change case, as in cel-go."""
    return "".join(chr(ord(c) + 32) if "A" <= c <= "Z" else c for c in _string(value, "lowerAscii"))


def _upper_ascii(value: Any) -> str:
    return "".join(chr(ord(c) - 32) if "a" <= c <= "z" else c for c in _string(value, "upperAscii"))


# Kubernetes' CEL extension functions implemented here (name -> Python function, callable as a
# method or as a function, as cel-go allows).
EXTENSIONS = {"split": _split, "join": _join, "lowerAscii": _lower_ascii, "upperAscii": _upper_ascii}

# Names CEL reserves (the API server's list): a property so named is reached as `__name__`.
CEL_RESERVED = frozenset({
    "true", "false", "null", "in", "as", "break", "const", "continue", "else", "for", "function", "if",
    "import", "let", "loop", "package", "namespace", "return", "var", "void", "while",
})
_ESCAPED = re.compile(r"__|[-./]")


def escape(name: str) -> str | None:
    """A property name as CEL sees it, or None if CEL cannot reach it (k8s.io/apiserver/pkg/cel.Escape)."""
    if not name or name[0] in "0123456789":
        return None
    if name in CEL_RESERVED:
        return f"__{name}__"
    if not re.fullmatch(r"[a-zA-Z0-9_./-]+", name):
        return None
    return _ESCAPED.sub(lambda m: {"__": "__underscores__", ".": "__dot__", "-": "__dash__",
                                   "/": "__slash__"}[m.group()], name)


# ---- rules and the schema tree that carries them --------------------------------------------------

ITEM, VALUE = "[*]", "[<key>]"   # steps of a schema path into list items and into map values


@dataclass(frozen=True, eq=False)
class Rule:
    """One entry of an x-kubernetes-validations list, compiled once."""

    crd: str                      # "HTTPRoute gateway.networking.k8s.io/v1"
    steps: tuple[str, ...]        # the schema node: property names, ITEM for list items, VALUE for map values
    index: int                    # position in that node's list
    rule: str
    message: str = ""
    message_expression: str = ""
    field_path: str = ""
    reason: str = ""
    optional_old_self: bool = False
    program: Any = field(default=None, repr=False)
    message_program: Any = field(default=None, repr=False)
    uses_old_self: bool = False
    calls_size: bool = False
    problem: str = ""             # why it cannot be evaluated: a compile error or functions not implemented

    @property
    def path(self) -> str:
        """The schema node as text: "spec.rules[*].matches[*].path", map values as "[<key>]"."""
        return "".join(s if s in (ITEM, VALUE) else f".{s}" for s in self.steps).lstrip(".")

    @property
    def transition(self) -> bool:
        """Needs an existing object: skipped on create (unless optionalOldSelf)."""
        return self.uses_old_self and not self.optional_old_self

    @property
    def text(self) -> str:
        """What the API server names the rule by: its message, else the rule."""
        return self.message.strip() or self.rule.strip()

    def __str__(self) -> str:
        return f"{self.crd} {self.path or '<root>'} #{self.index}: {self.text}"


def compile_rule(crd: str, steps: tuple[str, ...], index: int, spec: dict[str, Any]) -> Rule:
    fields = dict(crd=crd, steps=steps, index=index, rule=spec.get("rule", ""), message=spec.get("message") or "",
                  message_expression=spec.get("messageExpression") or "", field_path=spec.get("fieldPath") or "",
                  reason=spec.get("reason") or "", optional_old_self=bool(spec.get("optionalOldSelf")))
    try:
        program = cel.compile(fields["rule"])
        message_program = cel.compile(fields["message_expression"]) if fields["message_expression"] else None
    except Exception as error:
        return Rule(**fields, problem=f"does not compile: {error}")
    problems = _unsupported(program, fields["rule"])
    if message_program is not None:
        problems += [f"messageExpression {p}" for p in _unsupported(message_program, fields["message_expression"])]
    called = set(program.functions()) | set(message_program.functions() if message_program else ())
    return Rule(**fields, program=program, message_program=message_program,
                uses_old_self="oldSelf" in program.variables(), calls_size="size" in called,
                problem="; ".join(problems))


_MACRO_VARIABLE = re.compile(r"\.\s*(?:all|exists|exists_one|map|filter)\s*\(\s*([A-Za-z_][A-Za-z0-9_]*)\s*,")


def _unsupported(program: Any, source: str) -> list[str]:
    """What in a compiled expression this evaluator does not implement, read from the program.

    A namespaced function (`sets.contains`, `cel.bind`, `math.greatest`) reads as a method on an
    undeclared variable (`sets`) whose method name may be a standard one (`contains`), so names other
    than `self`, `oldSelf`, macro variables and the optional library's namespace count as well.
    """
    problems = []
    missing = sorted(set(program.functions()) - STANDARD_FUNCTIONS - set(EXTENSIONS))
    if missing:
        problems.append(f"calls functions not implemented here: {', '.join(missing)}")
    names = set(program.variables()) - {"self", "oldSelf", "optional"} - set(_MACRO_VARIABLE.findall(source))
    if names:
        problems.append(f"names neither self, oldSelf nor a macro variable: {', '.join(sorted(names))} "
                        "(a namespaced function or a two-variable comprehension)")
    return problems


@dataclass(eq=False)
class Node:
    """A schema node with rules at or below it; children without rules are left out."""

    schema: dict[str, Any]
    resource_root: bool
    rules: list[Rule]
    properties: dict[str, Node]
    items: Node | None
    values: Node | None           # additionalProperties


def _build(schema: dict[str, Any], crd: str, steps: tuple[str, ...], resource_root: bool,
           rules: list[Rule]) -> Node | None:
    specs = list(schema.get("x-kubernetes-validations") or [])
    for part in schema.get("allOf") or []:  # the API server runs allOf's rules on the same node
        specs += part.get("x-kubernetes-validations") or []
    own = [compile_rule(crd, steps, i, spec) for i, spec in enumerate(specs)]
    rules += own
    properties = {}
    for name, sub in (schema.get("properties") or {}).items():
        child = _build(sub, crd, (*steps, name), bool(sub.get("x-kubernetes-embedded-resource")), rules)
        if child is not None:
            properties[name] = child
    items = values = None
    if isinstance(schema.get("items"), dict):
        sub = schema["items"]
        items = _build(sub, crd, (*steps, ITEM), bool(sub.get("x-kubernetes-embedded-resource")), rules)
    if isinstance(schema.get("additionalProperties"), dict):
        sub = schema["additionalProperties"]
        values = _build(sub, crd, (*steps, VALUE), bool(sub.get("x-kubernetes-embedded-resource")), rules)
    if own or properties or items or values:
        return Node(schema, resource_root, own, properties, items, values)
    return None


def count_rule_entries(schema: Any, *, names: bool = False) -> int:
    """Every x-kubernetes-validations entry anywhere in a schema, read without its structure.

    Only data keywords (default, example, enum) are passed over; `names` marks a mapping of property
    names, where a property may well be called "default".
    """
    if isinstance(schema, list):
        return sum(count_rule_entries(v) for v in schema)
    if not isinstance(schema, dict):
        return 0
    if names:
        return sum(count_rule_entries(v) for v in schema.values())
    own = len(schema.get("x-kubernetes-validations") or [])
    return own + sum(count_rule_entries(v, names=k in ("properties", "patternProperties", "definitions"))
                     for k, v in schema.items() if k not in ("default", "example", "enum"))


@dataclass(eq=False)
class Crd:
    """One version of a CRD: its schema, and its rules compiled once."""

    api_version: str
    kind: str
    file: str
    schema: dict[str, Any]
    rules: list[Rule]
    root: Node | None
    entries: int                  # x-kubernetes-validations entries in the schema, counted without structure

    @property
    def name(self) -> str:
        return f"{self.kind} {self.api_version}"

    @property
    def unevaluable(self) -> list[Rule]:
        return [r for r in self.rules if r.problem]


def _yaml_documents(path: Path) -> Iterator[Any]:
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml: the CRDs are megabytes of YAML
    with open(path) as stream:
        yield from yaml.load_all(stream, Loader=loader)


@cache
def load_crds(crd_dir: Path) -> dict[tuple[str, str], Crd]:
    """(apiVersion, kind) -> Crd for every version of every CRD in the folder; each rule compiled once."""
    crds: dict[tuple[str, str], Crd] = {}
    for path in sorted(Path(crd_dir).glob("*.yaml")):
        for doc in _yaml_documents(path):
            if not doc or doc.get("kind") != "CustomResourceDefinition":
                continue
            group, kind = doc["spec"]["group"], doc["spec"]["names"]["kind"]
            for version in doc["spec"]["versions"]:
                schema = (version.get("schema") or {}).get("openAPIV3Schema")
                if schema is None:
                    continue
                api_version = f"{group}/{version['name']}"
                crds[(api_version, kind)] = compile_crd(api_version, kind, schema, path.name)
    return crds


def compile_crd(api_version: str, kind: str, schema: dict[str, Any], file: str = "") -> Crd:
    """One CRD version from its openAPIV3Schema."""
    rules: list[Rule] = []
    root = _build(schema, f"{kind} {api_version}", (), True, rules)
    return Crd(api_version, kind, file, schema, rules, root, count_rule_entries(schema))


# ---- defaulting ------------------------------------------------------------------------------------

def apply_defaults(value: Any, schema: dict[str, Any] | None) -> Any:
    """Structural defaulting as the API server applies it before validation, in place; returns value.

    Absent properties with a `default` get a deep copy of it, then every child is defaulted, the new
    ones included (apiextensions-apiserver schema/defaulting). Null values of non-nullable fields take
    their default, or are pruned when there is none.
    """
    if not isinstance(schema, dict):
        return value
    if isinstance(value, dict):
        properties = schema.get("properties") or {}
        for name, sub in properties.items():
            if "default" in sub and (name not in value or (value[name] is None and not sub.get("nullable"))):
                value[name] = copy.deepcopy(sub["default"])
        extra = schema.get("additionalProperties")
        for name in list(value):
            sub = properties.get(name, extra if isinstance(extra, dict) else None)
            if sub is None:
                continue
            if value[name] is None and not sub.get("nullable"):
                if "default" not in sub:
                    del value[name]
                    continue
                value[name] = copy.deepcopy(sub["default"])
            apply_defaults(value[name], sub)
    elif isinstance(value, list) and isinstance(schema.get("items"), dict):
        sub = schema["items"]
        for i, item in enumerate(value):
            if item is None and not sub.get("nullable") and "default" in sub:
                value[i] = copy.deepcopy(sub["default"])
            apply_defaults(value[i], sub)
    return value


# ---- values as CEL sees them ----------------------------------------------------------------------

_GO_DURATION = re.compile(r"(\d+(?:\.\d*)?|\.\d+)(ns|us|µs|ms|s|m|h|d|w)")
_UNIT_SECONDS = {"ns": 1e-9, "us": 1e-6, "µs": 1e-6, "ms": 1e-3, "s": 1, "m": 60, "h": 3600, "d": 86400,
                 "w": 604800}


def _duration(text: str) -> datetime.timedelta:
    """A `format: duration` string (Go duration syntax, plus d and w) as a timedelta."""
    body = text.strip()
    sign = -1 if body.startswith("-") else 1
    body = body.lstrip("+-")
    if body == "0":
        return datetime.timedelta(0)
    if not body or _GO_DURATION.sub("", body):
        raise ValueError(f"invalid duration {text!r}")
    seconds = sum(float(n) * _UNIT_SECONDS[u] for n, u in _GO_DURATION.findall(body))
    return datetime.timedelta(seconds=sign * seconds)


def _with_type_and_object_meta(schema: dict[str, Any]) -> dict[str, Any]:
    """The root of a resource shows apiVersion, kind and metadata.name/generateName only."""
    properties = dict(schema.get("properties") or {})
    properties["apiVersion"] = {"type": "string"}
    properties["kind"] = {"type": "string"}
    properties["metadata"] = {"type": "object", "properties": {"name": {"type": "string"},
                                                               "generateName": {"type": "string"}}}
    return {**schema, "type": "object", "properties": properties}


def to_cel(value: Any, schema: dict[str, Any], resource_root: bool = False) -> Any:
    """A value as the API server hands it to CEL for this schema (apiserver/pkg/cel/common.UnstructuredToVal)."""
    if value is None or schema.get("x-kubernetes-int-or-string"):
        return value
    kind = schema.get("type")
    if kind == "object" and isinstance(value, dict):
        if resource_root:
            schema = _with_type_and_object_meta(schema)
        if "properties" in schema:
            properties = schema["properties"]
            converted = {}
            for name, item in value.items():
                escaped = escape(name)
                if name in properties and escaped is not None:
                    converted[escaped] = to_cel(item, properties[name],
                                                bool(properties[name].get("x-kubernetes-embedded-resource")))
            return converted
        extra = schema.get("additionalProperties")
        if isinstance(extra, dict):
            return {name: to_cel(item, extra, bool(extra.get("x-kubernetes-embedded-resource")))
                    for name, item in value.items()}
        return {}  # preserve-unknown-fields without properties: an object with no reachable field
    if kind == "array" and isinstance(value, list):
        items = schema.get("items") if isinstance(schema.get("items"), dict) else {}
        return [to_cel(item, items, bool(items.get("x-kubernetes-embedded-resource"))) for item in value]
    if kind == "string" and isinstance(value, str):
        fmt = schema.get("format")
        if fmt == "duration":
            return _duration(value)
        if fmt == "date":
            return datetime.datetime.strptime(value, "%Y-%m-%d").replace(tzinfo=datetime.UTC)
        if fmt == "date-time":
            return datetime.datetime.fromisoformat(value)
        if fmt == "byte":
            return base64.b64decode(value, validate=True)
        return value
    if kind == "number" and isinstance(value, (int, float)) and not isinstance(value, bool):
        return float(value)
    return value


def _non_ascii(value: Any) -> bool:
    if isinstance(value, str):
        return not value.isascii()
    if isinstance(value, dict):
        return any(_non_ascii(k) or _non_ascii(v) for k, v in value.items())
    if isinstance(value, list):
        return any(_non_ascii(v) for v in value)
    return False


# ---- evaluation -------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Failure:
    """A rule that rejected a node, with the API server's field error for it."""

    rule: Rule
    error: str

    def __str__(self) -> str:
        return self.error


@dataclass
class Evaluation:
    """What the rules of one CRD said about one object."""

    crd: Crd
    failures: list[Failure] = field(default_factory=list)
    evaluated: Counter = field(default_factory=Counter)        # Rule -> nodes it ran on
    unevaluated: list[str] = field(default_factory=list)       # "<node path>: <rule>: <why>"
    transitions: Counter = field(default_factory=Counter)      # transition rules skipped on create -> nodes

    @property
    def errors(self) -> list[str]:
        return [f.error for f in self.failures]

    @property
    def failed_rules(self) -> set[Rule]:
        return {f.rule for f in self.failures}


def _field_error(where: str, schema_type: str, detail: str, reason: str) -> str:
    """field.Error.Error() of the API server for a rule's reason."""
    if reason == "FieldValueForbidden":
        return f"{where}: Forbidden: {detail}"
    if reason == "FieldValueRequired":
        return f"{where}: Required value: {detail}"
    if reason == "FieldValueDuplicate":
        return f'{where}: Duplicate value: "{schema_type}"'
    return f'{where}: Invalid value: "{schema_type}": {detail}'


def _with_field_path(where: str, field_path: str) -> str:
    """The node's path followed by a rule's fieldPath (".a.b" or "['key']" steps)."""
    steps = re.findall(r"\.([^.\[]+)|\['((?:[^'\\]|\\.)*)'\]", field_path)
    suffix = "".join(f".{name}" if name else f"[{key}]" for name, key in steps)
    return (where if where != "<nil>" else "") + suffix if suffix else where


def _child(path: str, name: str) -> str:
    return f"{path}.{name}" if path != "<nil>" else name


def _cel_error(error: Exception) -> str:
    """The library's error in cel-go's words where they differ (a missing field is a KeyError here)."""
    if isinstance(error, KeyError) and error.args:
        return f"no such key: {error.args[0]}"
    return str(error)


def _message(rule: Rule, variables: dict[str, Any]) -> str:
    if rule.message_program is not None:
        try:
            text = rule.message_program.execute(cel.Context(variables, EXTENSIONS))
        except Exception:
            text = None
        if isinstance(text, str) and text.strip() and "\n" not in text.strip():
            return text.strip()
    return rule.message.strip() if rule.message.strip() else f"failed rule: {rule.rule.strip()}"


def _run(node: Node, value: Any, where: str, result: Evaluation) -> None:
    if value is None:  # rules validate non-null values only
        return
    if node.rules:
        self_value = to_cel(value, node.schema, node.resource_root)
        schema_type = node.schema.get("type", "")
        for rule in node.rules:
            if rule.problem:
                result.unevaluated.append(f"{where}: {rule}: {rule.problem}")
                continue
            if rule.transition:
                result.transitions[rule] += 1
                continue
            if rule.calls_size and _non_ascii(self_value):
                result.unevaluated.append(f"{where}: {rule}: calls size() on a value with non-ASCII text, which "
                                          "the library counts in UTF-8 bytes and Kubernetes in characters")
                continue
            variables = {"self": self_value}
            if rule.uses_old_self:
                variables["oldSelf"] = cel.OptionalValue.none()  # optionalOldSelf on create
            result.evaluated[rule] += 1
            try:
                outcome = rule.program.execute(cel.Context(variables, EXTENSIONS))
            except Exception as error:
                result.failures.append(Failure(rule, _field_error(
                    where, schema_type, f"{_cel_error(error)} evaluating rule: {rule.text}", "")))
                continue
            if outcome is True:
                continue
            result.failures.append(Failure(rule, _field_error(
                _with_field_path(where, rule.field_path), schema_type, _message(rule, variables), rule.reason)))
    if isinstance(value, dict):
        for name, item in value.items():
            if name in node.properties:
                _run(node.properties[name], item, _child(where, name), result)
            elif node.values is not None:
                _run(node.values, item, f"{where}[{name}]", result)
    elif isinstance(value, list) and node.items is not None:
        for i, item in enumerate(value):
            _run(node.items, item, f"{where}[{i}]", result)


def defaulted(crd: Crd, obj: dict[str, Any]) -> dict[str, Any]:
    """A defaulted copy of a custom resource, as the API server stores and validates it."""
    return apply_defaults(copy.deepcopy(obj), crd.schema)


def evaluate(crd: Crd, obj: dict[str, Any]) -> Evaluation:
    """Every rule of the CRD on every node of the (defaulted) object where it applies."""
    result = Evaluation(crd)
    if crd.root is not None:
        _run(crd.root, defaulted(crd, obj), "<nil>", result)
    return result


def crd_of(crds: dict[tuple[str, str], Crd], obj: dict[str, Any]) -> Crd | None:
    return crds.get((obj.get("apiVersion", ""), obj.get("kind", "")))


# ---- which rules apply, found without the evaluator's tree ------------------------------------------

def nodes_at(value: Any, steps: tuple[str, ...]) -> list[Any]:
    """The non-null values at a rule's schema path (every item at ITEM, every map value at VALUE)."""
    found = [value]
    for step in steps:
        following = []
        for item in found:
            if step == ITEM and isinstance(item, list):
                following += item
            elif step == VALUE and isinstance(item, dict):
                following += list(item.values())
            elif isinstance(item, dict) and step in item:
                following.append(item[step])
        found = [item for item in following if item is not None]
    return [item for item in found if item is not None]


def applicable(crd: Crd, obj: dict[str, Any]) -> list[Rule]:
    """Rules of the CRD whose node exists in the defaulted object: each must be evaluated or skipped."""
    value = defaulted(crd, obj)
    return [rule for rule in crd.rules if nodes_at(value, rule.steps)]
