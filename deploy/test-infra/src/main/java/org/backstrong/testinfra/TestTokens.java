package org.backstrong.testinfra;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.smallrye.jwt.build.Jwt;

/**
 * Access tokens shaped like the backstrong realm's (realm_access.roles, clinic_id, an analyst's
 * clinic_ids, the user id as subject), really signed with the key that {@code OidcWiremockTestResource} publishes, so the
 * service validates them exactly as it validates Keycloak's, audience included.
 */
public final class TestTokens {

    /** The issuer OidcWiremockTestResource advertises. */
    public static final String ISSUER = "https://server.example.com";

    /** The audience every service requires (quarkus.oidc.token.audience), as the realm's audience mappers put it. */
    public static final String AUDIENCE = "backstrong-web";

    private TestTokens() {}

    public static String clinician(String subject, String clinicId) {
        return token(subject, clinicId, "clinician");
    }

    public static String patient(String subject, String clinicId) {
        return token(subject, clinicId, "patient");
    }

    public static String analyst(String subject) {
        return token(subject, null, "analyst");
    }

    /** An analyst of these clinics: the realm maps the user's clinic_ids attribute as a multivalued claim. */
    public static String analyst(String subject, String... clinicIds) {
        Map<String, Object> claims = new HashMap<>();
        claims.put("clinic_ids", List.of(clinicIds));
        return token(AUDIENCE, subject, null, claims, "analyst");
    }

    public static String admin(String subject) {
        return token(subject, null, "admin");
    }

    public static String token(String subject, String clinicId, String... roles) {
        return token(AUDIENCE, subject, clinicId, new HashMap<>(), roles);
    }

    /** A token like the others but meant for another audience (e.g. Keycloak's "account"): the services refuse it. */
    public static String forAudience(String audience, String subject, String clinicId, String... roles) {
        return token(audience, subject, clinicId, new HashMap<>(), roles);
    }

    private static String token(
            String audience, String subject, String clinicId, Map<String, Object> claims, String... roles) {
        claims.put("realm_access", Map.of("roles", List.of(roles)));
        if (clinicId != null) {
            claims.put("clinic_id", clinicId);
        }
        return Jwt.claims(claims)
                .subject(subject)
                .preferredUserName(subject)
                .issuer(ISSUER)
                .audience(audience)
                .expiresIn(300)
                .jws()
                .keyId("1")
                .sign("privateKey.jwk");
    }
}
