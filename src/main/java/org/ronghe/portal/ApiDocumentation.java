package org.ronghe.portal;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Title and description of the OpenAPI document served at {@code /v3/api-docs} and {@code /swagger-ui.html}. */
@Configuration(proxyBeanMethods = false)
class ApiDocumentation {

    @Bean
    OpenAPI rongheOpenApi() {
        return new OpenAPI().info(new Info()
                .title("融合 Ronghe API")
                .version("0.1")
                .description("""
                        城乡融合发展工作平台的 JSON 接口。错误一律以 RFC 9457 application/problem+json 返回，\
                        输入错误在 errors 数组中逐项给出 field 与中文 message。需要登录的接口接受浏览器会话\
                        （写操作需 CSRF 令牌）或 HTTP Basic 认证（无需 CSRF 令牌）。""")
                .license(new License().name("Open source")));
    }
}
