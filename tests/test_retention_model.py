"""Retention, immutable tags, the audit-log purge and CVE allowlists in the declaration: bad input is refused
where it enters, naming the field; what is accepted is written as Harbor v2.15.1 takes it."""

from __future__ import annotations

import json
import re
from dataclasses import replace
from datetime import datetime, timedelta, timezone
from pathlib import Path

import cdk8s
import pytest
from conftest import folder_bytes

from constructs.harbor.configuration import (
    AuditEventType,
    AuditLogPurge,
    CveAllowlist,
    HarborConfiguration,
    ImmutableTagRule,
    PatternSelector,
    Project,
    ProxyCacheProject,
    RegistryEndpoint,
    RegistryType,
    RetentionPolicy,
    RetentionRule,
    RetentionTemplate,
    SystemSettings,
)
from constructs.harbor.configuration.applier import immutable, purge, retention
from constructs.harbor.configuration.model import DOCUMENT_VERSION
from constructs.harbor.configuration.retention import ALL_AUDIT_EVENTS, MAX_COUNT, MAX_DAYS, pattern_problem
from constructs.harbor.kit import synthesize

ALL = PatternSelector()
RELEASES = PatternSelector(pattern="v*")
HUB = RegistryEndpoint(name="dockerhub", type=RegistryType.DOCKER_HUB)


def latest(count: object = 10, **fields: object) -> RetentionRule:
    return RetentionRule(template=RetentionTemplate.LATEST_PUSHED, count=count, **fields)


# ---- bad input: the five the issue names, then the rest --------------------------------------------------

