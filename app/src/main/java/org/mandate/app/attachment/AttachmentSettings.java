package org.mandate.app.attachment;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * {@code mandate.attachments.*}.
 *
 * @param maxSize the largest file a request may have attached (docs/adr/0018-attachments.md); the servlet container's
 *                upload limits follow it ({@link MultipartLimits}), and larger uploads are answered 413 with it named
 */
@ConfigurationProperties("mandate.attachments")
public record AttachmentSettings(DataSize maxSize) {

    public AttachmentSettings {
        maxSize = maxSize == null ? DataSize.ofMegabytes(10) : maxSize;
    }
}
