package org.backstrong.planner;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

/**
 * The Deployment and Service that quarkus-kubernetes wrote at package are the copy that
 * deploy/kubernetes/base/planner-service/ commits (kustomize cannot read target/); the copy's leading
 * comment lines are its own.
 */
class KubernetesManifestIT {

    @Test
    void committedManifestIsTheOneThisBuildGenerates() throws IOException {
        Path generated = Path.of("target/kubernetes/kubernetes.yml");
        Path committed = Path.of("../deploy/kubernetes/base/planner-service/kubernetes.yml");
        String copy = Files.readString(committed, StandardCharsets.UTF_8).replaceFirst("\\A(#[^\\n]*\\n)+", "");

        assertEquals(Files.readString(generated, StandardCharsets.UTF_8), copy, committed
                + " is stale: refresh it as deploy/kubernetes/README.md says (./mvnw -pl planner-service -DskipTests"
                + " package, then copy " + generated + " over it, keeping its comment)");
    }
}
