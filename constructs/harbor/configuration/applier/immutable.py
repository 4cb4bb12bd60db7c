"""Immutable tag rules of the declared projects that declare them.

How Harbor keeps a rule (src/pkg/immutable/, src/controller/immutable/controller.go): the selectors as
JSON (tag_filter, unique per project: a second identical rule is a 409), the `disabled` flag in a column
of its own. POST always creates the rule enabled, whatever `disabled` says (CreateImmutableRule in
dao/dao.go). A PUT whose `disabled` differs from the stored flag only toggles the flag and ignores the
rest of the body, so repairing a rule that was disabled and edited takes two PUTs. Only the first
repository selector and the first tag selector count (src/pkg/immutable/match/rule/match.go).

A declared rule is found among Harbor's by those two selectors (decoration and pattern): a rule with the
same selectors is the declared one, and is repaired if it was disabled or otherwise changed; a rule
with other selectors is another rule. A project that declares its immutable rules (even none) owns all
of them: the rules it does not declare are deleted when prune is on, and reported otherwise. A project
whose immutable_rules is None is left alone.
"""

from __future__ import annotations

import json
import logging

from .context import Kind, Run
from .declaration import need
from .errors import InputError
from .projects import BY_NAME
from .retention import REPOSITORY_DECORATIONS, TAG_DECORATIONS, check_selector

log = logging.getLogger("harbor-config")


def first(rule: dict, tag: bool) -> dict | None:
    """The selector Harbor's matcher reads: the first tag selector, or the first repository selector."""
    selectors = rule.get("tag_selectors") if tag else (rule.get("scope_selectors") or {}).get("repository")
    return selectors[0] if selectors else None


def identity(rule: dict) -> tuple[str, ...] | None:
    """Which tags of which repositories the rule protects; None for a rule Harbor skips (a selector missing)."""
    repository, tag = first(rule, tag=False), first(rule, tag=True)
    if repository is None or tag is None:
        return None
    return (repository.get("decoration") or "", repository.get("pattern") or "", tag.get("decoration") or "",
            tag.get("pattern") or "")


def canonical(rule: dict) -> str:
    """What the rule stores, minus id, priority and the flag: comparable with a declared rule."""
    def selector(s: dict) -> dict:
        return {"kind": s.get("kind") or "", "decoration": s.get("decoration") or "", "pattern": s.get("pattern") or ""}
    return json.dumps({"action": rule.get("action") or "", "template": rule.get("template") or "",
                       "tag_selectors": [selector(s) for s in rule.get("tag_selectors") or []],
                       "scope_selectors": {key: [selector(s) for s in value or []]
                                           for key, value in (rule.get("scope_selectors") or {}).items()}},
                      sort_keys=True)


def describe(rule: dict) -> str:
    key = identity(rule)
    if key is None:
        return "without a repository or tag selector (Harbor skips it)"
    verbs = {"repoMatches": "matching", "repoExcludes": "excluding", "matches": "matching", "excludes": "excluding"}
    return (f"tags {verbs.get(key[2], key[2])} {key[3]!r} in repositories {verbs.get(key[0], key[0])} {key[1]!r}"
            + (" [disabled]" if rule.get("disabled") else ""))


class ImmutableTags(Kind):
    @classmethod
    def check(cls, doc: dict) -> None:
        for project in doc["projects"]:          # checked by Projects, which comes first
            where = f"project {project['name']!r}"
            rules = need(project, "immutable_rules", (list, type(None)), where)
            for index, rule in enumerate(rules or []):
                at = f"{where}.immutable_rules[{index}]"
                need(rule, "action", str, at)
                need(rule, "template", str, at)
                tags = need(rule, "tag_selectors", list, at)
                repositories = need(need(rule, "scope_selectors", dict, at), "repository", list, at + ".scope_selectors")
                if len(tags) != 1 or len(repositories) != 1:
                    raise InputError(f"declaration: {at} must have one tag selector and one repository selector")
                check_selector(tags[0], TAG_DECORATIONS, at + ".tag_selectors[0]")
                check_selector(repositories[0], REPOSITORY_DECORATIONS, at + ".scope_selectors.repository[0]")

    def __init__(self, doc: dict) -> None:
        super().__init__(doc)
        self.current: dict[str, list[dict]] = {}    # project -> Harbor's rules, listed by inspect
        self.undeclared: dict[str, list[dict]] = {}  # project -> its rules the declaration does not list

    def inspect(self, run: Run) -> None:
        for project in self.doc["projects"]:
            if project["immutable_rules"] is not None and project["name"] in run.projects:
                self.current[project["name"]] = run.harbor.list_all(
                    f"/projects/{project['name']}/immutabletagrules", headers=BY_NAME)

    def apply(self, run: Run) -> None:
        for project in self.doc["projects"]:
            name, declared = project["name"], project["immutable_rules"]
            if declared is None or name in run.skipped_projects:
                continue
            left = list(self.current.get(name, []))      # a project this run created has none
            for rule in declared:
                found = next((r for r in left if identity(r) == identity(rule)), None)
                if found is None:
                    run.harbor.request("POST", f"/projects/{name}/immutabletagrules", headers=BY_NAME,
                                       body={**rule, "disabled": False}, create=True)
                    run.action("created immutable tag rule of project %s: %s", name, describe(rule))
                    continue
                left.remove(found)
                self.repair(run, name, found, rule)
            self.undeclared[name] = left

    @staticmethod
    def repair(run: Run, name: str, current: dict, declared: dict) -> None:
        path = f"/projects/{name}/immutabletagrules/{current['id']}"
        body = {**declared, "id": current["id"], "disabled": False}
        if current.get("disabled"):
            # a PUT that changes the flag changes nothing else: enable first, then rewrite if need be
            run.harbor.request("PUT", path, headers=BY_NAME, body=body)
            run.action("enabled immutable tag rule %s of project %s again: %s", current["id"], name,
                       describe(declared))
        if canonical(current) != canonical(declared):
            before, after = json.loads(canonical(current)), json.loads(canonical(declared))
            run.harbor.request("PUT", path, headers=BY_NAME, body=body)
            run.action("updated immutable tag rule %s of project %s (%s): %s", current["id"], name, describe(declared),
                       ", ".join(f"{key} {json.dumps(before[key])} -> {json.dumps(after[key])}"
                                 for key in sorted(after) if before[key] != after[key]))

    def prune(self, run: Run) -> None:
        """The rules of a project that declares its rules, which the declaration does not list."""
        for name, rules in sorted(self.undeclared.items()):
            for rule in rules:
                if not self.doc["prune"]:
                    log.info("kept immutable tag rule %s of project %s (%s): not declared, but prune is off",
                             rule["id"], name, describe(rule))
                    continue
                run.harbor.request("DELETE", f"/projects/{name}/immutabletagrules/{rule['id']}", headers=BY_NAME)
                run.action("deleted immutable tag rule %s of project %s (%s): not declared", rule["id"], name,
                           describe(rule))
