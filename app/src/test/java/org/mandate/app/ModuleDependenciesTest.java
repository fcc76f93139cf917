package org.mandate.app;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import org.mandate.app.web.Page;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.bind.annotation.RestController;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods;

/**
 * Dependencies point one way: app → projections, processes → domain. And a page controller serves only pages: its
 * errors are answered with a page ({@code PageErrors}), which an API client must never get instead of problem+json;
 * a feature's page controllers are marked as pages so that their errors are pages too.
 */
@AnalyzeClasses(packages = "org.mandate", importOptions = ImportOption.DoNotIncludeTests.class)
class ModuleDependenciesTest {

    @ArchTest
    static final ArchRule domainKnowsNoOuterModule = noClasses().that().resideInAPackage("org.mandate.domain..")
            .should().dependOnClassesThat().resideInAnyPackage("org.mandate.processes..",
                    "org.mandate.projections..", "org.mandate.app..", "org.springframework..", "org.camunda..",
                    "jakarta.persistence..");

    @ArchTest
    static final ArchRule processesDoNotReadProjectionsOrApp = noClasses()
            .that().resideInAPackage("org.mandate.processes..")
            .should().dependOnClassesThat().resideInAnyPackage("org.mandate.projections..", "org.mandate.app..");

    @ArchTest
    static final ArchRule projectionsDoNotDriveTheEngineOrApp = noClasses()
            .that().resideInAPackage("org.mandate.projections..")
            .should().dependOnClassesThat().resideInAnyPackage("org.mandate.processes..", "org.mandate.app..",
                    "org.camunda..");

    /** A feature's pages live in its {@code web} package; their errors must be pages too (PageErrors selects by @Page). */
    @ArchTest
    static final ArchRule pageControllersOfAFeatureAreMarkedAsPages = classes()
            .that().areAnnotatedWith(Controller.class).and().resideInAPackage("org.mandate.app.*.web..")
            .should().beAnnotatedWith(Page.class);

    @ArchTest
    static final ArchRule pageControllersServeNoJson = noMethods()
            .that().areDeclaredInClassesThat().areAnnotatedWith(Page.class)
            .should().beAnnotatedWith(ResponseBody.class)
            .orShould().beDeclaredInClassesThat().areAnnotatedWith(RestController.class);
}