BAD = [
    # the issue's five
    pytest.param(lambda: latest(0), "RetentionRule.count", 0, id="retention-count-zero"),
    pytest.param(lambda: RetentionRule(template="latestPushedN", count=3), "RetentionRule.template",
                 "latestPushedN", id="unknown-template"),
    pytest.param(lambda: PatternSelector(pattern="v[0-9"), "PatternSelector.pattern", "v[0-9",
                 id="pattern-harbor-cannot-parse"),
    pytest.param(lambda: AuditLogPurge(schedule="0 0 4 * * 0", retention_hours=0), "AuditLogPurge.retention_hours", 0,
                 id="audit-retention-under-one-hour"),
    pytest.param(lambda: ImmutableTagRule(repositories=ALL), "ImmutableTagRule.tags", None,
                 id="immutable-rule-without-tag-selector"),
    pytest.param(lambda: ImmutableTagRule(tags=RELEASES), "ImmutableTagRule.repositories", None,
                 id="immutable-rule-without-repository-selector"),
    # templates and their parameters
    pytest.param(lambda: RetentionRule(template="latestActiveK", count=3), "RetentionRule.template",
                 "latestActiveK", id="template-harbor-registers-but-does-not-offer"),
    pytest.param(lambda: RetentionRule(template=RetentionTemplate.LATEST_PULLED), "RetentionRule.count", None,
                 id="count-missing"),
    pytest.param(lambda: latest(MAX_COUNT + 1), "RetentionRule.count", MAX_COUNT + 1, id="count-too-large"),
    pytest.param(lambda: latest(-1), "RetentionRule.count", -1, id="count-negative"),
    pytest.param(lambda: latest("10"), "RetentionRule.count", "10", id="count-as-string"),
    pytest.param(lambda: latest(True), "RetentionRule.count", True, id="count-bool"),
    pytest.param(lambda: RetentionRule(template=RetentionTemplate.PULLED_WITHIN_DAYS, days=0), "RetentionRule.days", 0,
                 id="days-zero"),
    pytest.param(lambda: RetentionRule(template=RetentionTemplate.PUSHED_WITHIN_DAYS, days=MAX_DAYS + 1),
                 "RetentionRule.days", MAX_DAYS + 1, id="days-beyond-the-evaluators-overflow"),
    pytest.param(lambda: RetentionRule(template=RetentionTemplate.PULLED_WITHIN_DAYS, count=30), "RetentionRule.count",
                 30, id="count-for-a-days-template"),
    pytest.param(lambda: RetentionRule(template=RetentionTemplate.ALWAYS, days=7), "RetentionRule.days", 7,
                 id="days-for-always"),
    pytest.param(lambda: latest(10, tags="v*"), "RetentionRule.tags", "v*", id="selector-as-string"),
    pytest.param(lambda: latest(10, untagged="no"), "RetentionRule.untagged", "no", id="untagged-not-bool"),
    # patterns
    pytest.param(lambda: PatternSelector(pattern=""), "PatternSelector.pattern", "", id="pattern-empty"),
    pytest.param(lambda: PatternSelector(pattern="{main,release-*"), "PatternSelector.pattern", "{main,release-*",
                 id="pattern-unclosed-alternatives"),
    pytest.param(lambda: PatternSelector(pattern="v1.\\"), "PatternSelector.pattern", "v1.\\",
                 id="pattern-trailing-backslash"),
    pytest.param(lambda: PatternSelector(pattern="**", exclude="yes"), "PatternSelector.exclude", "yes",
                 id="exclude-not-bool"),
    # policies
    pytest.param(lambda: RetentionPolicy(rules=tuple(latest(n) for n in range(1, 17))), "RetentionPolicy.rules", 16,
                 id="more-than-15-rules"),
    pytest.param(lambda: RetentionPolicy(rules=(latest(10), latest(10))), "RetentionPolicy.rules", latest(10),
                 id="identical-rules"),
    pytest.param(lambda: RetentionPolicy(rules=(latest(10),), schedule="0 1 * * *"), "RetentionPolicy.schedule",
                 "0 1 * * *", id="retention-cron-five-fields"),
    pytest.param(lambda: RetentionPolicy(rules=(latest(10),), schedule="30 0 1 * * *"), "RetentionPolicy.schedule",
                 "30 0 1 * * *", id="retention-cron-seconds"),
    pytest.param(lambda: RetentionPolicy(rules=[latest(10), "always"]), "RetentionPolicy.rules", "always",
                 id="rule-not-a-rule"),
    # the audit-log purge
    pytest.param(lambda: AuditLogPurge(schedule="0 0 4 * * 0", retention_hours=-1), "AuditLogPurge.retention_hours",
                 -1, id="audit-retention-negative"),
    pytest.param(lambda: AuditLogPurge(schedule="0 0 4 * * 0", retention_hours=240_001),
                 "AuditLogPurge.retention_hours", 240_001, id="audit-retention-above-harbors-maximum"),
    pytest.param(lambda: AuditLogPurge(schedule="0 0 4 * * 0", retention_hours=1.5),
                 "AuditLogPurge.retention_hours", 1.5, id="audit-retention-fraction"),
    pytest.param(lambda: AuditLogPurge(schedule="@weekly", retention_hours=720), "AuditLogPurge.schedule", "@weekly",
                 id="purge-cron-descriptor"),
    pytest.param(lambda: AuditLogPurge(schedule="0 0 4 * * 0", retention_hours=720, event_types=()),
                 "AuditLogPurge.event_types", (), id="no-event-type"),
    pytest.param(lambda: AuditLogPurge(schedule="0 0 4 * * 0", retention_hours=720, event_types=("pull",)),
                 "AuditLogPurge.event_types", "pull", id="unknown-event-type"),
    pytest.param(lambda: AuditLogPurge(schedule="0 0 4 * * 0", retention_hours=720,
                                       event_types=(AuditEventType.OTHER, "other")),
                 "AuditLogPurge.event_types", ["other", "other"], id="event-type-twice"),
    pytest.param(lambda: SystemSettings(audit_log_purge="weekly"), "SystemSettings.audit_log_purge", "weekly",
                 id="purge-not-a-purge"),
    # CVE allowlists
    pytest.param(lambda: CveAllowlist(cve_ids=("CVE-2024-3094", " ")), "CveAllowlist.cve_ids", " ",
                 id="cve-id-blank"),
    pytest.param(lambda: CveAllowlist(cve_ids=("CVE-2024-3094 ",)), "CveAllowlist.cve_ids", "CVE-2024-3094 ",
                 id="cve-id-with-space"),
    pytest.param(lambda: CveAllowlist(cve_ids=("CVE-2024-3094", "CVE-2024-3094")), "CveAllowlist.cve_ids",
                 "CVE-2024-3094", id="cve-id-twice"),
    pytest.param(lambda: CveAllowlist(cve_ids="CVE-2024-3094"), "CveAllowlist.cve_ids", "CVE-2024-3094",
                 id="cve-ids-as-one-string"),
    pytest.param(lambda: CveAllowlist(expires_at=datetime(2030, 1, 1)), "CveAllowlist.expires_at",
                 datetime(2030, 1, 1), id="expiry-without-timezone"),
    pytest.param(lambda: CveAllowlist(expires_at=1893456000), "CveAllowlist.expires_at", 1893456000,
                 id="expiry-as-number"),
    # on a project
    pytest.param(lambda: Project(name="library", retention=(latest(10),)), "Project.retention", (latest(10),),
                 id="retention-as-rules"),
    pytest.param(lambda: Project(name="library", immutable_rules=(RELEASES,)), "Project.immutable_rules", RELEASES,
                 id="immutable-rules-as-selectors"),
    pytest.param(lambda: Project(name="library", immutable_rules=(ImmutableTagRule(repositories=ALL, tags=RELEASES),
                                                                  ImmutableTagRule(repositories=ALL, tags=RELEASES))),
                 "Project.immutable_rules", ImmutableTagRule(repositories=ALL, tags=RELEASES),
                 id="identical-immutable-rules"),
    pytest.param(lambda: ProxyCacheProject(name="hub", endpoint=HUB, cve_allowlist=("CVE-2024-3094",)),
                 "ProxyCacheProject.cve_allowlist", ("CVE-2024-3094",), id="allowlist-as-ids"),
]


