package org.mandate.app.people;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.mandate.domain.RuleViolation;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/**
 * Directory sync, first step: an administrator sends the organisation's people as CSV or JSON; a dry run (the
 * default) answers what would change, {@code dryRun=false} records it (see {@link DirectoryImport}).
 */
@RestController
class DirectoryImportController {

    private final DirectoryImport directoryImport;
    private final ObjectMapper json;

    DirectoryImportController(DirectoryImport directoryImport, ObjectMapper json) {
        this.directoryImport = directoryImport;
        this.json = json;
    }

    @PostMapping(path = "/api/admin/directory/import", consumes = {"text/csv", MediaType.APPLICATION_JSON_VALUE})
    @PreAuthorize("hasRole('ADMIN')")
    DirectoryImport.Diff importPeople(@RequestBody(required = false) String file,
                                      @RequestHeader("Content-Type") String contentType,
                                      @RequestParam(defaultValue = "true") boolean dryRun, Authentication admin) {
        if (file == null || file.isBlank()) {
            throw RuleViolation.invalid("The file is empty; send a header row (" + String.join(",",
                    DirectoryFile.COLUMNS) + ") and one row per person, or JSON {\"people\": [...]}.");
        }
        List<DirectoryFile.Entry> entries = MediaType.parseMediaType(contentType)
                .isCompatibleWith(MediaType.APPLICATION_JSON) ? DirectoryFile.json(file, json)
                : DirectoryFile.csv(file);
        return directoryImport.run(entries, !dryRun, admin.getName());
    }
}
