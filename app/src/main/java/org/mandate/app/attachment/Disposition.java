package org.mandate.app.attachment;

import java.nio.charset.StandardCharsets;

/**
 * {@code Content-Disposition: attachment} with the file's name: an ASCII {@code filename} for old clients and the
 * exact name as RFC 5987 {@code filename*} (UTF-8, percent-encoded), which every current browser prefers.
 */
final class Disposition {

    private Disposition() {
    }

    static String attachment(String fileName) {
        String name = fileName == null || fileName.isBlank() ? "attachment" : fileName;
        StringBuilder ascii = new StringBuilder();
        name.codePoints().forEach(c -> ascii.append(c >= 0x20 && c < 0x7f && c != '"' && c != '\\' && c != '%'
                ? (char) c : '_'));
        return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + rfc5987(name);
    }

    private static String rfc5987(String name) {
        StringBuilder encoded = new StringBuilder();
        for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            boolean attrChar = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
                    || "!#$&+-.^_`|~".indexOf(c) >= 0;
            encoded.append(attrChar ? String.valueOf((char) c) : String.format("%%%02X", c));
        }
        return encoded.toString();
    }
}
