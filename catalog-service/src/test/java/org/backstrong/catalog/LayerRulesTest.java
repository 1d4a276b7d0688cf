package org.backstrong.catalog;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import org.backstrong.testinfra.LayerRules;

/** The layers of catalog-service hold: ../shared/STYLE.md's rules, checked on every build. */
@AnalyzeClasses(packages = LayerRulesTest.BASE, importOptions = ImportOption.DoNotIncludeTests.class)
class LayerRulesTest {

    static final String BASE = "org.backstrong.catalog";

    @ArchTest
    static final ArchRule domainIsPlainJava = LayerRules.domainUsesNoFrameworkNorLayer(BASE);

    @ArchTest
    static final ArchRule servicesKnowNoHttp = LayerRules.servicesKnowNoHttp(BASE);

    @ArchTest
    static final ArchRule endpointsCallServicesOnly = LayerRules.endpointsCallServicesOnly(BASE);

    @ArchTest
    static final ArchRule sqlOnlyInRepositories = LayerRules.sqlOnlyInRepositories(BASE);
}
