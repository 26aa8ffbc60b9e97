package org.ronghe.problem;

import java.net.URI;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** A requested record does not exist (or is not visible to the caller): HTTP 404. */
public class NotFoundException extends ErrorResponseException {

    /**
     * @param what   kind of record in Chinese, e.g. {@code 部门}
     * @param key    the key that was asked for
     */
    public NotFoundException(String what, Object key) {
        super(HttpStatus.NOT_FOUND, body(what, key), null);
    }

    private static ProblemDetail body(String what, Object key) {
        ProblemDetail pd = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "没有找到" + what + "：" + key);
        pd.setTitle(what + "不存在");
        pd.setType(URI.create("urn:ronghe:problem:not-found"));
        return pd;
    }
}
