"""Apply a declared Harbor configuration (authentication, registries, projects, members, robots, schedules,
system settings) through Harbor's REST API.

Runs as a Kubernetes Job after each Argo CD sync, on a stock Python image: standard library only, a
folder of modules shipped in the Job's ConfigMap and run as `python3 -I /config/applier` (see
__main__.py for why a folder). It is idempotent: it creates what is missing, updates what differs,
and a second run makes no write at all and says so. Every action is one log line.

Modules:
  __main__.py     entry point: makes the folder importable as a package, runs main.main()
  main.py         the run: settings, declaration, health wait, the kinds phase by phase; KINDS
  errors.py       exit codes and the exceptions that carry them
  settings.py     the environment below
  client.py       Harbor's API: auth, JSON, retries of 5xx and connection errors, the 401 explanation,
                  the health wait
  declaration.py  reads the document and checks its version; each kind checks its own part
  context.py      Kind, the common shape of a resource kind, and Run, what one run shares
  registries.py   registry endpoints and their credentials (kind)
  projects.py     projects: metadata, quotas, proxy-cache binding (kind)
  ownership.py    ownership marks, and Prune, which runs the kinds' deletions (kind)
  schedules.py    scan-all and garbage-collection schedules (kind)
  auth.py         OIDC or LDAP login, first of all; reads GET /configurations for the run (kind)
  members.py      project members, OIDC or LDAP groups and users (kind)
  robots.py       robot accounts and their secrets (kind)
  record.py       the job's record: fingerprints of write-only secrets, the members it added (kind)
  system_settings.py  system settings and the system CVE allowlist; read-only mode last (kind)
  retention.py    each project's tag retention policy, found through its metadata retention_id (kind)
  immutable.py    each project's immutable tag rules (kind)
  allowlist.py    each project's CVE allowlist (kind)
  purge.py        the audit-log purge schedule (kind)
A new kind (robots, retention, ...) is one module with a subclass of context.Kind and one line in
main.KINDS. Every module here is shipped: the library lists the folder (applier_files()).

Environment:
  HARBOR_URL                       Harbor's base URL, e.g. http://harbor-core.harbor.svc (required)
  HARBOR_ADMIN_USER                Harbor user with system-admin rights (default: admin)
  HARBOR_ADMIN_PASSWORD            its password (required)
  HARBOR_CONFIG_FILE               path of the JSON declaration (required)
  HARBOR_HEALTH_DEADLINE_SECONDS   how long to wait for /api/v2.0/health to say healthy (default 600)
  HARBOR_HEALTH_INTERVAL_SECONDS   pause between two health checks (default 5)
  HARBOR_RETRY_ATTEMPTS            attempts per request on 5xx answers and connection errors (default 5)
  HARBOR_RETRY_DELAY_SECONDS       first pause between attempts, doubled each time (default 1)
  HARBOR_RETRY_MAX_DELAY_SECONDS   longest pause between attempts (default 30)
  HARBOR_REQUEST_TIMEOUT_SECONDS   timeout of one HTTP request (default 30)
  HARBOR_CA_FILE                   PEM CA bundle that verifies an https HARBOR_URL, instead of the
                                   system CAs (for a Harbor behind a private CA; default: system CAs)
  plus, for each registry with a credential, the two variables the declaration names, for each robot
  its secret's variable, and for OIDC or LDAP login the variables of its secrets.

Ownership, which decides what `prune` may delete (ownership.py): a registry is owned when its
description ends with the marker "[managed-by=harbor-gitops...]", a project when it carries the
project label "harbor-gitops", and the immutable tag rules of a project that declares its rules are
all owned (immutable.py). Without prune nothing is ever deleted; with prune, owned objects the
declaration no longer lists are deleted, except a project that still holds repositories, or a
registry a project still uses (both are reported and kept).

Unreachable upstreams (registries.py): a registry whose upstream Harbor cannot ping is skipped, with
the proxy-cache projects bound to it; everything else is applied, the skips are listed, and the run
ends with exit code 6, so that the sync is marked failed and retried.

Storage quotas (projects.py): a declared quota below what its project already uses is reported and not
applied (Harbor would take it and refuse every later push); the rest is applied, and the run ends with
exit code 7.

Robots and members (robots.py, members.py): a robot is owned when its description ends with
"[managed-by=harbor-gitops secret=<fingerprint>]"; a member when the job's record lists it. A member
Harbor cannot resolve yet (an OIDC user who never logged in) is left for a later run: the rest is
applied, and the run ends with exit code 6. No secret is ever logged.

Exit codes: 0 applied (or nothing to do), 1 bad input, 2 Harbor not healthy in time, 3 credentials
rejected, 4 a name is taken by an object of another kind, 5 Harbor kept failing or refused a change,
6 everything applied except registries whose upstream Harbor could not ping (and their caches), or
members and robots Harbor cannot resolve yet, 7 everything applied except storage quotas below their
project's usage (7 wins over 6: it needs a person).
"""
