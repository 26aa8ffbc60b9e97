/**
 * Key tasks (重点任务督办): a county's yearly task plans as trees (area → task → sub-task) with lead and cooperating
 * departments, dates, milestones, status and progress; the lead departments' monthly progress reports; Excel import
 * and export of a whole plan; reminders of overdue tasks and missing reports.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Plan")
package org.ronghe.plan;
