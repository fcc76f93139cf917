package org.mandate.app.attachment;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import org.mandate.projections.request.RequestView;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import java.net.URI;
import java.util.UUID;

/** Files attached to a request over the API (docs/conversation.md, docs/adr/0018-attachments.md). */
@RestController
@RequestMapping("/api/requests/{id}/attachments")
class AttachmentController {

    private final Attachments attachments;

    AttachmentController(Attachments attachments) {
        this.attachments = attachments;
    }

    @Operation(summary = "Attach a file to a request (multipart/form-data, field 'file'; optional 'supersedes': the "
            + "hash of an attachment it replaces). Anyone taking part may attach; at most mandate.attachments.max-size "
            + "(10 MB by default, else 413); only the allowed kinds of file, whose content must match the name's "
            + "extension (else 415).")
    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<RequestView.Attachment> attach(@PathVariable UUID id, @RequestPart("file") MultipartFile file,
                                                  @Parameter(description = "The hash of the attachment this file "
                                                          + "supersedes, if any (a form field or a query parameter)")
                                                  @RequestParam(name = "supersedes", required = false) String supersedes,
                                                  Authentication user) {
        RequestView.Attachment added = attachments.attach(id, Attachments.Upload.of(file), supersedes, user);
        return ResponseEntity.created(URI.create("/api/requests/" + id + "/attachments/" + added.hash())).body(added);
    }

    @Operation(summary = "Download an attachment, to anyone who may read the request: always as a download "
            + "(Content-Disposition: attachment, X-Content-Type-Options: nosniff), never rendered in the browser.")
    @GetMapping("/{hash}")
    ResponseEntity<byte[]> download(@PathVariable UUID id, @PathVariable String hash, Authentication user) {
        return attachments.download(id, hash, user).response();
    }
}
