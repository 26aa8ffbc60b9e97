package org.ronghe.plan;

import java.util.Arrays;
import java.util.Optional;

/** Where a task stands (任务状态), as the lead department reports it. */
public enum TaskStatus {
    /** 未开始 */
    NOT_STARTED("未开始"),
    /** 推进中 */
    IN_PROGRESS("推进中"),
    /** 已完成 */
    DONE("已完成"),
    /** 滞后 */
    LAGGING("滞后"),
    /** 暂缓 */
    SUSPENDED("暂缓");

    private final String label;

    TaskStatus(String label) {
        this.label = label;
    }

    /** @return the Chinese name shown to users and used in the Excel sheet */
    public String label() {
        return label;
    }

    /**
     * @param text a Chinese name (未开始 …) or a code (NOT_STARTED …), surrounding blanks ignored
     * @return the status, or empty when the text names none
     */
    public static Optional<TaskStatus> parse(String text) {
        String t = text == null ? "" : text.strip();
        return Arrays.stream(values()).filter(s -> s.label.equals(t) || s.name().equals(t)).findFirst();
    }
}
