package org.mandate.app.request.web;

import org.mandate.app.request.RequestReader;
import org.mandate.projections.request.RequestView;
import org.mandate.app.web.Page;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import java.util.Map;
import java.util.UUID;

/** A request's page, and the BPMN of its path for the diagram on that page. */
@Controller
@Page
class RequestPage {

    private final RequestPageModel page;
    private final RequestReader reader;
    private final Timeline timeline;
    private final PathDiagram diagram;

    RequestPage(RequestPageModel page, RequestReader reader, Timeline timeline, PathDiagram diagram) {
        this.page = page;
        this.reader = reader;
        this.timeline = timeline;
        this.diagram = diagram;
    }

    @GetMapping("/requests/{id}")
    String show(@PathVariable UUID id, Authentication user, Model model) {
        page.fill(id.toString(), user, model, Map.of());
        return "request/request";
    }

    @GetMapping("/requests/{id}/path.bpmn")
    ResponseEntity<String> path(@PathVariable UUID id, Authentication user) {
        RequestView request = reader.readableBy(id.toString(), user);
        return diagram.xml(timeline.of(id.toString()).pathVersion(), request.processKey())
                .map(xml -> ResponseEntity.ok().contentType(MediaType.TEXT_XML)
                        .cacheControl(CacheControl.noStore()).body(xml))
                .orElseGet(() -> ResponseEntity.notFound().build());
    }
}
