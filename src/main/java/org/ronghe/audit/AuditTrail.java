package org.ronghe.audit;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes and reads the audit trail.
 *
 * <p>{@link #record} joins the caller's transaction ({@link Propagation#MANDATORY}): an audit row never exists
 * without its change, and a change never commits without its audit row. The actor is taken from the current
 * Spring Security authentication ({@code system} when there is none), the client address from the current
 * request.
 */
@Service
public class AuditTrail {

    /** Actor name used for changes made by the platform itself (seeding, scheduled jobs). */
    public static final String SYSTEM_ACTOR = "system";

    private final JdbcClient jdbc;
    private final Clock clock;
    private final JsonMapper json;

    AuditTrail(JdbcClient jdbc, JsonMapper json, Clock clock) {
        this.clock = clock;
        this.jdbc = jdbc;
        this.json = json;
    }

    /**
     * Records one state change in the caller's transaction.
     *
     * @param countyCode 6-digit county code
     * @param action     upper snake case verb phrase, e.g. {@code REGION_IMPORTED}
     * @param entityType kind of record, e.g. {@code region}
     * @param entityId   key of the record, may be {@code null}
     * @param summary    one Chinese line for people (truncated to 500 characters)
     * @param oldValue   record before the change, serialised to JSON; {@code null} for creations
     * @param newValue   record after the change, serialised to JSON; {@code null} for deletions
     * @throws org.springframework.transaction.IllegalTransactionStateException if called outside a transaction
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void record(String countyCode, String action, String entityType, String entityId, String summary,
                       Object oldValue, Object newValue) {
        Objects.requireNonNull(countyCode, "countyCode");
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        boolean known = auth != null && auth.isAuthenticated() && !(auth instanceof AnonymousAuthenticationToken);
        String actor = known ? auth.getName() : SYSTEM_ACTOR;
        String role = known ? auth.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .filter(a -> a.startsWith("ROLE_")).map(a -> a.substring(5)).findFirst().orElse(null) : null;
        jdbc.sql("""
                insert into audit_event (county_code, actor, actor_role, action, entity_type, entity_id, summary,
                                         old_value, new_value, remote_addr, occurred_at)
                values (:county, :actor, :role, :action, :type, :id, :summary,
                        cast(:old as jsonb), cast(:new as jsonb), :addr, :now)""")
                .param("now", OffsetDateTime.now(clock))
                .param("county", countyCode)
                .param("actor", actor)
                .param("role", role)
                .param("action", action)
                .param("type", entityType)
                .param("id", entityId)
                .param("summary", summary.length() > 500 ? summary.substring(0, 500) : summary)
                .param("old", toJson(oldValue))
                .param("new", toJson(newValue))
                .param("addr", remoteAddress())
                .update();
    }

    /**
     * Lists audit events, newest first.
     *
     * @param query filters and page; blank filters are ignored
     * @return one page of events and the total count matching the filters
     */
    @Transactional(readOnly = true)
    public AuditPage find(AuditQuery query) {
        String where = """
                where (:county = '' or county_code = :county)
                  and (:actor = '' or actor = :actor)
                  and (:type = '' or entity_type = :type)
                  and (:entityId = '' or entity_id = :entityId)
                  and (:action = '' or action = :action)""";
        long total = jdbc.sql("select count(*) from audit_event\n" + where)
                .params(query.params()).query(Long.class).single();
        List<AuditEvent> events = jdbc.sql("""
                select id, county_code, occurred_at, actor, actor_role, action, entity_type, entity_id, summary,
                       old_value::text as old_value, new_value::text as new_value, remote_addr
                from audit_event
                """ + where + " order by id desc limit :limit offset :offset")
                .params(query.params())
                .query(AuditEvent.class).stream().map(e -> e.inZone(clock.getZone())).toList();
        return new AuditPage(events, total, query.page(), query.size());
    }

    private String toJson(Object value) {
        return value == null ? null : json.writeValueAsString(value);
    }

    private static String remoteAddress() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attrs) {
            HttpServletRequest request = attrs.getRequest();
            return request.getRemoteAddr();
        }
        return null;
    }
}
