package org.mandate.app.attachment;

import jakarta.servlet.MultipartConfigElement;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;

/**
 * The servlet container's upload limits follow {@code mandate.attachments.max-size}, so there is one setting: a file
 * part may be as large as an attachment may be, and the whole form a little larger for its other fields. Uploads are
 * read lazily (application.yaml), when the handler asks for the file, so a file over the limit reaches the handler's
 * refusal (413 with what to do) rather than failing before it.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AttachmentSettings.class)
class MultipartLimits {

    /** Room for the form's other fields (the CSRF token, what the file supersedes) and the multipart framing. */
    private static final long FORM_ROOM = 64 * 1024;

    @Bean
    MultipartConfigElement multipartConfigElement(AttachmentSettings settings) {
        DataSize maxSize = settings.maxSize();
        return new MultipartConfigElement(null, maxSize.toBytes(), maxSize.toBytes() + FORM_ROOM, 0);
    }
}
