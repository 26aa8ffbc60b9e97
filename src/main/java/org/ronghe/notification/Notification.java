package org.ronghe.notification;

/**
 * A notification as stored.
 *
 * @param id           database id
 * @param countyCode   6-digit county code
 * @param departmentId receiving unit, or {@code null}
 * @param username     receiving account, or {@code null}
 * @param kind         e.g. {@code DEADLINE_NEAR}, {@code DEADLINE_PASSED}
 * @param message      Chinese text shown to the recipient
 * @param link         page the message refers to (application path), or {@code null}
 */
public record Notification(long id, String countyCode, Long departmentId, String username, String kind, String message,
                           String link) {
}