@pytest.mark.parametrize("build, field, value", BAD)
def test_bad_input_names_field_and_value(build, field, value):
    with pytest.raises(ValueError, match=re.escape(field)) as raised:
        build()
    assert repr(value) in str(raised.value)


def test_a_bad_declaration_stops_the_synthesis_before_any_output(tmp_path: Path):
    """The five errors of the issue surface from the build, and nothing is written."""
    target = tmp_path / "dist"
    target.mkdir()
    (target / "kept.yaml").write_text("kept: true\n")
    before = folder_bytes(target)

    def build(outdir: str) -> cdk8s.App:
        Project(name="library", retention=RetentionPolicy(rules=(latest(0),)))
        raise AssertionError("the declaration above must have failed")

    with pytest.raises(ValueError, match=re.escape("RetentionRule.count")):
        synthesize(build, target)
    assert folder_bytes(target) == before


@pytest.mark.parametrize("problem", ["count", "template", "pattern", "audit", "immutable"])
def test_each_of_the_issues_errors_says_why(problem):
    cases = {
        "count": (lambda: latest(0), "RetentionTemplate.NOTHING"),
        "template": (lambda: RetentionRule(template="keepAll"), "latestPushedK"),
        "pattern": (lambda: PatternSelector(pattern="release-[0-9"), "ErrBadPattern"),
        "audit": (lambda: AuditLogPurge(schedule="0 0 4 * * 0", retention_hours=0), "does nothing with 0"),
        "immutable": (lambda: ImmutableTagRule(repositories=ALL), "protect nothing"),
    }
    build, why = cases[problem]
    with pytest.raises(ValueError, match=re.escape(why)):
        build()


# ---- doublestar: what Harbor's matcher can read ------------------------------------------------------------

# Patterns of doublestar v1.3.4's own table (doublestar_test.go, matchTests) that it reads, and those for
# which it answers ErrBadPattern. "a[" is refused here although doublestar answers nothing for the name
# "a": it reads patterns lazily, and "ab" gets ErrBadPattern.
READABLE = ["*", "/*", "abc", "*c", "*/", "a*/b", "a*b*c*d*e*/f", "a*b?c*x", "ab[c]", "ab[b-d]", "ab[^c]",
            "ab[^e-g]", "a\\*b", "a[^a]b", "[a-ζ]*", "[\\]a]", "[\\-]", "[x\\-]", "[\\-x]", "[abc]", "a/**", "**/c",
            "a/**/b", "a/\\**", "a//b/c", "ab{c,d}", "ab{c,d,*}", "a{,bc}", "a/{b/c,c/b}", "{a/{b,c},abc}",
            "{a/ab*}", "**/*.txt", "**/【*", "v*", "{main,release-*}", "v[0-9]*", "[^]"]
