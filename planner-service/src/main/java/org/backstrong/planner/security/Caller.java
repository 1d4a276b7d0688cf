package org.backstrong.planner.security;

import java.util.Optional;

import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.ws.rs.ForbiddenException;

import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.identity.SecurityIdentity;
import org.eclipse.microprofile.jwt.JsonWebToken;

import org.backstrong.planner.domain.Author;

/** Who is calling: the token's subject, roles and clinic, as the services' access rules need them. */
@RequestScoped
public class Caller {

    /** Keycloak user attribute mapped into tokens; absent for analysts and admins. */
    public static final String CLINIC_CLAIM = "clinic_id";

    private final JsonWebToken token;
    private final SecurityIdentity identity;
    private final Instance<AccessTokenCredential> accessToken;

    public Caller(JsonWebToken token, SecurityIdentity identity, Instance<AccessTokenCredential> accessToken) {
        this.token = token;
        this.identity = identity;
        this.accessToken = accessToken;
    }

    /**
     * The caller's access token as an Authorization value ("Bearer …"), for work done later on the
     * caller's behalf with no request to take it from; empty when there is none.
     */
    public Optional<String> authorization() {
        String raw = accessToken.isResolvable() ? accessToken.get().getToken() : null;
        return raw == null || raw.isBlank() ? Optional.empty() : Optional.of("Bearer " + raw);
    }

    public String subject() {
        return token.getSubject();
    }

    /** The name to greet the caller with: the login name, else the subject. */
    public String username() {
        String name = token.getClaim("preferred_username");
        return name == null || name.isBlank() ? subject() : name;
    }

    /** The name people know the caller by: the token's full name, else the login name, else the subject. */
    public String displayName() {
        String name = token.getClaim("name");
        return name == null || name.isBlank() ? username() : name.strip();
    }

    /** The caller as the author of a change: the subject the audit trail keys on, and the name shown. */
    public Author author() {
        return new Author(subject(), displayName());
    }

    /** The sign-in session the token belongs to (Keycloak's {@code sid}), else the subject. */
    public String signInSession() {
        String sid = token.getClaim("sid");
        return sid == null || sid.isBlank() ? subject() : sid;
    }

    public boolean is(String role) {
        return identity.hasRole(role);
    }

    public Optional<String> clinicId() {
        return Optional.ofNullable(token.<Object>getClaim(CLINIC_CLAIM))
                .map(Object::toString)
                .filter(clinic -> !clinic.isBlank());
    }

    /** The clinic of clinic staff; a clinician's token without one is refused. */
    public String clinic() {
        return clinicId().orElseThrow(() -> new ForbiddenException("A clinician's token must carry a clinic_id"));
    }
}
