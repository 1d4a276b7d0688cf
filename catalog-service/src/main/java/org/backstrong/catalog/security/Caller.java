package org.backstrong.catalog.security;

import java.util.Optional;

import jakarta.enterprise.context.RequestScoped;

import io.quarkus.security.identity.SecurityIdentity;
import org.eclipse.microprofile.jwt.JsonWebToken;

import org.backstrong.catalog.domain.Viewer;

/** Who is calling: the token's subject, roles and clinic, as the services' access rules need them. */
@RequestScoped
public class Caller {

    /** Keycloak user attribute mapped into tokens; absent for analysts and admins. */
    public static final String CLINIC_CLAIM = "clinic_id";

    private final JsonWebToken token;
    private final SecurityIdentity identity;

    public Caller(JsonWebToken token, SecurityIdentity identity) {
        this.token = token;
        this.identity = identity;
    }

    public String subject() {
        return token.getSubject();
    }

    public Optional<String> clinicId() {
        return Optional.ofNullable(token.<Object>getClaim(CLINIC_CLAIM))
                .map(Object::toString)
                .filter(clinic -> !clinic.isBlank());
    }

    public Viewer viewer() {
        return new Viewer(subject(), identity.getRoles(), clinicId().orElse(null));
    }
}
