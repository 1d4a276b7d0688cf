package org.backstrong.testinfra;

import static com.tngtech.archunit.base.DescribedPredicate.describe;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import java.util.Set;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The layer rules of ../shared/STYLE.md, written once for every service: each service's
 * {@code LayerRulesTest} applies them to its own base package (main classes only), with any rule of
 * its own beside them.
 */
public final class LayerRules {

    /** Packages of frameworks: none of them may reach a pure rule. */
    private static final String[] FRAMEWORKS = {
        "io.quarkus..", "io.smallrye..", "io.vertx..", "jakarta..", "javax..", "org.eclipse.microprofile..",
        "org.hibernate..", "com.fasterxml..", "org.jboss..", "io.agroal..", "org.apache.kafka..", "org.postgresql..",
        "org.flywaydb..", "io.opentelemetry..", "io.micrometer.."
    };

    /** What HTTP is made of: a service that touches these has become a resource. */
    private static final String[] HTTP = {
        "jakarta.ws.rs..",
        "org.jboss.resteasy..",
        "io.vertx.core.http..",
        "io.vertx.ext.web..",
        "io.quarkus.qute..",
        "io.quarkus.vertx.http.."
    };

    /** The types that run SQL (not the value types of java.sql such as Date): outside a repository none is called. */
    private static final Set<String> SQL = Set.of(
            "java.sql.Connection",
            "java.sql.Statement",
            "java.sql.PreparedStatement",
            "java.sql.CallableStatement",
            "java.sql.ResultSet",
            "java.sql.DriverManager",
            "javax.sql.DataSource",
            "io.agroal.api.AgroalDataSource");

    /** Query factories: a call of one of their create...Query methods runs SQL or HQL. */
    private static final Set<String> QUERY_FACTORIES = Set.of(
            "jakarta.persistence.EntityManager",
            "org.hibernate.Session",
            "org.hibernate.SharedSessionContract",
            "org.hibernate.StatelessSession");

    private LayerRules() {}

    /**
     * Domain classes use no framework but the JPA mapping annotations of its entities, and no other
     * layer of the service.
     */
    public static ArchRule domainUsesNoFrameworkNorLayer(String base) {
        return noClasses()
                .that()
                .resideInAPackage(base + ".domain..")
                .should()
                .dependOnClassesThat(frameworkOtherThanMapping()
                        .or(resideInAPackage(base + "..").and(resideOutsideOfPackage(base + ".domain.."))))
                .because("the domain is plain Java: entities and pure rules");
    }

    /** The pure rules of a package (the engine) use the JDK and their own domain, nothing else. */
    public static ArchRule pureRules(String rulesPackage) {
        return noClasses()
                .that()
                .resideInAPackage(rulesPackage + "..")
                .should()
                .dependOnClassesThat(resideInAnyPackage(FRAMEWORKS))
                .because("a rule is tested with plain JUnit: no framework, no database");
    }

    /** Services take and return their own types: no resource, page, or HTTP type. */
    public static ArchRule servicesKnowNoHttp(String base) {
        return noClasses()
                .that()
                .resideInAPackage(base + ".service..")
                .should()
                .dependOnClassesThat(resideInAnyPackage(concat(HTTP, base + ".rest..", base + ".web..")))
                .because("a use case does not know whether a page, the API or a consumer called it");
    }

    /** Resources and pages call services, never a repository. */
    public static ArchRule endpointsCallServicesOnly(String base) {
        return noClasses()
                .that()
                .resideInAnyPackage(base + ".rest..", base + ".web..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage(base + ".repository..")
                .because("transactions and data access sit behind a service");
    }

    /** SQL is run only in repositories. */
    public static ArchRule sqlOnlyInRepositories(String base) {
        return noClasses()
                .that()
                .resideInAPackage(base + "..")
                .and()
                .resideOutsideOfPackage(base + ".repository..")
                .should()
                .callMethodWhere(describe(
                        "it runs SQL (JDBC, or an EntityManager query)",
                        call -> QUERY_FACTORIES.contains(call.getTargetOwner().getName())
                                        && call.getName().startsWith("create")
                                        && call.getName().contains("Query")
                                || SQL.contains(call.getTargetOwner().getName())))
                .because("SQL lives in repositories");
    }

    /** Event records are the wire contract: they do not use the domain. */
    public static ArchRule eventsKnowNoDomain(String base) {
        return noClasses()
                .that()
                .resideInAPackage(base + ".event..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage(base + ".domain..")
                .because("the contract changes by version, the domain by need; mapping sits at the edge");
    }

    private static com.tngtech.archunit.base.DescribedPredicate<JavaClass> frameworkOtherThanMapping() {
        return describe(
                "belong to a framework (other than the JPA mapping annotations)",
                type -> resideInAnyPackage(FRAMEWORKS).test(type)
                        && !resideInAnyPackage("jakarta.persistence..", "org.hibernate.annotations..")
                                .test(type));
    }

    private static String[] concat(String[] first, String... more) {
        String[] all = java.util.Arrays.copyOf(first, first.length + more.length);
        System.arraycopy(more, 0, all, first.length, more.length);
        return all;
    }
}
