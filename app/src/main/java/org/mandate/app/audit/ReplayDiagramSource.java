package org.mandate.app.audit;

import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The path a replayed request followed, as BPMN XML for the replay page's viewer (session, since the API accepts
 * HTTP Basic only). Apart from the pages so that a failure reaches the viewer as problem+json, not as a page.
 */
@RestController
@PreAuthorize("hasAnyRole('AUDITOR', 'ADMIN')")
class ReplayDiagramSource {

    private final ProcessPaths paths;

    ReplayDiagramSource(ProcessPaths paths) {
        this.paths = paths;
    }

    @GetMapping(value = "/audit/paths/{definitionId}/bpmn", produces = MediaType.APPLICATION_XML_VALUE)
    String path(@PathVariable String definitionId) {
        return paths.xml(definitionId);
    }
}
