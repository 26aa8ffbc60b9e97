package org.ronghe.notification;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Sends, lists and marks read in-app notifications. */
@Service
public class Notifications {

    private static final Logger log = LoggerFactory.getLogger(Notifications.class);

    private final JdbcClient jdbc;
    private final Clock clock;
    private final List<NotificationChannel> channels;

    Notifications(JdbcClient jdbc, List<NotificationChannel> channels, Clock clock) {
        this.clock = clock;
        this.jdbc = jdbc;
        this.channels = channels;
    }

    /**
     * Stores a notification unless the same kind and subject was already sent to the recipient, then passes it to
     * every channel.
     *
     * @param countyCode   6-digit county code
     * @param departmentId receiving unit (or {@code null} with a username)
     * @param username     receiving account (or {@code null} with a unit)
     * @param kind         kind, e.g. {@code DEADLINE_NEAR}
     * @param subjectKey   what it is about, e.g. {@code assignment:42}; with kind and recipient it makes it unique
     * @param message      Chinese text (up to 500 characters)
     * @param link         application path, or {@code null}
     * @return the new notification, or empty if it had been sent before
     * @throws IllegalArgumentException if neither recipient is given
     */
    @Transactional
    public Optional<Notification> send(String countyCode, Long departmentId, String username, String kind,
                                       String subjectKey, String message, String link) {
        if (departmentId == null && username == null) {
            throw new IllegalArgumentException("a notification needs a unit or an account");
        }
        Optional<Long> id = jdbc.sql("""
                insert into notification (county_code, department_id, username, kind, subject_key, message, link, created_at)
                values (:c, :d, :u, :k, :s, :m, :l, :now) on conflict do nothing returning id""")
                .param("now", OffsetDateTime.now(clock)).param("c", countyCode).param("d", departmentId).param("u", username).param("k", kind)
                .param("s", subjectKey).param("m", message).param("l", link).query(Long.class).optional();
        if (id.isEmpty()) {
            return Optional.empty();
        }
        Notification n = new Notification(id.get(), countyCode, departmentId, username, kind, message, link);
        for (NotificationChannel channel : channels) {
            try {
                channel.deliver(n);
            } catch (RuntimeException e) {
                log.warn("Channel {} failed for notification {}: {}", channel.getClass().getSimpleName(), n.id(),
                        e.toString());
            }
        }
        return Optional.of(n);
    }

    /**
     * @param departmentId the user's unit, or {@code null}
     * @param username     the user
     * @return the user's notifications (their own and their unit's), newest first, at most 100
     */
    @Transactional(readOnly = true)
    public List<Map<String, Object>> of(Long departmentId, String username) {
        return jdbc.sql("""
                select id, kind, message, link, to_char(created_at, 'YYYY-MM-DD HH24:MI') as created, read_at from notification
                where username = :u or (cast(:d as bigint) is not null and department_id = :d)
                order by id desc limit 100""").param("u", username).param("d", departmentId).query().listOfRows();
    }

    /** @return how many of the user's notifications are unread */
    @Transactional(readOnly = true)
    public long unread(Long departmentId, String username) {
        return jdbc.sql("""
                select count(*) from notification
                where read_at is null and (username = :u or (cast(:d as bigint) is not null and department_id = :d))""")
                .param("u", username).param("d", departmentId).query(Long.class).single();
    }

    /** Marks all the user's notifications read. */
    @Transactional
    public void markAllRead(Long departmentId, String username) {
        jdbc.sql("""
                update notification set read_at = :now
                where read_at is null and (username = :u or (cast(:d as bigint) is not null and department_id = :d))""")
                .param("now", OffsetDateTime.now(clock)).param("u", username).param("d", departmentId).update();
    }
}
