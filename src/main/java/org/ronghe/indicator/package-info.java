/**
 * Indicators (指标监测): the county's measured figures with unit, definition, source, frequency and owning
 * department; values per period with the document they come from; targets; derived figures (year-on-year change in
 * % or percentage points, share of target); the indicator pages, the public list and the API.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Indicator")
package org.ronghe.indicator;
