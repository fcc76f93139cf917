package org.mandate.app.attachment;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * The kinds of file an attachment may be (docs/adr/0018-attachments.md). The type is taken from the file name's
 * extension, never from the Content-Type the client declared, and the bytes must agree with it: a PNG starts as a PNG
 * does, a PDF as a PDF, an office document is a ZIP (or an OLE file for the old formats), and a text file holds no NUL
 * bytes. So an HTML page named {@code photo.png} is refused, and no upload is ever served as HTML or script.
 */
final class AttachmentTypes {

    record Type(String mediaType, List<String> extensions, String description, Predicate<byte[]> bytesAgree) {
    }

    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    private static final byte[] JPEG = {(byte) 0xff, (byte) 0xd8, (byte) 0xff};
    private static final byte[] ZIP = {'P', 'K', 3, 4};
    private static final byte[] OLE = {(byte) 0xd0, (byte) 0xcf, 0x11, (byte) 0xe0, (byte) 0xa1, (byte) 0xb1, 0x1a,
            (byte) 0xe1};

    static final List<Type> ALLOWED = List.of(
            new Type("application/pdf", List.of("pdf"), "a PDF document", bytes -> startsWith(bytes, ascii("%PDF-"))),
            new Type("image/png", List.of("png"), "a PNG image", bytes -> startsWith(bytes, PNG)),
            new Type("image/jpeg", List.of("jpg", "jpeg"), "a JPEG image", bytes -> startsWith(bytes, JPEG)),
            new Type("image/gif", List.of("gif"), "a GIF image",
                    bytes -> startsWith(bytes, ascii("GIF87a")) || startsWith(bytes, ascii("GIF89a"))),
            new Type("image/webp", List.of("webp"), "a WebP image", bytes -> startsWith(bytes, ascii("RIFF"))
                    && bytes.length >= 12 && Arrays.equals(bytes, 8, 12, ascii("WEBP"), 0, 4)),
            new Type("text/plain", List.of("txt"), "a text file", AttachmentTypes::isText),
            new Type("text/csv", List.of("csv"), "a CSV file", AttachmentTypes::isText),
            new Type("application/vnd.openxmlformats-officedocument.wordprocessingml.document", List.of("docx"),
                    "a Word document", bytes -> startsWith(bytes, ZIP)),
            new Type("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", List.of("xlsx"),
                    "an Excel workbook", bytes -> startsWith(bytes, ZIP)),
            new Type("application/vnd.openxmlformats-officedocument.presentationml.presentation", List.of("pptx"),
                    "a PowerPoint presentation", bytes -> startsWith(bytes, ZIP)),
            new Type("application/vnd.oasis.opendocument.text", List.of("odt"), "an OpenDocument text",
                    bytes -> startsWith(bytes, ZIP)),
            new Type("application/vnd.oasis.opendocument.spreadsheet", List.of("ods"), "an OpenDocument spreadsheet",
                    bytes -> startsWith(bytes, ZIP)),
            new Type("application/msword", List.of("doc"), "a Word 97-2003 document", bytes -> startsWith(bytes, OLE)),
            new Type("application/vnd.ms-excel", List.of("xls"), "an Excel 97-2003 workbook",
                    bytes -> startsWith(bytes, OLE)));

    /** For refusals: the extensions accepted, as a person reads them. */
    static final String ACCEPTED = ALLOWED.stream().flatMap(type -> type.extensions().stream())
            .map(extension -> "." + extension).collect(Collectors.joining(", "));

    private AttachmentTypes() {
    }

    /** The allowed type a file of this name is, by its extension. */
    static Optional<Type> byName(String fileName) {
        int dot = fileName == null ? -1 : fileName.lastIndexOf('.');
        if (dot < 0) {
            return Optional.empty();
        }
        String extension = fileName.substring(dot + 1).strip().toLowerCase(Locale.ROOT);
        return ALLOWED.stream().filter(type -> type.extensions().contains(extension)).findFirst();
    }

    /** What a stored attachment is served as: its type if allowed, otherwise bytes nobody's browser interprets. */
    static String served(String mediaType) {
        return ALLOWED.stream().map(Type::mediaType).filter(allowed -> allowed.equals(mediaType)).findFirst()
                .orElse("application/octet-stream");
    }

    /** A short description of what the bytes look like, for a refusal that says why they do not match the name. */
    static String lookOf(byte[] bytes) {
        return switch (look(bytes)) {
            case "html" -> "an HTML page";
            case "text" -> "text";
            case "other" -> "something else";
            default -> byName("." + look(bytes)).orElseThrow().description();
        };
    }

    /** The same in the person's language: the key of {@link #lookOf}'s words in the pages bundle. */
    static String lookKey(byte[] bytes) {
        return "attachment.kind." + look(bytes);
    }

    /** The key of a type's description in the pages bundle, named by its first extension. */
    static String key(Type type) {
        return "attachment.kind." + type.extensions().get(0);
    }

    /** "html", "text", "other", or the first extension of the type the bytes are. */
    private static String look(byte[] bytes) {
        String start = new String(bytes, 0, Math.min(bytes.length, 512), StandardCharsets.ISO_8859_1)
                .stripLeading().toLowerCase(Locale.ROOT);
        if (start.startsWith("<!doctype html") || start.startsWith("<html") || start.contains("<script")) {
            return "html";
        }
        return ALLOWED.stream().filter(type -> !type.mediaType().startsWith("text/"))
                .filter(type -> type.bytesAgree().test(bytes)).map(type -> type.extensions().get(0)).findFirst()
                .orElse(isText(bytes) ? "text" : "other");
    }

    private static boolean isText(byte[] bytes) {
        for (byte each : bytes) {
            if (each == 0) {
                return false;
            }
        }
        return true;
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        return bytes.length >= prefix.length && Arrays.equals(bytes, 0, prefix.length, prefix, 0, prefix.length);
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
