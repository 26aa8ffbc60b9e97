/**
 * The web shell: layout and navigation, the home page (the county and its townships), and the entry pages of
 * modules that are still being built.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Portal")
package org.ronghe.portal;