UNREADABLE = ["[]a]", "[-]", "[x-]", "[-x]", "\\", "[a-b-c]", "[", "[^", "[^bc", "a[", "ab{c,d}[", "{a,b", "x{y,[}z",
              "[\\]", "a{b,c\\}"]


@pytest.mark.parametrize("pattern", READABLE)
def test_patterns_doublestar_reads_are_accepted(pattern):
    assert pattern_problem(pattern) is None
    assert PatternSelector(pattern=pattern).pattern == pattern


@pytest.mark.parametrize("pattern", UNREADABLE)
def test_patterns_doublestar_refuses_are_refused(pattern):
    assert pattern_problem(pattern)
    with pytest.raises(ValueError, match=re.escape("PatternSelector.pattern")):
        PatternSelector(pattern=pattern)


def test_alternatives_are_read_with_the_rest_of_the_pattern():
    """doublestar matches each alternative followed by the rest: "{[a,b}]" reads as "[a]" or "b]"."""
    assert pattern_problem("{[a,b}]") is None
    assert pattern_problem("{[a,b}") is not None


# ---- what reaches the document ------------------------------------------------------------------------------

def test_rules_are_written_as_harbors_retention_api_takes_them():
    rule = RetentionRule(template=RetentionTemplate.LATEST_PUSHED, count=10, untagged=False)
    assert rule.document() == {
        "action": "retain", "template": "latestPushedK", "params": {"latestPushedK": 10},
        "tag_selectors": [{"kind": "doublestar", "decoration": "matches", "pattern": "**",
                           "extras": '{"untagged":false}'}],
        "scope_selectors": {"repository": [{"kind": "doublestar", "decoration": "repoMatches", "pattern": "**"}]}}
    days = RetentionRule(template="nDaysSinceLastPull", days=30,
                         repositories=PatternSelector(pattern="library/*", exclude=True))
    assert days.template is RetentionTemplate.PULLED_WITHIN_DAYS
    assert days.document()["params"] == {"nDaysSinceLastPull": 30}
    assert days.document()["scope_selectors"]["repository"][0]["decoration"] == "repoExcludes"
    assert RetentionRule(template=RetentionTemplate.ALWAYS).document()["params"] == {}


def test_nothing_goes_to_harbor_as_the_latest_zero_pushed():
    """Harbor does not register its `nothing` evaluator; latestPushedK 0 keeps nothing as well."""
    rule = RetentionRule(template=RetentionTemplate.NOTHING, repositories=PatternSelector(pattern="tmp/**"))
    assert rule.document()["template"] == "latestPushedK"
    assert rule.document()["params"] == {"latestPushedK": 0}
    assert RetentionRule(template="nothing").template is RetentionTemplate.NOTHING


@pytest.mark.parametrize("exclude, untagged, flag", [
    (False, True, True), (False, False, False),
    # doublestar's tagSelectExclude answers !untagged for an artifact without tags
    (True, True, False), (True, False, True),
])
def test_untagged_says_what_the_rule_does_whatever_the_decoration(exclude, untagged, flag):
    rule = latest(5, tags=PatternSelector(pattern="*-rc*", exclude=exclude), untagged=untagged)
    selector = rule.document()["tag_selectors"][0]
    assert selector["decoration"] == ("excludes" if exclude else "matches")
    assert json.loads(selector["extras"]) == {"untagged": flag}
    # and the applier reads the flag back the way doublestar.New does
    assert retention.untagged(selector) is flag


def test_immutable_rules_are_written_as_harbors_ui_writes_them():
    rule = ImmutableTagRule(repositories=ALL, tags=RELEASES)
    assert rule.document() == {
        "action": "immutable", "template": "immutable_template",
        "tag_selectors": [{"kind": "doublestar", "decoration": "matches", "pattern": "v*"}],
        "scope_selectors": {"repository": [{"kind": "doublestar", "decoration": "repoMatches", "pattern": "**"}]}}


def test_the_allowlist_keeps_unix_seconds_and_its_order():
    when = datetime(2030, 1, 1, 1, tzinfo=timezone(timedelta(hours=1)))
    allowlist = CveAllowlist(cve_ids=["CVE-2024-3094", "GHSA-xxxx-yyyy-zzzz"], expires_at=when)
    assert allowlist.cve_ids == ("CVE-2024-3094", "GHSA-xxxx-yyyy-zzzz")
    assert allowlist.document() == {"items": ["CVE-2024-3094", "GHSA-xxxx-yyyy-zzzz"], "expires_at": 1893456000}
    assert CveAllowlist().document() == {"items": [], "expires_at": None}


