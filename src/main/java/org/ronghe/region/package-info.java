/**
 * Administrative divisions (区划): county → township (乡镇/街道) → village (村委会/居委会), keyed by the 12-digit
 * statistical division code (统计用区划代码, National Bureau of Statistics). Holds the default county's units,
 * imports further counties from CSV, and serves the region API and the region browser.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Region")
package org.ronghe.region;
