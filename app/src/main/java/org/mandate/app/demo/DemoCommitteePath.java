package org.mandate.app.demo;

import org.mandate.domain.committee.Committees;
import org.mandate.domain.directory.PersonId;
import org.mandate.processes.binding.PathBinder;
import org.mandate.processes.deployment.ProcessDeployer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;

/**
 * The demo school's committee path: requests above 10000 and up to 100000 (above every vice principal's authority)
 * go to the budget committee, 2 of 3, then to the finance check. Deployed through Mandate's validation and bound by
 * the process owner the first time it is seen, after the shipped path is bound (so the default binding still happens
 * on a new database) and before the demo story submits anything; afterwards it is the process owners' to change.
 */
@Component
@ConditionalOnProperty(name = "mandate.demo", havingValue = "true")
class DemoCommitteePath {

    static final String FILE = "bpmn/committee-approval.bpmn";
    static final String KEY = "committee-approval";
    /** Bands include their lower bound and exclude the upper: cents make "above 10000, up to 100000". */
    static final BigDecimal ABOVE = new BigDecimal("10000.01");
    static final BigDecimal UP_TO = new BigDecimal("100000.01");
    private static final Logger log = LoggerFactory.getLogger(DemoCommitteePath.class);

    private final ProcessDeployer deployer;
    private final PathBinder binder;
    private final Committees committees;

    DemoCommitteePath(ProcessDeployer deployer, PathBinder binder, Committees committees) {
        this.deployer = deployer;
        this.binder = binder;
        this.committees = committees;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(Ordered.HIGHEST_PRECEDENCE + 1)
    void install() {
        if (committees.sitting(DemoOrganisation.BUDGET_COMMITTEE).filter(c -> c.members().size() == 3).isEmpty()) {
            return; // the committee was changed on purpose: its path would no longer validate
        }
        deployer.deployShipped(file()).ifPresent(deployed -> {
            binder.bind(KEY, null, ABOVE, UP_TO, PersonId.of("olu"));
            log.info("Deployed the demo's committee path '{}' and bound it above {} up to {}", KEY,
                    ABOVE.toPlainString(), UP_TO.toPlainString());
        });
    }

    private static byte[] file() {
        try (InputStream in = new ClassPathResource(FILE).getInputStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
