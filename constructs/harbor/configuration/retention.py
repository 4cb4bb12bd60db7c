"""What Harbor keeps and what it may never change: tag retention, immutable tags, the audit-log purge
schedule and the per-project CVE allowlist, as typed declarations.

Each type checks its values against what Harbor v2.15.1 accepts, citing where Harbor decides, and
writes the part of the declaration document that the configuration Job applies (the applier's
retention.py, immutable.py, allowlist.py and purge.py). Harbor's own API checks little of this: its
v2 retention handler never runs the rule validators (src/server/v2.0/handler/retention.go), so an
unknown template or a pattern its glob library cannot parse is stored without complaint and fails
only when the retention job runs, every night, for every repository. Here it fails at synthesis.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from enum import Enum
from typing import Any

from ..kit.validation import fail, present
from .audit_events import ALL_AUDIT_EVENTS, AuditEventType
from .cron import check_cron
from .vulnerabilities import CveAllowlist

# Harbor's selectors use bmatcuk/doublestar v1.3.4 (src/go.mod) as their only kind
# (src/lib/selector/selectors/doublestar/selector.go).
SELECTOR_KIND = "doublestar"
# The retention handler refuses more rules with HTTP 400 (CreateRetention and UpdateRetention in
# src/server/v2.0/handler/retention.go).
MAX_RETENTION_RULES = 15
# latestps.Valid and latestpl.Valid (src/pkg/retention/policy/rule/latestps, latestpl) call a count of
# math.MaxInt16 or more "too large".
MAX_COUNT = 2**15 - 2
# daysps.Valid and dayspl.Valid allow up to 20190904 days, but the evaluators compute
# time.Duration(-24*n) * time.Hour, which overflows int64 nanoseconds beyond 106751 days and then
# keeps an arbitrary set (src/pkg/retention/policy/rule/daysps/evaluator.go, dayspl/evaluator.go).
MAX_DAYS = 106_751
# common.MaxAuditRetentionHour (src/common/const.go): the purge handler refuses more with HTTP 400.
MAX_AUDIT_RETENTION_HOURS = 240_000
# What Harbor's UI writes into an immutable rule (portal .../tag-retention/retention.ts,
# ImmutableRetentionRule); Harbor itself reads neither field (src/pkg/immutable/match/rule/match.go).
IMMUTABLE_ACTION = "immutable"
IMMUTABLE_TEMPLATE = "immutable_template"


# ---- doublestar patterns ----------------------------------------------------------------------------
#
# doublestar v1.3.4 reads a pattern lazily, while it matches (matchComponent, splitAlternatives and
# isZeroLengthPattern in doublestar.go), and answers ErrBadPattern when it reaches a construct it cannot
# read. Harbor's selector passes that error up (doublestar/selector.go: match), which stops the retention
# task of the repository, or makes the immutability check fail. The functions below read the whole
# pattern with the same grammar, so that a pattern is refused whichever name it would be matched with.


def _unescaped(text: str, char: str, start: int) -> int:
    """The index of the first `char` at or after `start` that no backslash precedes, or -1: doublestar's
    indexRuneWithEscaping, which looks only at the one character before (so "\\\\]" counts as escaped)."""
    index = text.find(char, start)
    while index > start and text[index - 1] == "\\":
        index = text.find(char, index + 1)
    return index


def _class_problem(runes: str) -> str | None:
    """What doublestar says of the inside of a character class "[...]", or None when it reads it."""
    if not runes:
        return "an empty character class '[]'"
    index = 1 if runes[0] == "^" else 0
    while index < len(runes):
        low = runes[index]
        if low == "-":
            return f"a '-' without a character before it in the class '[{runes}]'"
        index += 1
        if low == "\\":
            if index >= len(runes):
                return f"a '\\' that escapes nothing at the end of the class '[{runes}]'"
            index += 1
        if index < len(runes) and runes[index] == "-":
            index += 1
            if index >= len(runes):
                return f"a range without its end in the class '[{runes}]'"
            high = runes[index]
            if high == "-":
                return f"a range ending in '-' in the class '[{runes}]'"
            index += 1
            if high == "\\":
                if index >= len(runes):
                    return f"a '\\' that escapes nothing at the end of the class '[{runes}]'"
                index += 1
    return None


def _alternatives(text: str, start: int) -> tuple[list[str], int]:
    """The alternatives of "{a,b}" whose "{" ends just before `start`, and the index after its "}";
    -1 when it never closes: doublestar's splitAlternatives (nested braces, escapes)."""
    options: list[str] = []
    depth, escaped, begin, index = 1, False, start, start
    while depth > 0:
        if index >= len(text):
            return [], -1
        char = text[index]
        if escaped:
            escaped = False
        elif char == "\\":
            escaped = True
        elif char == "{":
            depth += 1
        elif char == "}":
            depth -= 1
        elif char == "," and depth == 1:
            options.append(text[begin:index])
            begin = index + 1
        index += 1
    options.append(text[begin:index - 1])
    return options, index


