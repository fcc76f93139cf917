package org.mandate.app.process;

import org.mandate.domain.directory.PersonId;
import org.mandate.processes.deployment.DeployedVersion;
import org.mandate.processes.deployment.ProcessDeployer;
import org.mandate.processes.validation.BpmnValidator;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * What the modeler on the process owners' pages fetches and posts (session and CSRF token, since the API accepts
 * HTTP Basic only): the template, a version's XML, validation and deployment. Its errors are problem+json, which
 * the modeler reads to point at the elements at fault; the pages beside it are {@link ProcessPagesController}.
 */
@RestController
@RequestMapping("/processes")
@PreAuthorize("hasRole('PROCESS_OWNER')")
class ProcessEditorEndpoints {

    private final BpmnValidator validator;
    private final ProcessDeployer deployer;
    private final ProcessVersions versions;
    private final ProblemWords words;

    ProcessEditorEndpoints(BpmnValidator validator, ProcessDeployer deployer, ProcessVersions versions,
                           ProblemWords words) {
        this.validator = validator;
        this.words = words;
        this.deployer = deployer;
        this.versions = versions;
    }

    @GetMapping(path = "/template.bpmn", produces = MediaType.APPLICATION_XML_VALUE)
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
    byte[] xml(@PathVariable String key, @PathVariable int version) {
        return versions.xml(ProcessVersions.checkedKey(key), version);
    }

    @PostMapping(path = "/validation", produces = MediaType.APPLICATION_JSON_VALUE)
    ValidationAnswer validate(InputStream body) {
        return ValidationAnswer.of(validator.validate(BpmnUpload.read(body, validator.maxBytes())), words);
    }

    @PostMapping(path = "/deployments", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<DeployedVersion> deploy(InputStream body, Authentication user) {
        DeployedVersion deployed = deployer.deploy(BpmnUpload.read(body, validator.maxBytes()),
                PersonId.of(user.getName()));
        versions.awaitRecorded(deployed.key(), deployed.version());
        return ResponseEntity.status(201).body(deployed);
    }
}
