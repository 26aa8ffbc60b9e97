/**
 * Notifications (站内通知): messages to a unit or an account, kept in the database and shown in the top bar, and
 * passed to every {@link org.ronghe.notification.NotificationChannel} (SMS or e-mail adapters; the default one
 * writes to the log). Other modules send through {@link org.ronghe.notification.Notifications#send}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Notification")
package org.ronghe.notification;
