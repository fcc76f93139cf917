package org.mandate.app.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * A form that comes back with errors says so in the page title ("Error: New request · Mandate"), the first thing a
 * screen reader announces. Every page that re-renders a refused form answers 4xx, so the status is the signal; the
 * layout reads {@code failed}.
 */
@Configuration(proxyBeanMethods = false)
class FailedFormTitles implements WebMvcConfigurer, HandlerInterceptor {

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this);
    }

    @Override
    public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
                           ModelAndView page) {
        if (page != null && response.getStatus() >= 400 && page.getViewName() != null
                && !page.getViewName().startsWith("redirect:")) {
            page.addObject("failed", true);
        }
    }
}
