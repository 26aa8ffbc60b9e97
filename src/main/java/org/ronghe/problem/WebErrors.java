package org.ronghe.problem;

/** Request attributes other modules set to explain an error on the error page. */
public final class WebErrors {

    /**
     * Set (to any value) on a request refused because its CSRF token was missing or invalid; the error page then
     * tells the person to reload the page instead of saying they lack permission.
     */
    public static final String CSRF_REFUSED = "org.ronghe.problem.csrfRefused";

    private WebErrors() {
    }
}