def pattern_problem(pattern: str) -> str | None:
    """Why doublestar v1.3.4 would answer ErrBadPattern for `pattern`, or None when it reads all of it."""
    index = 0
    while index < len(pattern):
        char = pattern[index]
        if char == "\\":
            if index + 1 >= len(pattern):
                return "a '\\' at the end that escapes nothing"
            index += 2
        elif char == "[":
            end = _unescaped(pattern, "]", index + 1)
            if end < 0:
                return f"a '[' without its ']' in {pattern[index:]!r}"
            problem = _class_problem(pattern[index + 1:end])
            if problem:
                return problem
            index = end + 1
        elif char == "{":
            options, end = _alternatives(pattern, index + 1)
            if end < 0:
                return f"a '{{' without its '}}' in {pattern[index:]!r}"
            # doublestar matches each alternative followed by the rest of the pattern
            for option in options:
                problem = pattern_problem(option + pattern[end:])
                if problem:
                    return problem
            return None
        else:
            index += 1
    return None


@dataclass(frozen=True, kw_only=True)
class PatternSelector:
    """Which repositories, or which tags, a rule applies to: a doublestar pattern, matched or excluded.

    Harbor matches repository patterns against the repository's name without the project
    ("nginx", "library/nginx" in a Docker Hub cache), tag patterns against each tag. `*` stays within
    one path segment, `**` crosses them, `?` is one character, `[a-z]` a class, `{a,b}` alternatives,
    `\\` escapes the next character.

    Attributes:
        pattern: the doublestar pattern, e.g. "**" (everything), "v*", "{main,release-*}" (default "**").
        exclude: select what does not match instead (Harbor's "excluding") (default False).
    """

    pattern: str = "**"
    exclude: bool = False

    def __post_init__(self) -> None:
        field = "PatternSelector.pattern"
        if not isinstance(self.pattern, str) or not self.pattern:
            # Harbor's matcher treats "" as "everything" (doublestar/selector.go: match), which a typo
            # should not become; "**" says it
            raise fail(field, "a non-empty doublestar pattern ('**' for everything)", self.pattern)
        try:
            self.pattern.encode("utf-8")
        except UnicodeEncodeError:
            raise fail(field, "text Harbor can store (valid UTF-8)", self.pattern) from None
        problem = pattern_problem(self.pattern)
        if problem:
            raise fail(field, f"a pattern Harbor's doublestar matcher can read (v1.3.4 would answer "
                              f"ErrBadPattern: {problem})", self.pattern)
        _check_bool("PatternSelector.exclude", self.exclude)

    def selector(self, *, repository: bool) -> dict[str, str]:
        """The selector as Harbor stores it: kind, decoration, pattern."""
        if repository:
            decoration = "repoExcludes" if self.exclude else "repoMatches"
        else:
            decoration = "excludes" if self.exclude else "matches"
        return {"kind": SELECTOR_KIND, "decoration": decoration, "pattern": self.pattern}


def _check_bool(field: str, value: object) -> None:
    if not isinstance(value, bool):
        raise fail(field, "True or False", value)


def _check_selector(field: str, value: object) -> PatternSelector:
    if not isinstance(value, PatternSelector):
        raise fail(field, "a PatternSelector, e.g. PatternSelector(pattern='**')", value)
    return value


