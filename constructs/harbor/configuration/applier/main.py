"""The run: settings and declaration first, Harbor's health next, then every kind, phase by phase."""

from __future__ import annotations

import logging
import sys

from .allowlist import CveAllowlists
from .auth import Authentication
from .client import Harbor
from .context import Kind, Run
from .declaration import load_declaration
from .errors import Failure, QuotaBelowUsage, Skipped
from .immutable import ImmutableTags
from .members import Members
from .ownership import Prune
from .projects import Projects
from .purge import AuditLogPurge
from .record import Record
from .registries import Registries
from .retention import Retention
from .robots import Robots
from .schedules import SystemSchedules
from .settings import Settings
from .system_settings import SystemConfiguration

# The kinds in the order of application: a kind after those it refers to (a proxy-cache project after
# its registry, a robot or a member after its project). Authentication comes first: Harbor refuses to
# change the auth mode once users other than admin exist, and members may need the new mode. Prune runs
# the kinds' deletions in the reverse order, dependents first. Record writes what the job must remember
# (record.py). SystemConfiguration comes last: it sets read-only mode, after which Harbor refuses every
# other write. A new kind is one module and one line here.
KINDS: tuple[type[Kind], ...] = (
    Authentication,
    Registries,
    Projects,
    Retention,
    ImmutableTags,
    CveAllowlists,
    Members,
    Robots,
    Prune,
    SystemSchedules,
    AuditLogPurge,
    Record,
    SystemConfiguration,
)

log = logging.getLogger("harbor-config")


def apply(run: Run) -> None:
    """Every kind's inspect (reads and conflict checks, no write), then every kind's apply; the summary."""
    for kind in run.kinds:
        kind.inspect(run)
    for kind in run.kinds:
        kind.apply(run)
    if run.quotas_held:
        log.info("applied %d changes; storage quotas not applied: %s", run.changes, ", ".join(sorted(run.quotas_held)))
        raise QuotaBelowUsage(
            "not everything was applied: " + "; ".join(f"project {name}: {why}" for name, why in
                                                      sorted(run.quotas_held.items()))
            + (f"; and registries {', '.join(sorted(run.skipped))} were skipped (Harbor could not ping their "
               "upstream)" if run.skipped else "")
            + ("; and " + "; ".join(run.pending) if run.pending else "")
            + ". Harbor would take such a quota and then refuse every push to the project: raise the declared "
            "quota, or delete artifacts (retention) and run garbage collection, then sync again")
    if run.skipped:
        log.info("applied %d changes; skipped registries: %s; skipped proxy caches: %s", run.changes,
                 ", ".join(sorted(run.skipped)), ", ".join(run.skipped_projects) or "none")
        raise Skipped(
            "not everything was applied: registries " + ", ".join(sorted(run.skipped)) + " (Harbor could not "
            "ping their upstream)" + (", and the proxy caches bound to them: " + ", ".join(run.skipped_projects)
                                      if run.skipped_projects else "")
            + ("; and " + "; ".join(run.pending) if run.pending else "")
            + "; everything else is applied. Failing so that the sync is retried: a later run applies them "
            "once Harbor reaches the upstream (check its address, the network policy and the credential)")
    if run.pending:
        log.info("applied %d changes; not applied yet: %d", run.changes, len(run.pending))
        raise Skipped("not everything was applied: " + "; ".join(run.pending) + ". Everything else is applied. "
                      "Failing so that the sync is retried: a later run applies them once the cause is gone")
    if run.changes == 0:
        log.info("nothing changed: Harbor already matches the declaration (%d registries, %d projects)",
                 len(run.doc["registries"]), len(run.doc["projects"]))
    else:
        log.info("done: %d changes applied", run.changes)


def main() -> int:
    logging.basicConfig(stream=sys.stdout, level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s",
                        datefmt="%Y-%m-%dT%H:%M:%S%z")
    try:
        settings = Settings()
        doc = load_declaration(settings.config_file, KINDS)
        kinds = tuple(kind(doc) for kind in KINDS)      # each reads what it needs from the environment
        harbor = Harbor(settings)
        harbor.wait_healthy(settings.health_deadline, settings.health_interval)
        apply(Run(harbor, doc, kinds, settings.password))
    except Failure as failure:
        log.error("%s", failure)
        return failure.exit_code
    return 0
