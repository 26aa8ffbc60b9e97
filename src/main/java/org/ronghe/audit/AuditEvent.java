package org.ronghe.audit;

import java.time.OffsetDateTime;

/**
 * One recorded state change.
 *
 * @param id         sequence number
 * @param countyCode 6-digit county code of the tenant the change belongs to
 * @param occurredAt time of the change (server clock, with offset)
 * @param actor      username of who made it, or {@code system} for the platform itself
 * @param actorRole  role of the actor at the time, or {@code null}
 * @param action     what was done, upper snake case, e.g. {@code DEPARTMENT_UPDATED}
 * @param entityType kind of record, e.g. {@code department}
 * @param entityId   key of the record, or {@code null} for changes not tied to one record
 * @param summary    one line in Chinese for people
 * @param oldValue   JSON of the record before the change, or {@code null}
 * @param newValue   JSON of the record after the change, or {@code null}
 * @param remoteAddr client address of the request, or {@code null} outside requests
 */
public record AuditEvent(long id, String countyCode, OffsetDateTime occurredAt, String actor, String actorRole,
                         String action, String entityType, String entityId, String summary,
                         String oldValue, String newValue, String remoteAddr) {

    private static final java.util.Map<String, String> ENTITY_LABELS = java.util.Map.of("app_user", "账号",
            "congress_session", "届次", "department", "部门", "proposal", "提案", "region", "区划", "reply", "答复函",
            "unit_scoring_weight", "考核评分公式");

    /** @return the kind of record in Chinese (e.g. 部门), or the stored name for kinds without one */
    public String entityLabel() {
        return ENTITY_LABELS.getOrDefault(entityType, entityType);
    }

    /** @return who made the change, with the platform's own jobs shown as 系统 */
    public String actorLabel() {
        return "system".equals(actor) ? "系统" : actor;
    }

    /**
     * @param zone the county's zone
     * @return this event with {@link #occurredAt} expressed in that zone's offset (the same instant)
     */
    public AuditEvent inZone(java.time.ZoneId zone) {
        return new AuditEvent(id, countyCode, occurredAt.atZoneSameInstant(zone).toOffsetDateTime(), actor, actorRole,
                action, entityType, entityId, summary, oldValue, newValue, remoteAddr);
    }

    /** @return {@link #occurredAt} as local time in its own offset (the county's, once read), for display */
    public java.time.LocalDateTime localTime() {
        return occurredAt.toLocalDateTime();
    }
}