def _check_int(field: str, value: object, low: int, high: int, rule: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        raise fail(field, f"an integer from {low} to {high} ({rule})", value)
    return value


# ---- tag retention --------------------------------------------------------------------------------------

class RetentionTemplate(str, Enum):
    """What a retention rule keeps of the artifacts it selects; the rest of a repository the policy
    covers is deleted unless another rule keeps it.

    The values are Harbor's template ids, the five that GET /retentions/metadatas offers
    (rentenitionMetadataPayload in src/server/v2.0/handler/retention.go), plus NOTHING.
    """

    LATEST_PUSHED = "latestPushedK"        # the `count` most recently pushed artifacts
    LATEST_PULLED = "latestPulledN"        # the `count` most recently pulled artifacts
    PUSHED_WITHIN_DAYS = "nDaysSinceLastPush"  # artifacts pushed within the last `days` days
    PULLED_WITHIN_DAYS = "nDaysSinceLastPull"  # artifacts pulled within the last `days` days
    ALWAYS = "always"                      # every artifact the selectors select
    # Keep none of the selected artifacts. Harbor has an evaluator for it (rule/nothing) but does not
    # register it (its Register call is commented out in src/pkg/retention/policy/rule/index/index.go),
    # so a rule with template "nothing" makes every retention task fail with "rule evaluator nothing is
    # not registered". It is sent as latestPushedK with a count of 0, which latestps.New accepts
    # (v >= 0) and which keeps nothing; Harbor's UI shows it as "the most recently pushed 0 artifacts".
    NOTHING = "nothing"


# the parameter each template takes (the param key is the template id): "count", "days" or none
_PARAMETER: dict[RetentionTemplate, str | None] = {
    RetentionTemplate.LATEST_PUSHED: "count",
    RetentionTemplate.LATEST_PULLED: "count",
    RetentionTemplate.PUSHED_WITHIN_DAYS: "days",
    RetentionTemplate.PULLED_WITHIN_DAYS: "days",
    RetentionTemplate.ALWAYS: None,
    RetentionTemplate.NOTHING: None,
}
# registered in Harbor's rule index but left out of GET /retentions/metadatas: its UI cannot show them
_HIDDEN_TEMPLATES = ("latestActiveK", "lastXDays")


def _template(value: object) -> RetentionTemplate:
    field = "RetentionRule.template"
    if isinstance(value, RetentionTemplate):
        return value
    if isinstance(value, str):
        if value in _HIDDEN_TEMPLATES:
            raise fail(field, "a template GET /retentions/metadatas offers (Harbor registers "
                              f"{value!r} but its API does not offer it, and its UI cannot show it)", value)
        try:
            return RetentionTemplate(value)
        except ValueError:
            pass
    raise fail(field, f"a RetentionTemplate, one of {[t.value for t in RetentionTemplate]}", value)


@dataclass(frozen=True, kw_only=True)
class RetentionRule:
    """One rule of a project's tag retention policy: what to keep, in which repositories, of which tags.

    Harbor runs a policy per repository: a repository that some rule's `repositories` selects has every
    artifact deleted that no rule keeps (artifacts an immutable rule protects stay, and GC frees their
    space later); repositories no rule selects are left alone.

    Attributes:
        template: what to keep of the selected artifacts.
        count: how many, for LATEST_PUSHED and LATEST_PULLED: 1 to 32766 (default None).
        days: how many days back, for PUSHED_WITHIN_DAYS and PULLED_WITHIN_DAYS: 1 to 106751
            (default None).
        repositories: which repositories of the project (default all: PatternSelector()).
        tags: which artifacts, by their tags (default all: PatternSelector()).
        untagged: the rule also applies to artifacts without a tag (default True, as Harbor's UI).
            Harbor's UI shows the stored flag, whose meaning turns over for excluding tag selectors:
            it is written here so that `untagged` always says what the rule does.
    """

    template: RetentionTemplate
    count: int | None = None
    days: int | None = None
    repositories: PatternSelector = PatternSelector()
    tags: PatternSelector = PatternSelector()
    untagged: bool = True

    def __post_init__(self) -> None:
        template = _template(self.template)
        object.__setattr__(self, "template", template)
        parameter = _PARAMETER[template]
        for name in ("count", "days"):
            if name != parameter and getattr(self, name) is not None:
                takes = f"it takes {parameter}" if parameter else "it takes no parameter"
                raise fail(f"RetentionRule.{name}", f"None for template {template.name} ({takes})",
                           getattr(self, name))
        if parameter == "count":
            if self.count == 0:
                raise fail("RetentionRule.count", "at least 1 (a count of 0 keeps nothing: say so with "
                                                  "RetentionTemplate.NOTHING)", self.count)
            _check_int("RetentionRule.count", self.count, 1, MAX_COUNT,
                       "Harbor calls 32767 and more too large")
        if parameter == "days":
            _check_int("RetentionRule.days", self.days, 1, MAX_DAYS,
                       "Harbor's evaluator overflows beyond 106751 days")
        _check_selector("RetentionRule.repositories", self.repositories)
        _check_selector("RetentionRule.tags", self.tags)
        _check_bool("RetentionRule.untagged", self.untagged)

    def document(self) -> dict[str, Any]:
        """The rule as Harbor's retention API takes it (action, template, params, selectors)."""
        if self.template is RetentionTemplate.NOTHING:
            template, params = RetentionTemplate.LATEST_PUSHED.value, {RetentionTemplate.LATEST_PUSHED.value: 0}
        else:
            template = self.template.value
            value = self.count if _PARAMETER[self.template] == "count" else self.days
            # the param key is the template id (latestps.ParameterK = TemplateID, ...)
            params = {} if value is None else {template: value}
        tags = self.tags.selector(repository=False)
        # doublestar.New reads {"untagged": b} from extras; with an excluding selector, b=True means the
        # untagged artifacts are excluded too (tagSelectExclude returns !untagged for them)
        flag = self.untagged if not self.tags.exclude else not self.untagged
        tags["extras"] = json.dumps({"untagged": flag}, separators=(",", ":"))
        return {"action": "retain", "template": template, "params": params, "tag_selectors": [tags],
                "scope_selectors": {"repository": [self.repositories.selector(repository=True)]}}


@dataclass(frozen=True, kw_only=True)
class RetentionPolicy:
    """A project's tag retention policy: its rules and when it runs.

    Harbor attaches one policy to a project (the project's metadata `retention_id`); the Job updates
    that policy, or creates it when the project has none. A proxy cache gets a policy from Harbor when
    it is created (keep what was pulled in the last 7 days, daily): declaring one replaces it.

    Attributes:
        rules: at most 15 distinct rules; an artifact is kept when any rule keeps it (default none:
            the policy deletes nothing).
        schedule: when it runs, a six-field cron such as "0 0 1 * * *" (01:00 daily) (default None:
            only when started by hand).
    """

    rules: tuple[RetentionRule, ...] = ()
    schedule: str | None = None

    def __post_init__(self) -> None:
        rules = _tuple("RetentionPolicy.rules", self.rules, RetentionRule, "RetentionRule")
        object.__setattr__(self, "rules", rules)
        if len(rules) > MAX_RETENTION_RULES:
            raise fail("RetentionPolicy.rules", f"at most {MAX_RETENTION_RULES} rules (Harbor's retention "
                                                "handler refuses more)", len(rules))
        seen: list[dict[str, Any]] = []
        for rule in rules:
            if rule.document() in seen:
                # checkRuleConflict (src/server/v2.0/handler/retention.go) answers HTTP 409 for two
                # rules that serialize alike
                raise fail("RetentionPolicy.rules", "distinct rules (Harbor refuses two identical rules "
                                                    "with HTTP 409)", rule)
            seen.append(rule.document())
        if self.schedule is not None:
            check_cron("RetentionPolicy.schedule", self.schedule)

    def document(self) -> dict[str, Any]:
        return {"schedule": self.schedule, "rules": [rule.document() for rule in self.rules]}


# ---- immutable tags -------------------------------------------------------------------------------------

@dataclass(frozen=True, kw_only=True)
class ImmutableTagRule:
    """Tags that can never be pushed again or deleted once they exist (Harbor's immutable tag rules).

    A tag the rule selects can neither be overwritten by a push nor deleted, not even by retention:
    what Argo CD deployed by that tag stays what it was. Untagged artifacts are never immutable.

    Attributes:
        repositories: which repositories of the project (required; PatternSelector() for all).
        tags: which tags (required), e.g. PatternSelector(pattern="v*").
    """

    repositories: PatternSelector | None = None
    tags: PatternSelector | None = None

    def __post_init__(self) -> None:
        # Harbor stores a rule without a selector and then skips it (match/rule/match.go), so such a rule
        # would protect nothing while looking as if it did
        for name in ("repositories", "tags"):
            if getattr(self, name) is None:
                raise fail(f"ImmutableTagRule.{name}", "a PatternSelector (Harbor ignores a rule without "
                                                       "one, so it would protect nothing; "
                                                       "PatternSelector() selects all)", None)
            _check_selector(f"ImmutableTagRule.{name}", getattr(self, name))

    def document(self) -> dict[str, Any]:
        """The rule as Harbor's immutable-tag API takes it."""
        repositories = present(self.repositories, "ImmutableTagRule.repositories")
        tags = present(self.tags, "ImmutableTagRule.tags")
        return {"action": IMMUTABLE_ACTION, "template": IMMUTABLE_TEMPLATE,
                "tag_selectors": [tags.selector(repository=False)],
                "scope_selectors": {"repository": [repositories.selector(repository=True)]}}


# ---- CVE allowlist --------------------------------------------------------------------------------------

# ---- audit-log purge ------------------------------------------------------------------------------------



def _event_type(value: object) -> AuditEventType:
    if isinstance(value, AuditEventType):
        return value
    if isinstance(value, str):
        try:
            return AuditEventType(value)
        except ValueError:
            pass
    raise fail("AuditLogPurge.event_types", f"AuditEventTypes, each one of {[t.value for t in AuditEventType]} "
                                            "(Harbor silently skips any other)", value)


@dataclass(frozen=True, kw_only=True)
class AuditLogPurge:
    """The scheduled purge of Harbor's audit log: records older than `retention_hours` go.

    Attributes:
        schedule: when it runs, a six-field cron such as "0 0 4 * * 0" (Sunday 04:00).
        retention_hours: how long records are kept, 1 to 240000 hours (720 is 30 days).
        event_types: which events are purged (default all: ALL_AUDIT_EVENTS).
    """

    schedule: str
    retention_hours: int
    event_types: tuple[AuditEventType, ...] = ALL_AUDIT_EVENTS

    def __post_init__(self) -> None:
        check_cron("AuditLogPurge.schedule", self.schedule)
        if isinstance(self.retention_hours, int) and not isinstance(self.retention_hours, bool) \
                and self.retention_hours < 1:
            # the purge job treats 0 (and -1) as "do nothing" and exits (src/jobservice/job/impl/purge/purge.go),
            # and Harbor's handler sets no minimum: a schedule that never purges would look like one that does
            raise fail("AuditLogPurge.retention_hours", "at least 1 hour (Harbor's purge does nothing with 0)",
                       self.retention_hours)
        _check_int("AuditLogPurge.retention_hours", self.retention_hours, 1, MAX_AUDIT_RETENTION_HOURS,
                   "Harbor's purge handler refuses more")
        if isinstance(self.event_types, (str, AuditEventType)):
            raise fail("AuditLogPurge.event_types", "a tuple of AuditEventType", self.event_types)
        types = tuple(_event_type(t) for t in _iterable("AuditLogPurge.event_types", self.event_types))
        if not types:
            raise fail("AuditLogPurge.event_types", "at least one event type (Harbor purges nothing without one)",
                       types)
        if len(set(types)) != len(types):
            raise fail("AuditLogPurge.event_types", "distinct event types", [t.value for t in types])
        object.__setattr__(self, "event_types", types)

    def document(self) -> dict[str, Any]:
        return {"schedule": self.schedule, "retention_hours": self.retention_hours,
                "event_types": [t.value for t in self.event_types]}


# ---- what a project carries -----------------------------------------------------------------------------

def _iterable(field: str, value: object) -> Iterable[object]:
    if isinstance(value, (str, bytes)) or not isinstance(value, Iterable):
        raise fail(field, "a tuple", value)
    return value


def _tuple(field: str, value: object, kind: type, name: str) -> tuple[Any, ...]:
    items = tuple(_iterable(field, value))
    for item in items:
        if not isinstance(item, kind):
            raise fail(field, f"a tuple of {name}", item)
    return items


def check_artifact_policies(owner: str, retention: object, immutable_rules: object,
                            cve_allowlist: object) -> tuple[ImmutableTagRule, ...] | None:
    """Check the retention policy, immutable rules and CVE allowlist of the project `owner` names
    ("Project", "ProxyCacheProject"); the immutable rules as a tuple (None stays None)."""
    if retention is not None and not isinstance(retention, RetentionPolicy):
        raise fail(f"{owner}.retention", "a RetentionPolicy or None", retention)
    if cve_allowlist is not None and not isinstance(cve_allowlist, CveAllowlist):
        raise fail(f"{owner}.cve_allowlist", "a CveAllowlist or None", cve_allowlist)
    if immutable_rules is None:
        return None
    rules: tuple[ImmutableTagRule, ...] = _tuple(f"{owner}.immutable_rules", immutable_rules, ImmutableTagRule,
                                                 "ImmutableTagRule")
    documents = [rule.document() for rule in rules]
    for index, document in enumerate(documents):
        if document in documents[:index]:
            # the rule table is unique on (project, rule JSON): Harbor answers HTTP 409 for the second
            # (CreateImmutableRule in src/pkg/immutable/dao/dao.go)
            raise fail(f"{owner}.immutable_rules", "distinct rules (Harbor refuses a second identical rule)",
                       rules[index])
    return rules


def artifact_policies_document(retention: RetentionPolicy | None,
                               immutable_rules: tuple[ImmutableTagRule, ...] | None,
                               cve_allowlist: CveAllowlist | None) -> dict[str, Any]:
    """A project's retention policy, immutable rules and CVE allowlist in the declaration document; None
    where the Job leaves Harbor's state alone."""
    return {"retention": None if retention is None else retention.document(),
            "immutable_rules": None if immutable_rules is None else [rule.document() for rule in immutable_rules],
            "cve_allowlist": None if cve_allowlist is None else cve_allowlist.document()}
