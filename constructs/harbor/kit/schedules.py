"""Cron schedules, checked where they enter, in the two dialects the cluster's controllers read.

Three controllers parse the schedules this library writes, all with robfig/cron v1.2.0:
- Kubernetes CronJobs (the database backup) and Longhorn RecurringJobs (Longhorn v1.12.1
  `datastore/longhorn.go` ValidateRecurringJob calls `cron.ParseStandard`) take the standard five
  fields: minute, hour, day of month, month, day of week;
- CloudNativePG's ScheduledBackup (v1.30.0 `internal/controller/scheduledbackup_controller.go` and its
  webhook call `cron.Parse`) takes six, **seconds first**. A five-field string passes its webhook
  with a mere warning and means something else: "0 2 * * *" runs at minute 2 of every hour.

So every schedule is given in the standard five fields and checked here; `seconds_first` turns it
into CloudNativePG's six. A malformed schedule fails with the field's name before anything is
written, instead of a controller rejecting (or misreading) it in the cluster.
"""

# Strict typing, but the isinstance checks stay: they are for callers without a type checker, whom a
# wrong type should stop here, naming the field, rather than deep inside jsii.
# pyright: reportUnnecessaryIsInstance=false

from __future__ import annotations

import re

from .validation import fail

# robfig/cron v1.2.0 parser.go: the descriptors ParseStandard accepts (`@every <duration>` too, left out:
# Kubernetes documents only these).
DESCRIPTORS = ("@yearly", "@annually", "@monthly", "@weekly", "@daily", "@midnight", "@hourly")
MONTHS = ("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC")
DAYS = ("SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT")
# (name, lowest, highest, names) per field, robfig/cron v1.2.0 spec.go bounds
FIELDS: tuple[tuple[str, int, int, tuple[str, ...]], ...] = (
    ("minute", 0, 59, ()),
    ("hour", 0, 23, ()),
    ("day of month", 1, 31, ()),
    ("month", 1, 12, MONTHS),
    ("day of week", 0, 6, DAYS),
)
_ITEM = re.compile(r"(?P<range>\*|\?|[A-Za-z0-9]+(?:-[A-Za-z0-9]+)?)(?:/(?P<step>[0-9]+))?")
RULE = ("a cron schedule of five fields, minute hour day-of-month month day-of-week (e.g. '30 2 * * *'), "
        "or one of " + ", ".join(DESCRIPTORS))


def _value(token: str, low: int, names: tuple[str, ...]) -> int | None:
    if token.isdigit():
        return int(token)
    upper = token.upper()
    return names.index(upper) + (low if names is MONTHS else 0) if upper in names else None


def _field_ok(text: str, low: int, high: int, names: tuple[str, ...], wildcard_question: bool) -> bool:
    for item in text.split(","):
        match = _ITEM.fullmatch(item)
        if match is None:
            return False
        part, step = match.group("range"), match.group("step")
        if step is not None and int(step) < 1:
            return False
        if part in ("*", "?"):
            if part == "?" and not wildcard_question:
                return False
            continue
        bounds: list[int] = []
        for token in part.split("-"):
            number = _value(token, low, names)
            if number is None or not low <= number <= high:
                return False
            bounds.append(number)
        if bounds[0] > bounds[-1]:
            return False
    return True


def check_cron(field: str, value: str) -> str:
    """A standard five-field cron schedule (or a descriptor such as '@daily'), as robfig/cron's
    ParseStandard accepts it; otherwise ValueError naming `field`."""
    if not isinstance(value, str) or not value.strip():
        raise fail(field, RULE, value)
    if value.startswith("@"):
        if value not in DESCRIPTORS:
            raise fail(field, RULE, value)
        return value
    parts = value.split()
    if len(parts) != 5 or " ".join(parts) != value or value.upper().startswith(("TZ=", "CRON_TZ=")):
        raise fail(field, RULE, value)
    for text, (name, low, high, names) in zip(parts, FIELDS):
        # '?' stands for '*' in the day fields only (robfig/cron spec.go)
        if not _field_ok(text, low, high, names, wildcard_question=name.startswith("day")):
            raise fail(field, f"{RULE}; its {name} field {text!r} is out of range {low}-{high} or malformed", value)
    return value


def seconds_first(schedule: str) -> str:
    """A checked five-field schedule in CloudNativePG's six-field dialect: second 0, then the five.

    Descriptors mean the same in both dialects and pass unchanged.
    """
    check_cron("schedule", schedule)
    return schedule if schedule.startswith("@") else f"0 {schedule}"
