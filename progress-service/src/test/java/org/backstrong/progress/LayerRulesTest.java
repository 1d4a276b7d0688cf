package org.backstrong.progress;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import org.backstrong.testinfra.LayerRules;

/** The shared layer rules applied to progress-service's main classes. */
@AnalyzeClasses(packages = LayerRulesTest.BASE, importOptions = ImportOption.DoNotIncludeTests.class)
class LayerRulesTest {
    static final String BASE = "org.backstrong.progress";

    @ArchTest
    static final ArchRule domainIsPlainJava = LayerRules.domainUsesNoFrameworkNorLayer(BASE);

    @ArchTest
    static final ArchRule servicesKnowNoHttp = LayerRules.servicesKnowNoHttp(BASE);

    @ArchTest
    static final ArchRule endpointsCallServicesOnly = LayerRules.endpointsCallServicesOnly(BASE);

    @ArchTest
    static final ArchRule sqlOnlyInRepositories = LayerRules.sqlOnlyInRepositories(BASE);

    @ArchTest
    static final ArchRule eventsKnowNoDomain = LayerRules.eventsKnowNoDomain(BASE);

    @ArchTest
    static final ArchRule engineIsPureRules = LayerRules.pureRules(BASE + ".domain.progression");

    /** Stricter than pureRules: the engine reads on its own, nothing of the service's other layers or entities. */
    @ArchTest
    static final ArchRule engineUsesOnlyTheJdk = classes()
            .that()
            .resideInAPackage(BASE + ".domain.progression..")
            .should()
            .onlyDependOnClassesThat()
            .resideInAnyPackage("java..", BASE + ".domain.progression..")
            .because("a clinician checks the engine against the architecture page, line by line");
}
