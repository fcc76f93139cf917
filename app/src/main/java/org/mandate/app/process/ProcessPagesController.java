package org.mandate.app.process;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.mandate.app.problem.AppRefusals;
import org.mandate.projections.committee.CommitteesProjection;

import org.mandate.app.web.Page;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.util.Map;

/**
 * The process owners' pages: the paths, their versions, a viewer, a comparison and the modeler (which fetches and
 * posts through {@link ProcessEditorEndpoints}).
 */
@Controller
@Page
@RequestMapping("/processes")
@PreAuthorize("hasRole('PROCESS_OWNER')")
class ProcessPagesController {

    private final ProcessVersions versions;
    private final Bindings bindings;

    private final ObjectMapper json;

    private final CommitteesProjection committees;

    ProcessPagesController(ProcessVersions versions, Bindings bindings, ObjectMapper json,
                           CommitteesProjection committees) {
        this.committees = committees;
        this.json = json;
        this.versions = versions;
        this.bindings = bindings;
    }

    @GetMapping
    String paths(Model model) {
        model.addAttribute("paths", versions.paths());
        return "processes/paths";
    }

    @GetMapping("/{key}")
    String versions(@PathVariable String key, Model model) {
        model.addAttribute("key", ProcessVersions.checkedKey(key));
        model.addAttribute("versions", versions.versionsOf(key));
        model.addAttribute("bindings", bindings.list().stream()
                .filter(binding -> binding.processKey().equals(key)).toList());
        return "processes/versions";
    }

    @GetMapping("/{key}/versions/{version}")
    String view(@PathVariable String key, @PathVariable int version, Model model) {
        versions.xml(ProcessVersions.checkedKey(key), version);
        model.addAttribute("key", key);
        model.addAttribute("version", version);
        return "processes/view";
    }

    @GetMapping("/{key}/changes")
    String changes(@PathVariable String key, @RequestParam int from, @RequestParam int to, Model model)
            throws JsonProcessingException {
        var comparison = versions.compare(ProcessVersions.checkedKey(key), from, to);
        model.addAttribute("comparison", comparison);
        // for the diagrams: which element changed how; escaped so that no id can close the script element
        var marks = comparison.changes().stream()
                .map(change -> Map.of("elementId", change.elementId(), "kind", change.kind().name())).toList();
        model.addAttribute("changesJson", json.writeValueAsString(marks).replace("<", "\\u003c")
                .replace(">", "\\u003e").replace("&", "\\u0026"));
        return "processes/changes";
    }

    @GetMapping("/{key}/edit")
    String edit(@PathVariable String key, Model model) {
        int latest = versions.versionsOf(ProcessVersions.checkedKey(key)).get(0).version();
        model.addAttribute("key", key);
        model.addAttribute("basedOn", latest);
        model.addAttribute("source", "/processes/" + key + "/versions/" + latest + "/xml");
        model.addAttribute("committees", committees.all().stream().filter(c -> !c.dissolved()).toList());
        return "processes/editor";
    }

    /** A new path starts from a template: one approval step routed by authority, approved or rejected. */
    @GetMapping("/new")
    String create(@RequestParam String key, Model model) {
        if (versions.isDeployed(ProcessVersions.checkedKey(key))) {
            throw AppRefusals.conflict("refusal.process.exists", key);
        }
        model.addAttribute("key", key);
        model.addAttribute("source", "/processes/template.bpmn?key=" + key);
        model.addAttribute("committees", committees.all().stream().filter(c -> !c.dissolved()).toList());
        return "processes/editor";
    }
}
