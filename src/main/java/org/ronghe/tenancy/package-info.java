/**
 * Tenancy: which county a deployment serves by default. Every business table carries {@code county_code};
 * modules take the county of a request from here (and, for signed-in users, from their account).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Tenancy")
package org.ronghe.tenancy;
