/**
 * Accounts and access: users with one role each (handling-unit staff bound to one department), form login
 * with hashed passwords, CSRF protection and sessions (Spring Security), the first administrator, demo
 * accounts for trial installations, and {@link org.ronghe.account.AccessPolicy}, the one place that decides
 * who may read a unit's items.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Account")
package org.ronghe.account;
