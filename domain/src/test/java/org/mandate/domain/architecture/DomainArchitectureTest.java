package org.mandate.domain.architecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The domain knows the rules and nothing of how they are run: no Spring, no engine, no database. */
@AnalyzeClasses(packages = "org.mandate.domain", importOptions = ImportOption.DoNotIncludeTests.class)
class DomainArchitectureTest {

    @ArchTest
    static final ArchRule noSpringEngineOrPersistence = noClasses()
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.springframework..", "org.camunda..", "jakarta.persistence..", "javax.persistence..",
                    "java.sql..", "com.fasterxml.jackson..")
            .because("the domain holds the rules only; wiring and storage belong to the outer modules");

    @ArchTest
    static final ArchRule noOuterModules = noClasses()
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.mandate.processes..", "org.mandate.projections..", "org.mandate.app..")
            .because("dependencies point one way: app -> projections, processes -> domain");
}
