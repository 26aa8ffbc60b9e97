package org.ronghe.proposal;

import java.io.IOException;
import java.time.Duration;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Serves the public reply pages ({@code /public/replies}, its pages and filters, each reply, the Atom feed) to
 * anonymous visitors from a small in-memory copy, as a reverse proxy would: the pages are the same for every
 * visitor and change only when the office publishes a reply, which drops every copy at once
 * ({@link PublicRepliesChanged}, after the transaction commits). Copies also expire after
 * {@code ronghe.public-cache.ttl} (default 30 s) so that other edits (a unit's new name) show soon. Signed-in users
 * always get a fresh page, since their page header is personal. At most 16 MB of
 * pages are kept (Caffeine, size-weighted).
 */
@Configuration
class PublicPageCache {

    private final Cache<String, Page> pages;

    PublicPageCache(@Value("${ronghe.public-cache.ttl:30s}") Duration ttl) {
        this.pages = Caffeine.newBuilder().expireAfterWrite(ttl).maximumWeight(16L << 20)
                .weigher((String k, Page p) -> p.body().length + k.length()).build();
    }

    private record Page(String contentType, byte[] body) {
    }

    @TransactionalEventListener
    void on(PublicRepliesChanged event) {
        pages.invalidateAll();
    }

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> publicPageCacheFilter() {
        FilterRegistrationBean<OncePerRequestFilter> bean = new FilterRegistrationBean<>(new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                if (!cacheable(request)) {
                    chain.doFilter(request, response);
                    return;
                }
                String key = key(request);
                Page hit = pages.getIfPresent(key);
                if (hit != null) {
                    response.setContentType(hit.contentType());
                    response.setContentLength(hit.body().length);
                    response.getOutputStream().write(hit.body());
                    return;
                }
                ContentCachingResponseWrapper wrapper = new ContentCachingResponseWrapper(response);
                chain.doFilter(request, wrapper);
                if (wrapper.getStatus() == 200 && wrapper.getHeader(HttpHeaders.SET_COOKIE) == null
                        && wrapper.getContentType() != null) {
                    pages.put(key, new Page(wrapper.getContentType(), wrapper.getContentAsByteArray()));
                }
                wrapper.copyBodyToResponse();
            }
        });
        bean.addUrlPatterns("/public/replies", "/public/replies/*", "/public/replies.atom");
        return bean;
    }

    /** @return the page's address with its parameters in a fixed order (so {@code ?a=1&b=2} and {@code ?b=2&a=1} share) */
    private static String key(HttpServletRequest request) {
        StringBuilder key = new StringBuilder(request.getScheme()).append("://").append(request.getServerName())
                .append(':').append(request.getServerPort()).append(request.getRequestURI()).append('?');
        new java.util.TreeMap<>(request.getParameterMap()).forEach((name, values) -> {
            for (String v : values) {
                key.append(java.net.URLEncoder.encode(name, java.nio.charset.StandardCharsets.UTF_8)).append('=')
                        .append(java.net.URLEncoder.encode(v, java.nio.charset.StandardCharsets.UTF_8)).append('&');
            }
        });
        return key.toString();
    }

    /** Anonymous GETs only (this filter runs after Spring Security has established who is asking). */
    private static boolean cacheable(HttpServletRequest request) {
        if (!"GET".equals(request.getMethod()) || request.getHeader(HttpHeaders.AUTHORIZATION) != null) {
            return false;
        }
        org.springframework.security.core.Authentication who =
                org.springframework.security.core.context.SecurityContextHolder.getContext().getAuthentication();
        return who == null || who instanceof org.springframework.security.authentication.AnonymousAuthenticationToken;
    }
}
