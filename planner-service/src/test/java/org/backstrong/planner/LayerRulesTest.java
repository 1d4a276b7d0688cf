package org.backstrong.planner;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import jakarta.ws.rs.Path;
import jakarta.ws.rs.ext.ExceptionMapper;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import org.backstrong.testinfra.LayerRules;

/** The style page's layer rules, applied to planner's main classes, and the planner's own. */
@AnalyzeClasses(packages = LayerRulesTest.BASE, importOptions = ImportOption.DoNotIncludeTests.class)
class LayerRulesTest {

    static final String BASE = "org.backstrong.planner";

    @ArchTest
    static final ArchRule domainIsPlainJava = LayerRules.domainUsesNoFrameworkNorLayer(BASE);

    @ArchTest
    static final ArchRule servicesKnowNoHttp = LayerRules.servicesKnowNoHttp(BASE);

    @ArchTest
    static final ArchRule sqlOnlyInRepositories = LayerRules.sqlOnlyInRepositories(BASE);

    @ArchTest
    static final ArchRule eventsKnowNoDomain = LayerRules.eventsKnowNoDomain(BASE);

    @ArchTest
    static final ArchRule endpointsCallServicesOnly = LayerRules.endpointsCallServicesOnly(BASE);

    /** A resource of the JSON API, or one of its exception mappers: what a page must not lean on. */
    private static final DescribedPredicate<JavaClass> API_RESOURCE_OR_MAPPER = DescribedPredicate.describe(
            "are rest/ resources (annotated @Path) or rest/'s exception mappers",
            type -> type.getPackageName().startsWith(BASE + ".rest")
                    && (type.isAnnotatedWith(Path.class)
                            || type.isAssignableTo(ExceptionMapper.class)
                            || type.getMethods().stream()
                                    .anyMatch(method -> method.isAnnotatedWith(ServerExceptionMapper.class))));

    @ArchTest
    static final ArchRule pagesLeanOnNoApiResource = noClasses()
            .that()
            .resideInAPackage(BASE + ".web..")
            .should()
            .dependOnClassesThat(API_RESOURCE_OR_MAPPER)
            .because("pages call services; what both need sits in a neutral place");
}
