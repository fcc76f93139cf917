package org.mandate.processes.binding;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.mandate.domain.Refusals;
import org.mandate.domain.binding.BindPath;
import org.mandate.domain.binding.PathBinding;
import org.mandate.domain.directory.PersonId;
import org.mandate.domain.request.OrganisationChecks;
import org.mandate.processes.deployment.PathVersion;
import org.mandate.processes.deployment.ProcessCatalogue;
import org.mandate.processes.validation.BpmnProblem;
import org.mandate.processes.validation.BpmnValidation;
import org.mandate.processes.validation.BpmnValidator;

import java.math.BigDecimal;
import java.util.stream.Collectors;

/**
 * Binds a path only if its newest version passes today's validation (a version recorded from an older database
 * is held to the same rules as a new one) and, when the band reaches {@link OrganisationChecks#FINANCE_CHECK_FROM},
 * if it has a finance check step. The aggregate refuses an approval without the check anyway; this says so early.
 */
public class PathBinder {

    private final ProcessCatalogue catalogue;
    private final BpmnValidator validator;
    private final CommandGateway commands;

    public PathBinder(ProcessCatalogue catalogue, BpmnValidator validator, CommandGateway commands) {
        this.catalogue = catalogue;
        this.validator = validator;
        this.commands = commands;
    }

    public void bind(String processKey, String category, BigDecimal minAmount, BigDecimal maxAmount,
                     PersonId boundBy) {
        PathVersion latest = catalogue.latest(processKey).orElseThrow(() -> Refusals.invalid(
                "binding.pathBinder.noSuchPath", processKey));
        byte[] bpmn = catalogue.xml(processKey, latest.version()).orElseThrow();
        BpmnValidation validation = validator.validate(bpmn);
        if (!validation.valid()) {
            // the problems themselves are the validator's English sentences (the modeler words them per language)
            throw Refusals.invalid("binding.pathBinder.notValid", String.valueOf(latest.version()), processKey,
                    validation.problems().stream().map(BpmnProblem::message).collect(Collectors.joining(" ")));
        }
        PathBinding binding = new PathBinding(processKey, category, minAmount, maxAmount);
        if (binding.reaches(OrganisationChecks.FINANCE_CHECK_FROM) && !validator.hasFinanceCheck(bpmn)) {
            throw Refusals.invalid("binding.pathBinder.noFinanceCheck", processKey, binding.phrase(),
                    OrganisationChecks.FINANCE_CHECK_FROM.toPlainString(), "${routing.financeCheckerFor(execution)}");
        }
        commands.sendAndWait(new BindPath(processKey, category, minAmount, maxAmount, boundBy));
    }
}
