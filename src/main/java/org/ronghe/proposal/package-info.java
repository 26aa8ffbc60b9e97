/**
 * Proposal handling (提案/建议办理). This first part holds congress sessions (届次), proposers, proposals and their
 * replies, and imports existing reply letters: the fields are extracted by the document module, checked and
 * corrected by staff, and stored with the letter's commitments and reported figures. Replies can be downloaded as
 * DOCX, PDF and OFD and previewed for printing.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Proposal")
package org.ronghe.proposal;
