package org.backstrong.kubernetes;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Each overlay's KeycloakRealmImport carries its realm file as it is (kustomize cannot read a file
 * outside its folder into a field): the demo realm of deploy/local in dev, the production realm of
 * deploy/realm in prod. The secrets stay placeholders that the operator fills from Secrets.
 * {@code -Drefresh-realm-imports} rewrites the imports after a realm file changed.
 */
class RealmImportsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
            .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR));

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void realmImportIsTheRealmFileWithItsSecretsFromSecrets(String overlay) throws IOException {
        Path file = Kustomize.MODULE.resolve("overlays").resolve(overlay).resolve("realm-import.yaml");
        String expected = expected(overlay);
        if (Boolean.getBoolean("refresh-realm-imports")) {
            Files.writeString(file, expected, StandardCharsets.UTF_8);
        }
        assertEquals(
                expected,
                Files.readString(file, StandardCharsets.UTF_8),
                file + " differs from its realm file: refresh it with "
                        + "./mvnw -pl deploy/kubernetes verify -Drefresh-realm-imports and commit it");
    }

    private static String expected(String overlay) throws IOException {
        Path root = Kustomize.MODULE.resolve("../..").normalize();
        Map<String, String[]> placeholders = new LinkedHashMap<>();
        placeholders.put("BACKSTRONG_WEB_CLIENT_SECRET", new String[] {"planner-secrets", "web-client-secret"});
        placeholders.put(
                "BACKSTRONG_INVITATIONS_CLIENT_SECRET", new String[] {"planner-secrets", "invitations-client-secret"});
        String realm;
        String header;
        if (overlay.equals("dev")) {
            // deploy/local writes the secrets over @NAME@; the operator's import fills ${NAME}.
            realm = Files.readString(root.resolve("deploy/local/realm/backstrong-realm.json"), StandardCharsets.UTF_8)
                    .replace("@BACKSTRONG_WEB_CLIENT_SECRET@", "${BACKSTRONG_WEB_CLIENT_SECRET}")
                    .replace("@BACKSTRONG_INVITATIONS_CLIENT_SECRET@", "${BACKSTRONG_INVITATIONS_CLIENT_SECRET}");
            header = "# dev's realm: deploy/local/realm/backstrong-realm.json (demo users, password = user name;\n"
                    + "# the web client on 127.0.0.1:8080, reached by port-forward). Written by RealmImportsTest:\n"
                    + "# do not edit.\n";
        } else {
            realm = Files.readString(root.resolve("deploy/realm/backstrong-realm.prod.json"), StandardCharsets.UTF_8);
            placeholders.put("BACKSTRONG_WEB_URL", new String[] {"backstrong-web", "url"});
            header = "# prod's realm: deploy/realm/backstrong-realm.prod.json (no users, no password grant). Written\n"
                    + "# by RealmImportsTest: do not edit.\n";
        }
        ObjectNode resource = JSON.createObjectNode();
        resource.put("apiVersion", "k8s.keycloak.org/v2alpha1");
        resource.put("kind", "KeycloakRealmImport");
        resource.putObject("metadata").put("name", "backstrong");
        ObjectNode spec = resource.putObject("spec");
        spec.put("keycloakCRName", "backstrong-keycloak");
        ObjectNode fill = spec.putObject("placeholders");
        placeholders.forEach((name, secret) ->
                fill.putObject(name).putObject("secret").put("name", secret[0]).put("key", secret[1]));
        JsonNode parsed = JSON.readTree(realm);
        spec.set("realm", parsed);
        return header + YAML.writeValueAsString(resource);
    }
}
