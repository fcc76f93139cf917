package org.mandate.app.process;

import org.mandate.domain.directory.PersonId;
import org.mandate.processes.deployment.DeployedVersion;
import org.mandate.processes.deployment.ProcessDeployer;
import org.mandate.processes.validation.BpmnValidator;
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

import java.io.InputStream;
import java.net.URI;
import java.util.List;

/** Approval paths over the API: anyone logged in may read them; only process owners validate and deploy. */
@RestController
@RequestMapping("/api/processes")
class ProcessController {

    private final BpmnValidator validator;
    private final ProblemWords words;
    private final ProcessDeployer deployer;
    private final ProcessVersions versions;

    ProcessController(BpmnValidator validator, ProcessDeployer deployer, ProcessVersions versions,
                      ProblemWords words) {
        this.validator = validator;
        this.words = words;
        this.deployer = deployer;
        this.versions = versions;
    }

    @GetMapping
    List<ProcessVersions.PathSummary> paths() {
        return versions.paths();
    }

    /** Lists every problem; a file with problems is still a successful validation, so the answer is 200. */
    @PostMapping("/validation")
    @PreAuthorize("hasRole('PROCESS_OWNER')")
    ValidationAnswer validate(InputStream body) {
        return ValidationAnswer.of(validator.validate(BpmnUpload.read(body, validator.maxBytes())), words);
    }

    @PostMapping
    @PreAuthorize("hasRole('PROCESS_OWNER')")
    ResponseEntity<DeployedVersion> deploy(InputStream body, Authentication user) {
        DeployedVersion deployed = deployer.deploy(BpmnUpload.read(body, validator.maxBytes()),
                PersonId.of(user.getName()));
        versions.awaitRecorded(deployed.key(), deployed.version());
        return ResponseEntity.created(URI.create("/api/processes/" + deployed.key() + "/versions/"
                + deployed.version() + "/xml")).body(deployed);
    }

    @GetMapping("/{key}/versions")
    List<ProcessVersions.VersionView> versionsOf(@PathVariable String key) {
        return versions.versionsOf(ProcessVersions.checkedKey(key));
    }

    @GetMapping(path = "/{key}/versions/{version}/xml", produces = MediaType.APPLICATION_XML_VALUE)
    byte[] xml(@PathVariable String key, @PathVariable int version) {
        return versions.xml(ProcessVersions.checkedKey(key), version);
    }

    @GetMapping("/{key}/changes")
    ProcessVersions.Comparison changes(@PathVariable String key, @RequestParam int from, @RequestParam int to) {
        return versions.compare(ProcessVersions.checkedKey(key), from, to);
    }
}
