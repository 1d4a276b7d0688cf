package org.backstrong.progress.security;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

import jakarta.enterprise.context.RequestScoped;
import jakarta.json.JsonString;

import org.eclipse.microprofile.jwt.JsonWebToken;

/** Who is calling: the token's subject, roles and clinic, as the services' access rules need them. */
@RequestScoped
public class Caller {

    /** Keycloak user attribute mapped into tokens; absent for analysts and admins. */
    public static final String CLINIC_CLAIM = "clinic_id";

    /** Keycloak user attribute mapped into analysts' tokens as a multivalued claim: the clinics they may query. */
    public static final String CLINICS_CLAIM = "clinic_ids";

    private final JsonWebToken token;

    public Caller(JsonWebToken token) {
        this.token = token;
    }

    public String subject() {
        return token.getSubject();
    }

    public Optional<String> clinicId() {
        return Optional.ofNullable(token.<Object>getClaim(CLINIC_CLAIM))
                .map(Object::toString)
                .filter(clinic -> !clinic.isBlank());
    }

    /** The clinics of the clinic_ids claim, sorted; none when the token has no such claim. */
    public List<String> clinicIds() {
        Object claim = token.getClaim(CLINICS_CLAIM);
        TreeSet<String> clinics = new TreeSet<>();
        if (claim instanceof Collection<?> values) {
            values.forEach(value -> clinics.add(text(value)));
        } else if (claim != null) {
            // A multivalued attribute with one value may still arrive as a single string.
            clinics.add(text(claim));
        }
        clinics.removeIf(String::isBlank);
        return List.copyOf(clinics);
    }

    private static String text(Object value) {
        return value instanceof JsonString string ? string.getString() : String.valueOf(value);
    }
}
