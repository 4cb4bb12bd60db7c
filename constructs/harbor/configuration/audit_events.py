"""The audit-log event types Harbor logs, for the purge (retention.py) and for disabling (access.py)."""

from __future__ import annotations

from enum import Enum


class AuditEventType(str, Enum):
    """The audit-log events a purge may delete: EventTypes of src/pkg/auditext/model/model.go, and OTHER,
    which Harbor's purge expands to every type but the three artifact ones (permitEventTypes in
    src/pkg/auditext/dao/dao.go)."""

    CREATE_ARTIFACT = "create_artifact"
    DELETE_ARTIFACT = "delete_artifact"
    PULL_ARTIFACT = "pull_artifact"
    CREATE_PROJECT = "create_project"
    DELETE_PROJECT = "delete_project"
    DELETE_REPOSITORY = "delete_repository"
    LOGIN_USER = "login_user"
    LOGOUT_USER = "logout_user"
    CREATE_USER = "create_user"
    DELETE_USER = "delete_user"
    UPDATE_USER = "update_user"
    CREATE_ROBOT = "create_robot"
    DELETE_ROBOT = "delete_robot"
    UPDATE_CONFIGURATION = "update_configuration"
    OTHER = "other"


# the three artifact events and OTHER: every event there is (what Harbor's UI offers to tick)
ALL_AUDIT_EVENTS = (AuditEventType.CREATE_ARTIFACT, AuditEventType.DELETE_ARTIFACT, AuditEventType.PULL_ARTIFACT,
                    AuditEventType.OTHER)
