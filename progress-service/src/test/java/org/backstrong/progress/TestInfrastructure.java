package org.backstrong.progress;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;

import org.backstrong.progress.messaging.Topics;
import org.backstrong.testinfra.KafkaResource;
import org.backstrong.testinfra.PostgresResource;

/** Real infrastructure for every test of this module: a throwaway PostgreSQL, a Kafka broker and an OIDC server. */
@WithTestResource(
        value = PostgresResource.class,
        scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "progress"))
@WithTestResource(
        value = KafkaResource.class,
        scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "topics", value = Topics.ALL))
@WithTestResource(value = OidcWiremockTestResource.class, scope = TestResourceScope.GLOBAL)
public final class TestInfrastructure {

    private TestInfrastructure() {}
}
