package org.ronghe.problem;

import java.util.Map;

/** Chinese titles and explanations of HTTP statuses, shared by the error page and problem+json bodies. */
final class ProblemTitles {

    private static final Map<Integer, String[]> TEXT = Map.ofEntries(
            Map.entry(406, new String[] {"无法提供所需格式", "无法按请求头 Accept 要求的格式返回结果，请接受 application/json。"}),
            Map.entry(415, new String[] {"不支持的内容类型", "不支持此请求内容类型（Content-Type）：JSON 接口请使用 application/json，文件上传请使用 multipart/form-data。"}),
            Map.entry(429, new String[] {"请求过于频繁", "请求过于频繁，请稍后再试。"}),
            Map.entry(400, new String[] {"请求有误", "提交的内容不符合要求，请检查后重试。"}),
            Map.entry(401, new String[] {"请先登录", "此功能需要登录后使用。"}),
            Map.entry(403, new String[] {"无权访问", "您的账号没有访问此内容的权限。如需访问，请联系系统管理员。"}),
            Map.entry(404, new String[] {"页面不存在", "您访问的页面或记录不存在，可能已被删除或地址有误。"}),
            Map.entry(405, new String[] {"不支持的请求方法", "此地址不支持该请求方法。"}),
            Map.entry(409, new String[] {"数据冲突", "数据已被他人修改或与已有记录冲突，请刷新后重试。"}),
            Map.entry(413, new String[] {"文件过大", "上传的文件超过了允许的大小。"}),
            Map.entry(500, new String[] {"系统错误", "系统处理请求时出错，已记录日志。请稍后重试或联系系统管理员。"}),
            Map.entry(503, new String[] {"暂时无法提供", "此功能暂时无法使用，请联系系统管理员检查配置。"}));

    private ProblemTitles() {
    }

    static String title(int status) {
        return TEXT.getOrDefault(status, TEXT.get(status >= 500 ? 500 : 400))[0];
    }

    static String explanation(int status) {
        return TEXT.getOrDefault(status, TEXT.get(status >= 500 ? 500 : 400))[1];
    }
}
