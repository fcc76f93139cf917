package org.mandate.app.admin;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.Map;

/** Rebuilds a projection from event zero while the app keeps serving ({@link ProjectionRebuilds} says how). */
@RestController
@PreAuthorize("hasRole('ADMIN')")
class ProjectionRebuildController {

    private final ProjectionRebuilds rebuilds;

    ProjectionRebuildController(ProjectionRebuilds rebuilds) {
        this.rebuilds = rebuilds;
    }

    @PostMapping("/api/admin/projections/{name}/rebuild")
    ResponseEntity<Map<String, Object>> rebuild(@PathVariable String name) {
        String detail = rebuilds.rebuild(name);
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(Map.of("name", name, "status", "REBUILDING",
                "detail", detail));
    }
}
