/**
 * Official documents (公文): reading reply letters in the forms they come in (plain text, DOCX, text-layer PDF,
 * saved web pages), extracting their fields with the character span each came from, and the {@code reply parse}
 * command line. Rendering in GB/T 9704-2012 layout follows in this module.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Document")
package org.ronghe.document;
