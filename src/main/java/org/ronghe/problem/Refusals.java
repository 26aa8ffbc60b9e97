package org.ronghe.problem;

import java.net.URI;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * The platform's refusals as RFC 9457 problems with a Chinese detail written for people: a step not allowed in
 * the record's present state (409 不允许的操作), an action the user's unit or role may not take (403 无权操作), and
 * a service this installation cannot give until its administrator fixes a setting (503 暂时无法提供). The detail
 * names the rule (and its source, where a law or standard sets it) or the setting.
 */
public final class Refusals {

    private Refusals() {
    }

    /** @return a 409 problem with the given Chinese detail */
    public static ErrorResponseException conflict(String detail) {
        ProblemDetail pd = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, detail);
        pd.setTitle("不允许的操作");
        pd.setType(URI.create("urn:ronghe:problem:conflict"));
        return new ErrorResponseException(HttpStatus.CONFLICT, pd, null);
    }

    /**
     * A request that is right but that this installation cannot serve until its administrator corrects a setting
     * (e.g. a font file that cannot be read): 503 Service Unavailable (RFC 9110 15.6.4), not a 500, since nothing
     * failed unexpectedly and the same request succeeds once the setting is fixed.
     *
     * @param detail what cannot be given and which setting to fix, in Chinese
     * @return a 503 problem with the given detail
     */
    public static ErrorResponseException unavailable(String detail) {
        ProblemDetail pd = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, detail);
        pd.setTitle("暂时无法提供");
        pd.setType(URI.create("urn:ronghe:problem:unavailable"));
        return new ErrorResponseException(HttpStatus.SERVICE_UNAVAILABLE, pd, null);
    }

    /** @return a 403 problem with the given Chinese detail */
    public static ErrorResponseException forbidden(String detail) {
        ProblemDetail pd = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, detail);
        pd.setTitle("无权操作");
        pd.setType(URI.create("urn:ronghe:problem:forbidden"));
        return new ErrorResponseException(HttpStatus.FORBIDDEN, pd, null);
    }
}
