package org.backstrong.progress.security;

import java.util.Optional;

import jakarta.enterprise.context.RequestScoped;

import org.eclipse.microprofile.jwt.JsonWebToken;

/** Who is calling: the token's subject, roles and clinic, as the services' access rules need them. */
@RequestScoped
public class Caller {

    /** Keycloak user attribute mapped into tokens; absent for analysts and admins. */
    public static final String CLINIC_CLAIM = "clinic_id";

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
}