def test_the_purge_defaults_to_every_event():
    purge_ = AuditLogPurge(schedule="0 0 4 * * 0", retention_hours=720)
    assert purge_.event_types == ALL_AUDIT_EVENTS
    assert purge_.document() == {"schedule": "0 0 4 * * 0", "retention_hours": 720,
                                 "event_types": ["create_artifact", "delete_artifact", "pull_artifact", "other"]}
    assert AuditLogPurge(schedule="0 0 4 * * 0", retention_hours=1,
                         event_types=["pull_artifact"]).event_types == (AuditEventType.PULL_ARTIFACT,)


def test_projects_and_system_carry_them_into_the_document():
    policy = RetentionPolicy(rules=(latest(10), RetentionRule(template=RetentionTemplate.ALWAYS, tags=RELEASES)),
                             schedule="0 0 1 * * *")
    library = Project(name="library", retention=policy,
                      immutable_rules=[ImmutableTagRule(repositories=ALL, tags=RELEASES)],
                      cve_allowlist=CveAllowlist(cve_ids=("CVE-2024-3094",)))
    assert isinstance(library.immutable_rules, tuple)
    cache = ProxyCacheProject(name="dockerhub", endpoint=HUB,
                              retention=RetentionPolicy(rules=(RetentionRule(
                                  template=RetentionTemplate.PULLED_WITHIN_DAYS, days=30),)))
    config = HarborConfiguration(endpoints=(HUB,), projects=(library, cache), system=SystemSettings(
        gc_schedule="0 0 3 * * *", audit_log_purge=AuditLogPurge(schedule="0 0 4 * * 0", retention_hours=720)))
    document = json.loads(config.to_json())
    assert document["version"] == DOCUMENT_VERSION == 3
    projects = {p["name"]: p for p in document["projects"]}
    assert projects["library"]["retention"] == policy.document()
    assert projects["library"]["immutable_rules"] == [ImmutableTagRule(repositories=ALL, tags=RELEASES).document()]
    assert projects["library"]["cve_allowlist"] == {"items": ["CVE-2024-3094"], "expires_at": None}
    assert projects["dockerhub"]["retention"]["schedule"] is None
    assert projects["dockerhub"]["immutable_rules"] is None and projects["dockerhub"]["cve_allowlist"] is None
    assert document["system"]["audit_log_purge"]["retention_hours"] == 720
    # an empty tuple is a declaration too: no immutable rules (the others are removed with prune)
    assert replace(library, immutable_rules=()).document()["immutable_rules"] == []


def test_declarations_are_frozen():
    with pytest.raises(AttributeError):
        RELEASES.pattern = "**"  # type: ignore[misc]
    with pytest.raises(AttributeError):
        latest(10).count = 0  # type: ignore[misc]


# ---- the applier knows the same facts as the model ---------------------------------------------------------

def test_the_applier_offers_the_templates_the_model_writes():
    written = {RetentionRule(template=t, **({"count": 1} if t in (RetentionTemplate.LATEST_PUSHED,
                                                                  RetentionTemplate.LATEST_PULLED) else
                                           {"days": 1} if "Days" in t.value else {})).document()["template"]
               for t in RetentionTemplate}
    assert written == set(retention.TEMPLATES)
    assert retention.TAG_DECORATIONS == ("matches", "excludes")
    assert immutable.TAG_DECORATIONS is retention.TAG_DECORATIONS


def test_the_applier_knows_the_event_types_the_model_offers():
    assert {t.value for t in AuditEventType} == {*purge.EVENT_TYPES, purge.OTHER}
    assert purge.purged("create_artifact,delete_artifact,pull_artifact,other") == frozenset(purge.EVENT_TYPES)
    # split on "," without trimming, and only the lower-case spelling matches in Harbor's SQL
    assert purge.purged("pull_artifact, create_artifact") == {"pull_artifact"}
    assert purge.purged("Pull_Artifact,OTHER") == frozenset(purge.OTHER_TYPES)
