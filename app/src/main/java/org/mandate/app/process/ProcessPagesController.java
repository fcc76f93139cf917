package org.mandate.app.process;

import org.mandate.domain.RuleViolation;
import org.mandate.domain.directory.PersonId;
import org.mandate.processes.deployment.DeployedVersion;
import org.mandate.processes.deployment.ProcessDeployer;
import org.mandate.processes.validation.BpmnValidator;
import org.mandate.app.web.Page;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The process owners' pages: the paths, their versions, a viewer, a comparison and the modeler. The modeler posts
 * to the JSON endpoints here (session and CSRF token), since the API accepts HTTP Basic only.
 */
@Controller
@Page
@RequestMapping("/processes")
@PreAuthorize("hasRole('PROCESS_OWNER')")
class ProcessPagesController {

    private final BpmnValidator validator;
    private final ProcessDeployer deployer;
    private final ProcessVersions versions;
    private final Bindings bindings;

    ProcessPagesController(BpmnValidator validator, ProcessDeployer deployer, ProcessVersions versions,
                           Bindings bindings) {
        this.validator = validator;
        this.deployer = deployer;
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
    String changes(@PathVariable String key, @RequestParam int from, @RequestParam int to, Model model) {
        model.addAttribute("comparison", versions.compare(ProcessVersions.checkedKey(key), from, to));
        return "processes/changes";
    }

    @GetMapping("/{key}/edit")
    String edit(@PathVariable String key, Model model) {
        int latest = versions.versionsOf(ProcessVersions.checkedKey(key)).get(0).version();
        model.addAttribute("key", key);
        model.addAttribute("basedOn", latest);
        model.addAttribute("source", "/processes/" + key + "/versions/" + latest + "/xml");
        return "processes/editor";
    }

    /** A new path starts from a template: one approval step routed by authority, approved or rejected. */
    @GetMapping("/new")
    String create(@RequestParam String key, Model model) {
        if (versions.isDeployed(ProcessVersions.checkedKey(key))) {
            throw RuleViolation.conflict("A path '" + key + "' already exists; open it from the list to edit it.");
        }
        model.addAttribute("key", key);
        model.addAttribute("source", "/processes/template.bpmn?key=" + key);
        return "processes/editor";
    }

    @GetMapping(path = "/template.bpmn", produces = MediaType.APPLICATION_XML_VALUE)
    @ResponseBody
    String template(@RequestParam String key) {
        try {
            String template = new ClassPathResource("process-templates/single-approval.bpmn")
                    .getContentAsString(StandardCharsets.UTF_8);
            return template.replace("NEW_KEY", ProcessVersions.checkedKey(key)).replace("NEW_NAME", key);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @GetMapping(path = "/{key}/versions/{version}/xml", produces = MediaType.APPLICATION_XML_VALUE)
    @ResponseBody
    byte[] xml(@PathVariable String key, @PathVariable int version) {
        return versions.xml(ProcessVersions.checkedKey(key), version);
    }

    @PostMapping(path = "/validation", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    ValidationAnswer validate(InputStream body) {
        return ValidationAnswer.of(validator.validate(BpmnUpload.read(body, validator.maxBytes())));
    }

    @PostMapping(path = "/deployments", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    ResponseEntity<DeployedVersion> deploy(InputStream body, Authentication user) {
        DeployedVersion deployed = deployer.deploy(BpmnUpload.read(body, validator.maxBytes()),
                PersonId.of(user.getName()));
        versions.awaitRecorded(deployed.key(), deployed.version());
        return ResponseEntity.status(201).body(deployed);
    }
}
