package org.backstrong.planner;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;

import org.backstrong.planner.messaging.Topics;
import org.backstrong.testinfra.KafkaResource;
import org.backstrong.testinfra.PostgresResource;

/** Real infrastructure for every test of this module: a throwaway PostgreSQL, a Kafka broker, an OIDC server, and stubs of catalog-service's and progress-service's HTTP APIs. */
@WithTestResource(
        value = PostgresResource.class,
        scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "planner"))
@WithTestResource(
        value = KafkaResource.class,
        scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "topics", value = Topics.ALL))
@WithTestResource(value = OidcWiremockTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = CatalogStub.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = ProgressStub.class, scope = TestResourceScope.GLOBAL)
public final class TestInfrastructure {

    private TestInfrastructure() {}
}
