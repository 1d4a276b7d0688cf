package org.backstrong.progress;

import java.io.IOException;

import org.junit.jupiter.api.Test;

import org.backstrong.testinfra.GeneratedManifest;

/** The Deployment and Service that deploy/kubernetes commits for progress-service are the ones this build generates. */
class KubernetesManifestIT {

    @Test
    void committedManifestIsTheOneThisBuildGenerates() throws IOException {
        GeneratedManifest.assertCommittedCopyIsCurrent("progress-service");
    }
}
