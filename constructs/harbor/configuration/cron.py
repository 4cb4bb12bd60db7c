"""Harbor's cron: six fields, seconds first, the seconds field exactly "0".

Every schedule of the declaration (scan all, garbage collection, audit-log purge, tag retention) is
checked here, where the value enters; the project's other modules import `check_cron` from here.
"""

from __future__ import annotations

from collections.abc import Mapping

from ..kit.validation import fail

_MONTHS = {name: i for i, name in enumerate(
    ("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"), start=1)}
_DAYS = {name: i for i, name in enumerate(("SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"))}
# (name, lowest, highest, names, whether '?' is allowed)
_CRON_FIELDS = (
    ("second", 0, 59, {}, False),
    ("minute", 0, 59, {}, False),
    ("hour", 0, 23, {}, False),
    ("day of month", 1, 31, {}, True),
    ("month", 1, 12, _MONTHS, False),
    ("day of week", 0, 6, _DAYS, True),
)


def _cron_value(token: str, low: int, high: int, names: Mapping[str, int]) -> int | None:
    if token.upper() in names:
        return names[token.upper()]
    if token.isdigit() and low <= int(token) <= high:
        return int(token)
    return None


def _cron_field_ok(text: str, low: int, high: int, names: Mapping[str, int], question: bool) -> bool:
    for item in text.split(","):
        base, slash, step = item.partition("/")
        if slash and (not step.isdigit() or int(step) < 1):
            return False
        if base in ("*", "?"):
            if base == "?" and (not question or slash):
                return False
            continue
        first, dash, last = base.partition("-")
        start = _cron_value(first, low, high, names)
        if start is None:
            return False
        if dash:
            end = _cron_value(last, low, high, names)
            if end is None or end < start:
                return False
    return True


def check_cron(field: str, value: object) -> str:
    """A six-field cron expression (second minute hour day-of-month month day-of-week), as Harbor takes it."""
    rule = "a six-field cron expression 'second minute hour day-of-month month day-of-week', e.g. '0 0 2 * * *'"
    if not isinstance(value, str):
        raise fail(field, rule, value)
    parts = value.split()
    if len(parts) != len(_CRON_FIELDS):
        raise fail(field, rule + f" (Harbor's cron has seconds first; got {len(parts)} fields)", value)
    for text, (name, low, high, names, question) in zip(parts, _CRON_FIELDS):
        if not _cron_field_ok(text, low, high, names, question):
            raise fail(field, rule + f" (the {name} field {text!r} is not valid: values {low}-{high}, '*', "
                                     "ranges a-b, steps /n, lists a,b)", value)
    # Harbor's schedule handlers (scan all, GC, audit-log purge) call ValidateCronString
    # (src/common/utils/utils.go), which refuses a six-field cron whose seconds field is anything but
    # the literal "0" (not "00", not "*/30") with HTTP 400. Harbor splits on single spaces there, so
    # it misses a cron with doubled spaces; the rule is applied here whatever the spacing.
    if parts[0] != "0":
        raise fail(field, rule + f" whose seconds field is exactly '0' (Harbor refuses {parts[0]!r}: its "
                                 "schedules run at most once a minute, on the minute)", value)
    return value
