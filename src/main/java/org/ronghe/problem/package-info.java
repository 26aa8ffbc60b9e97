/**
 * Error reporting for people and programs: domain code throws {@link org.ronghe.problem.InvalidInputException}
 * or {@link org.ronghe.problem.NotFoundException}; the API answers with RFC 9457 {@code application/problem+json}
 * naming the field, the UI with a Chinese error page. No stack trace ever reaches a client.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Problem reporting")
package org.ronghe.problem;
