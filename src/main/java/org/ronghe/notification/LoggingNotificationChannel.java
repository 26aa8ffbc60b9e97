package org.ronghe.notification;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** The default channel: writes each notification to the application log (for an SMS or e-mail adapter to replace). */
@Component
class LoggingNotificationChannel implements NotificationChannel {

    private static final Logger log = LoggerFactory.getLogger(LoggingNotificationChannel.class);

    @Override
    public void deliver(Notification n) {
        log.info("Notification {} to {}: {}", n.kind(), n.departmentId() != null ? "unit " + n.departmentId() : n.username(),
                n.message());
    }
}
