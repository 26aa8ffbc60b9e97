package org.ronghe.problem;

import java.net.URI;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * The platform's two refusals as RFC 9457 problems with a Chinese detail written for people: a step not allowed in
 * the record's present state (409 不允许的操作) and an action the user's unit or role may not take (403 无权操作).
 * The detail names the rule (and its source, where a law or standard sets it).
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

    /** @return a 403 problem with the given Chinese detail */
    public static ErrorResponseException forbidden(String detail) {
        ProblemDetail pd = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, detail);
        pd.setTitle("无权操作");
        pd.setType(URI.create("urn:ronghe:problem:forbidden"));
        return new ErrorResponseException(HttpStatus.FORBIDDEN, pd, null);
    }
}
