package org.ronghe.notification;

/**
 * An outbound channel for notifications (SMS gateway, e-mail). Implementations are Spring beans; each receives every
 * new notification after it is stored. A failing channel is logged and does not undo the in-app notification.
 */
public interface NotificationChannel {

    /**
     * @param notification the stored notification
     */
    void deliver(Notification notification);
}
