package org.ronghe.proposal;

import java.net.URI;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** The two refusals of proposal handling as RFC 9457 problems: a step not allowed now (409) and a stranger (403). */
final class HandlingProblems {

    private HandlingProblems() {
    }

    /** @return a 409 problem 不允许的办理环节 with the given Chinese detail */
    static ErrorResponseException conflict(String detail) {
        ProblemDetail pd = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, detail);
        pd.setTitle("不允许的办理环节");
        pd.setType(URI.create("urn:ronghe:problem:illegal-transition"));
        return new ErrorResponseException(HttpStatus.CONFLICT, pd, null);
    }

    /** @return a 403 problem 无权访问 with the given Chinese detail */
    static ErrorResponseException forbidden(String detail) {
        ProblemDetail pd = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, detail);
        pd.setTitle("无权访问");
        pd.setType(URI.create("urn:ronghe:problem:forbidden"));
        return new ErrorResponseException(HttpStatus.FORBIDDEN, pd, null);
    }
}
