package org.mandate.app;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * A test's name says what it starts (docs/adr/0023-test-names.md): {@code *Test} starts no Spring, so it runs in
 * milliseconds; {@code *IntegrationTest} starts the application (or a process of it); {@code *BrowserTest} starts
 * the application and drives it in Chromium.
 */
@AnalyzeClasses(packages = "org.mandate.app", importOptions = ImportOption.OnlyIncludeTests.class)
class TestNamesTest {

    private static final DescribedPredicate<JavaClass> STARTS_THE_APPLICATION =
            JavaClass.Predicates.assignableTo(MandateIntegrationTest.class);

    @ArchTest
    static final ArchRule aTestThatStartsTheApplicationSaysSo = classes()
            .that(STARTS_THE_APPLICATION).and().doNotHaveModifier(JavaModifier.ABSTRACT)
            .should().haveSimpleNameEndingWith("IntegrationTest")
            .orShould().haveSimpleNameEndingWith("BrowserTest");

    @ArchTest
    static final ArchRule aBrowserTestStartsTheApplication = classes()
            .that().haveSimpleNameEndingWith("BrowserTest").and().doNotHaveModifier(JavaModifier.ABSTRACT)
            .should(com.tngtech.archunit.lang.conditions.ArchConditions.beAssignableTo(MandateIntegrationTest.class));

    @ArchTest
    static final ArchRule aUnitTestStartsNoApplication = noClasses()
            .that().haveSimpleNameEndingWith("Test")
            .and().haveSimpleNameNotEndingWith("IntegrationTest")
            .and().haveSimpleNameNotEndingWith("BrowserTest")
            .should().beAssignableTo(MandateIntegrationTest.class);
}
