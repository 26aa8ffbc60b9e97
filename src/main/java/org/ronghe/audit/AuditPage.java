package org.ronghe.audit;

import java.util.List;

/**
 * One page of audit events.
 *
 * @param events events on this page, newest first
 * @param total  number of events matching the filters
 * @param page   zero-based page number
 * @param size   page size
 */
public record AuditPage(List<AuditEvent> events, long total, int page, int size) {

    /** @return number of pages (at least 1) */
    public int pages() {
        return (int) Math.max(1, (total + size - 1) / size);
    }
}
