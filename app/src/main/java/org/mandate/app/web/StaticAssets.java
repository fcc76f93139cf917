package org.mandate.app.web;

import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.resource.EncodedResourceResolver;
import org.springframework.web.servlet.resource.VersionResourceResolver;

import java.time.Duration;
import java.util.List;

/**
 * The pages' stylesheets and scripts, named by their content: Thymeleaf's {@code @{/js/htmx.js}} becomes
 * {@code /js/htmx-<md5>.js} (Spring's resource chain), so a browser keeps each file for a year without asking again
 * ({@code immutable}) and a release that changes a file changes its name. The bundles built from npm are served
 * brotli- or gzip-compressed from the variants written beside them at build time; pages themselves stay uncached.
 */
@Configuration(proxyBeanMethods = false)
class StaticAssets implements WebMvcConfigurer {

    static final CacheControl FOR_A_YEAR = CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable();

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        for (String folder : List.of("css", "js")) {
            registry.addResourceHandler("/" + folder + "/**").addResourceLocations("classpath:/static/" + folder + "/")
                    .setCacheControl(FOR_A_YEAR).resourceChain(true)
                    .addResolver(new EncodedResourceResolver())
                    .addResolver(new VersionResourceResolver().addContentVersionStrategy("/**"));
        }
    }
}
