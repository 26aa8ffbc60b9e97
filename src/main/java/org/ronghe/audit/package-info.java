/**
 * Audit trail: an append-only record of every state change (who, when, what, which record, old and new
 * values). Other modules call {@link org.ronghe.audit.AuditTrail#record} inside their own transaction, so a
 * change and its audit row are committed or rolled back together. Administrators browse it at
 * {@code /admin/audit}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Audit")
package org.ronghe.audit;
