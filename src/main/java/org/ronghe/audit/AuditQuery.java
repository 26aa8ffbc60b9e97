package org.ronghe.audit;

import java.util.Map;

/**
 * Filters for browsing the audit trail.
 *
 * @param countyCode 6-digit county code, or blank for all counties
 * @param actor      username, or blank for all
 * @param entityType kind of record, or blank for all
 * @param entityId   key of the record, or blank for all
 * @param action     action name, or blank for all
 * @param page       zero-based page number, clamped to 0–100000
 * @param size       page size, clamped to 1–200
 */
public record AuditQuery(String countyCode, String actor, String entityType, String entityId, String action,
                         int page, int size) {

    /** Normalises blanks and bounds. */
    public AuditQuery {
        countyCode = countyCode == null ? "" : countyCode.strip();
        actor = actor == null ? "" : actor.strip();
        entityType = entityType == null ? "" : entityType.strip();
        entityId = entityId == null ? "" : entityId.strip();
        action = action == null ? "" : action.strip();
        page = Math.min(Math.max(page, 0), 100_000);
        size = Math.min(Math.max(size, 1), 200);
    }

    Map<String, Object> params() {
        return Map.of("county", countyCode, "actor", actor, "type", entityType, "entityId", entityId,
                "action", action, "limit", size, "offset", (long) page * size);
    }
}
