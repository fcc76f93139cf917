package org.mandate.app.attachment;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/** The kind of an attachment comes from its name and must agree with its bytes; the download name survives any text. */
class AttachmentTypesTest {

    @Test
    void theNameChoosesTheType_caseAside_andAnUnknownOrMissingExtensionIsNone() {
        assertThat(AttachmentTypes.byName("Quote.PDF")).map(AttachmentTypes.Type::mediaType).hasValue("application/pdf");
        assertThat(AttachmentTypes.byName("photo.jpeg")).map(AttachmentTypes.Type::mediaType).hasValue("image/jpeg");
        assertThat(AttachmentTypes.byName("page.html")).isEmpty();
        assertThat(AttachmentTypes.byName("script.svg")).as("SVG can carry script").isEmpty();
        assertThat(AttachmentTypes.byName("README")).isEmpty();
    }

    @Test
    void theBytesMustBeWhatTheNameSays() {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0};
        byte[] html = "<!DOCTYPE html><p>hi</p>".getBytes(StandardCharsets.US_ASCII);
        AttachmentTypes.Type pngType = AttachmentTypes.byName("a.png").orElseThrow();
        assertThat(pngType.bytesAgree().test(png)).isTrue();
        assertThat(pngType.bytesAgree().test(html)).isFalse();
        assertThat(AttachmentTypes.lookOf(html)).isEqualTo("an HTML page");
        assertThat(AttachmentTypes.lookOf("%PDF-1.7".getBytes(StandardCharsets.US_ASCII))).isEqualTo("a PDF document");
        assertThat(AttachmentTypes.byName("a.txt").orElseThrow().bytesAgree().test(new byte[]{'a', 0, 'b'}))
                .as("a NUL byte is not text").isFalse();
    }

    @Test
    void everyKindARefusalNamesHasItsWordsInEnglishAndGerman() throws IOException {
        for (String file : List.of("pages.properties", "pages_de.properties")) {
            Properties bundle = new Properties();
            try (Reader reader = Files.newBufferedReader(Path.of("src/main/resources/messages", file),
                    StandardCharsets.UTF_8)) {
                bundle.load(reader);
            }
            for (AttachmentTypes.Type type : AttachmentTypes.ALLOWED) {
                assertThat(bundle.getProperty(AttachmentTypes.key(type))).as("%s in %s", type.mediaType(), file)
                        .isNotBlank();
            }
            for (byte[] bytes : List.of("<html>".getBytes(StandardCharsets.US_ASCII), new byte[]{'a'},
                    new byte[]{0, 1})) {
                assertThat(bundle.getProperty(AttachmentTypes.lookKey(bytes))).as(file).isNotBlank();
            }
        }
        assertThat(AttachmentTypes.lookKey("%PDF-1.7".getBytes(StandardCharsets.US_ASCII)))
                .isEqualTo("attachment.kind.pdf");
    }

    @Test
    void aTypeNotOnTheListIsServedAsBytesNobodyInterprets() {
        assertThat(AttachmentTypes.served("text/html")).isEqualTo("application/octet-stream");
        assertThat(AttachmentTypes.served("image/png")).isEqualTo("image/png");
    }

    @Test
    void theDispositionIsAlwaysAnAttachment_withAnAsciiNameAndTheExactOneEncoded() {
        assertThat(Disposition.attachment("Rechnung \"März\".pdf")).isEqualTo("attachment; "
                + "filename=\"Rechnung _M_rz_.pdf\"; filename*=UTF-8''Rechnung%20%22M%C3%A4rz%22.pdf");
        assertThat(Disposition.attachment("a\r\nSet-Cookie: x.pdf")).doesNotContain("\r", "\n");
    }
}
