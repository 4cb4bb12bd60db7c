"""How a run ends: the exit codes, and the exceptions that carry them to main."""

from __future__ import annotations

EXIT_INPUT, EXIT_UNHEALTHY, EXIT_AUTH, EXIT_CONFLICT, EXIT_HARBOR, EXIT_SKIPPED = 1, 2, 3, 4, 5, 6
# everything applied, but a declared storage quota lies below what its project already uses: reported, not
# applied (projects.Projects.apply_quota), and it needs a person (raise the quota, or free space)
EXIT_QUOTA = 7


class Failure(Exception):
    """Stops the run; the message is printed as is and the exit code tells the kind."""

    exit_code = EXIT_HARBOR


class InputError(Failure):
    exit_code = EXIT_INPUT


class Unhealthy(Failure):
    exit_code = EXIT_UNHEALTHY


class AuthFailure(Failure):
    exit_code = EXIT_AUTH


class Conflict(Failure):
    exit_code = EXIT_CONFLICT


class HarborError(Failure):
    exit_code = EXIT_HARBOR

    def __init__(self, message: str, status: int | None = None, detail: str = "") -> None:
        super().__init__(message)
        self.status = status
        self.detail = detail            # Harbor's own error text, "CODE: message"


class Skipped(Failure):
    """Everything else was applied; some registries (and their caches) could not be."""

    exit_code = EXIT_SKIPPED


class QuotaBelowUsage(Failure):
    """Everything else was applied; the storage quota of some projects was not, being below their usage."""

    exit_code = EXIT_QUOTA


class Transient(Exception):
    """A connection error or a 5xx answer: worth another attempt. `status` and `detail` as HarborError's
    for an answer, None and "" for a connection error."""

    def __init__(self, message: str, status: int | None = None, detail: str = "") -> None:
        super().__init__(message)
        self.status = status
        self.detail = detail
