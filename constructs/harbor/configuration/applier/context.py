"""The common shape of a resource kind (`Kind`) and what one run shares between kinds (`Run`)."""

from __future__ import annotations

import logging

from .client import Harbor

log = logging.getLogger("harbor-config")


class Run:
    """One run: the client, the declaration, Harbor's state as the kinds read it, and the action count.

    Kinds talk to each other only through this object: a kind that another needs (a proxy cache needs
    its registry's id) records what it learnt here, and the order of main.KINDS makes it available.
    """

    def __init__(self, harbor: Harbor, doc: dict, kinds: tuple[Kind, ...], key: str) -> None:
        self.harbor = harbor
        self.doc = doc
        self.kinds = kinds                   # in the order of application
        self.key = key.encode("utf-8")       # keys the credential fingerprints (registries.fingerprint)
        self.changes = 0
        # Harbor's objects by name, listed before the first write (by each kind's inspect); prune removes
        # what it deletes, so that a later kind sees what is left
        self.registries: dict[str, dict] = {}
        self.projects: dict[str, dict] = {}
        self.registry_ids: dict[str, int] = {}   # declared registry -> its id in Harbor, once applied
        self.skipped: dict[str, str] = {}        # registry name -> why it was skipped
        self.skipped_projects: list[str] = []
        # project -> why its declared storage quota was not applied (below its usage; projects.py)
        self.quotas_held: dict[str, str] = {}
        # access (auth.py, robots.py, members.py, system_settings.py, record.py): Harbor's configuration
        # as GET /configurations answered it before the first write, the job's record (record.py), and
        # what was declared but could not be applied yet, each with the reason (the run ends EXIT_SKIPPED)
        self.configurations: dict[str, dict] = {}
        self.record: dict[str, dict] = {"secrets": {}, "members": {}}
        self.pending: list[str] = []

    def action(self, message: str, *args: object) -> None:
        """Log one change Harbor made; the count decides the closing line."""
        self.changes += 1
        log.info(message, *args)


class Kind:
    """One kind of object the declaration configures, in one module; main.KINDS lists them.

    A run goes through the kinds phase by phase, each phase over every kind in the order of
    main.KINDS, so that nothing is written before every kind has had its say:
      check(doc)     the kind's part of the declaration is well formed (class method; InputError);
      __init__(doc)  read what the declaration names in the environment (credentials), before any call;
      inspect(run)   read Harbor's current state and stop on a conflict, before any kind writes;
      apply(run)     create and update until Harbor matches the declaration;
      prune(run)     delete (prune on) or report (prune off) what the job owns and the declaration no
                     longer lists; called by ownership.Prune, last kind first, so that an object goes
                     before the objects it refers to.
    Every phase but apply does nothing unless the kind needs it.
    """

    @classmethod
    def check(cls, doc: dict) -> None:
        """Raise InputError when the kind's part of `doc` is not what HarborConfiguration.to_json() writes."""

    def __init__(self, doc: dict) -> None:
        self.doc = doc

    def inspect(self, run: Run) -> None:
        """Read Harbor's state that apply (or a later kind) compares with; raise Conflict before any write."""

    def apply(self, run: Run) -> None:
        raise NotImplementedError

    def prune(self, run: Run) -> None:
        """Delete what this job owns of this kind and the declaration dropped (only when doc["prune"])."""
