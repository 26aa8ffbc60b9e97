package org.ronghe.portal;

import java.time.Duration;

import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Static files: {@code /css/**}, {@code /js/**} and version-less WebJars ({@code /webjars/htmx.org/dist/htmx.min.js}),
 * cached by browsers for 7 days. They replace Spring Boot's catch-all {@code /**} mapping
 * ({@code spring.web.resources.add-mappings=false}): with it, every link a page renders was looked up as a possible
 * classpath resource, which cost several jar lookups per link (see docs/benchmarks.md).
 */
@Configuration
class StaticResources implements WebMvcConfigurer {

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        CacheControl week = CacheControl.maxAge(Duration.ofDays(7));
        registry.addResourceHandler("/css/**").addResourceLocations("classpath:/static/css/").setCacheControl(week);
        registry.addResourceHandler("/js/**").addResourceLocations("classpath:/static/js/").setCacheControl(week);
        registry.addResourceHandler("/webjars/**").addResourceLocations("classpath:/META-INF/resources/webjars/")
                .setCacheControl(week).resourceChain(true);
    }
}
