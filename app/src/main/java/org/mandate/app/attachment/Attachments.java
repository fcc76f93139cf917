package org.mandate.app.attachment;

import org.apache.commons.lang3.exception.ExceptionUtils;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.mandate.app.problem.AppRefusals;
import org.mandate.app.problem.Refused;
import org.mandate.app.request.RequestReader;
import org.mandate.app.web.voice.Messages;
import org.mandate.domain.directory.PersonId;
import org.mandate.domain.request.AttachToRequest;
import org.mandate.domain.request.RequestId;
import org.mandate.projections.request.RequestView;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.unit.DataSize;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.UUID;

/**
 * Attaching a file to a request and reading it back, for the API and the pages alike (docs/adr/0018-attachments.md).
 * The file's size and kind are checked here, where the bytes are; who may attach is the domain's rule
 * (AttachmentPolicy). The bytes are stored in the command's transaction, so a refused command stores nothing.
 */
@Service
public class Attachments {

    /** A file as it arrived: the name the client gave and its bytes. */
    public record Upload(String fileName, byte[] bytes) {

        /** The part as the servlet container kept it; null when the form had no file in it. */
        public static Upload of(MultipartFile file) {
            if (file == null) {
                return null;
            }
            try {
                return new Upload(file.getOriginalFilename(), file.getBytes());
            } catch (IOException unreadable) {
                throw new UncheckedIOException(unreadable);
            }
        }
    }

    /** What a download serves. */
    public record Download(String fileName, String mediaType, byte[] bytes) {

        /** The bytes as a download that no browser renders or sniffs into something else (API and pages alike). */
        public ResponseEntity<byte[]> response() {
            return ResponseEntity.ok()
                    .header(HttpHeaders.CONTENT_TYPE, mediaType)
                    .header(HttpHeaders.CONTENT_DISPOSITION, Disposition.attachment(fileName))
                    .header("X-Content-Type-Options", "nosniff")
                    // should a browser render it after all, it runs no script and loads nothing
                    .header("Content-Security-Policy", "default-src 'none'; sandbox")
                    .header(HttpHeaders.CACHE_CONTROL, "private, no-store")
                    .body(bytes);
        }
    }

    private final CommandGateway commands;
    private final RequestReader reader;
    private final AttachmentStore store;
    private final TransactionTemplate transaction;
    private final DataSize maxSize;

    Attachments(CommandGateway commands, RequestReader reader, AttachmentStore store,
                PlatformTransactionManager transactions,
                AttachmentSettings settings) {
        this.commands = commands;
        this.reader = reader;
        this.store = store;
        this.transaction = new TransactionTemplate(transactions);
        this.maxSize = settings.maxSize();
    }

    public DataSize maxSize() {
        return maxSize;
    }

    /** The extensions a person may upload, for forms and refusals. */
    public String accepted() {
        return AttachmentTypes.ACCEPTED;
    }

    /** Attaches the file, answering the attachment as the request view now lists it. */
    public RequestView.Attachment attach(UUID requestId, Upload upload, String supersedes, Authentication user) {
        reader.readableBy(requestId.toString(), user); // 404 and 403 as for reading the request
        if (upload == null || upload.bytes() == null) {
            throw Refused.of(HttpStatus.BAD_REQUEST, "attachment.refused.noFile");
        }
        byte[] bytes = upload.bytes();
        if (bytes.length == 0) {
            throw Refused.of(HttpStatus.BAD_REQUEST, "attachment.refused.empty", name(upload));
        }
        if (bytes.length > maxSize.toBytes()) {
            throw tooLarge();
        }
        AttachmentTypes.Type type = AttachmentTypes.byName(upload.fileName()).orElseThrow(() ->
                Refused.of(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "attachment.refused.kind", name(upload),
                        AttachmentTypes.ACCEPTED));
        if (!type.bytesAgree().test(bytes)) {
            // the kinds are words of the bundle too, resolved in the sentence's language
            throw Refused.of(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "attachment.refused.mismatch", name(upload),
                    new DefaultMessageSourceResolvable(AttachmentTypes.key(type)),
                    new DefaultMessageSourceResolvable(AttachmentTypes.lookKey(bytes)));
        }
        String hash = sha256(bytes);
        String wanted = supersedes == null || supersedes.isBlank() ? null : supersedes.strip();
        transaction.executeWithoutResult(status -> {
            store.keep(hash, bytes);
            commands.sendAndWait(new AttachToRequest(new RequestId(requestId), hash, upload.fileName(),
                    type.mediaType(), bytes.length, PersonId.of(user.getName()), wanted));
        });
        return reader.find(requestId.toString()).stream().flatMap(view -> view.attachments().stream())
                .filter(attachment -> attachment.hash().equals(hash)).findFirst()
                .orElseThrow(() -> new IllegalStateException("attachment " + hash + " is not in the request view"));
    }

    /** The file, for someone who may read the request; 404 for a hash the request does not have. */
    public Download download(UUID requestId, String hash, Authentication user) {
        RequestView request = reader.readableBy(requestId.toString(), user);
        RequestView.Attachment attachment = request.attachments().stream()
                .filter(each -> each.hash().equalsIgnoreCase(hash)).findFirst()
                .orElseThrow(() -> AppRefusals.notFound("refusal.attachment.none", hash));
        // bytes go only when the request's retention ended or whoever attached them was erased; the hash stays
        byte[] bytes = store.bytes(attachment.hash()).orElseThrow(() -> AppRefusals.notFound(
                "refusal.attachment.shredded", attachment.hash()));
        return new Download(attachment.name(), AttachmentTypes.served(attachment.mediaType()), bytes);
    }

    /** The refusal for a file over the limit, whether this class or the servlet container noticed. */
    public Refused tooLarge() {
        return Refused.of(HttpStatus.PAYLOAD_TOO_LARGE, "attachment.refused.tooLarge", inWords(maxSize));
    }

    /** The words of a 413 for an upload over {@code maxSize}, wherever it is noticed. */
    public static String tooLargeDetail(DataSize maxSize) {
        return Messages.of("attachment.refused.tooLarge", inWords(maxSize));
    }

    /** True when the failure is the servlet container refusing an upload over its limit. */
    public static boolean overLimit(Throwable failure) {
        return ExceptionUtils.throwableOfType(failure, MaxUploadSizeExceededException.class) != null;
    }

    private static String name(Upload upload) {
        return upload.fileName() == null || upload.fileName().isBlank() ? "(no name)" : upload.fileName().strip();
    }

    /** "10 MB", "512 KB": the limit as forms and refusals say it. */
    public static String inWords(DataSize size) {
        long bytes = size.toBytes();
        return bytes % (1024 * 1024) == 0 ? bytes / (1024 * 1024) + " MB"
                : bytes % 1024 == 0 ? bytes / 1024 + " KB" : bytes + " bytes";
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("every Java runtime has SHA-256", impossible);
        }
    }
}
