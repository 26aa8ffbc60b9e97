package org.ronghe.problem;

import java.util.List;

/** A requested record does not exist (or is not visible to the caller): {@link Refusal.Kind#NOT_FOUND}, HTTP 404. */
public class NotFoundException extends Refusal {

    /**
     * @param what kind of record in Chinese, e.g. {@code 部门}; the title reads {@code 部门不存在}
     * @param key  the key that was asked for
     */
    public NotFoundException(String what, Object key) {
        super(Kind.NOT_FOUND, "没有找到" + what + "：" + key, List.of(), what + "不存在", null);
    }
}
