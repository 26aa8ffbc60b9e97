/**
 * Departments and other units of a county (部门/单位): bureaus, the CPPCC proposal office, the supervision
 * office. Each has a 机关代字 used in document numbers and any number of aliases, so that every name a unit
 * goes by (letterhead, signature, old names, abbreviations) resolves to the one unit. Edited by administrators.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Department")
package org.ronghe.department;
