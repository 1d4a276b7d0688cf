package org.backstrong.planner.accounts;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

import io.quarkus.arc.DefaultBean;
import io.quarkus.logging.Log;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.keycloak.admin.client.CreatedResponseUtil;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.admin.client.resource.UserResource;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.RoleRepresentation;
import org.keycloak.representations.idm.UserRepresentation;

import org.backstrong.planner.security.Caller;
import org.backstrong.planner.security.Roles;

/**
 * Patients' accounts in Keycloak, through its admin API as the service account of client
 * {@code backstrong-invitations}, which holds only realm-management's query-users, view-users
 * and manage-users: it can find, create and remove users and give them the patient role, and
 * change nothing else in the realm.
 */
@ApplicationScoped
@DefaultBean
public class KeycloakPatientAccounts implements PatientAccounts {

    /** Roles of staff: their accounts are never enrolled as patients. */
    private static final Set<String> STAFF = Set.of(Roles.CLINICIAN, Roles.ANALYST, Roles.ADMIN);
    /** Tries with a fresh random number when a made-up login name is taken. */
    private static final int USERNAME_TRIES = 5;

    private final Keycloak keycloak;
    private final String realm;

    public KeycloakPatientAccounts(
            Keycloak keycloak, @ConfigProperty(name = "quarkus.keycloak.admin-client.realm") String realm) {
        this.keycloak = keycloak;
        this.realm = realm;
    }

    @Override
    public Optional<PatientAccount> byId(String clinicId, String userId) {
        try {
            UserResource user = realm().users().get(userId);
            return patientOf(clinicId, user.toRepresentation(), user);
        } catch (WebApplicationException e) {
            // The admin client answers an unknown user as a 404 WebApplicationException, not always its
            // NotFoundException.
            if (e.getResponse() != null && e.getResponse().getStatus() == 404) {
                return Optional.empty();
            }
            throw unavailable("looking up a user", e);
        } catch (ProcessingException e) {
            throw unavailable("looking up a user", e);
        }
    }

    @Override
    public Optional<PatientAccount> byUsername(String clinicId, String username) {
        try {
            List<UserRepresentation> found = realm().users().searchByUsername(username, true);
            if (found.size() != 1) {
                return Optional.empty();
            }
            UserRepresentation user = found.get(0);
            return patientOf(clinicId, user, realm().users().get(user.getId()));
        } catch (WebApplicationException e) {
            // The admin client answers an unknown user as a 404 WebApplicationException, not always its
            // NotFoundException.
            if (e.getResponse() != null && e.getResponse().getStatus() == 404) {
                return Optional.empty();
            }
            throw unavailable("looking up a user name", e);
        } catch (ProcessingException e) {
            throw unavailable("looking up a user name", e);
        }
    }

    @Override
    public Invitation invite(String clinicId, String displayName) {
        String password = OneTimePasswords.password();
        for (int attempt = 1; attempt <= USERNAME_TRIES; attempt++) {
            String username = OneTimePasswords.username(displayName);
            String id;
            try (Response created = realm().users().create(newUser(clinicId, displayName, username, password))) {
                if (created.getStatus() == Response.Status.CONFLICT.getStatusCode()) {
                    continue;
                }
                id = CreatedResponseUtil.getCreatedId(created);
            } catch (WebApplicationException | ProcessingException e) {
                throw unavailable("creating an account", e);
            }
            try {
                UserResource user = realm().users().get(id);
                RoleRepresentation patient = user.roles().realmLevel().listAvailable().stream()
                        .filter(role -> Roles.PATIENT.equals(role.getName()))
                        .findFirst()
                        .orElseThrow(
                                () -> new IllegalStateException("realm " + realm + " has no role " + Roles.PATIENT));
                user.roles().realmLevel().add(List.of(patient));
            } catch (RuntimeException e) {
                withdraw(id);
                throw unavailable("giving the new account the patient role", e);
            }
            Log.infof("Invited patient account %s (%s) for clinic %s", id, username, clinicId);
            return new Invitation(id, username, password);
        }
        throw new AccountsUnavailableException("no free login name after " + USERNAME_TRIES + " tries", null);
    }

    @Override
    public void withdraw(String userId) {
        try (Response deleted = realm().users().delete(userId)) {
            Log.infof("Withdrew the invitation of account %s (Keycloak answered %d)", userId, deleted.getStatus());
        } catch (RuntimeException e) {
            Log.errorf("Could not remove the half-made account %s: %s", userId, e.getMessage());
        }
    }

    private RealmResource realm() {
        return keycloak.realm(realm);
    }

    /** The user as a patient account of the clinic: its clinic attribute matches and it is no member of staff. */
    private static Optional<PatientAccount> patientOf(String clinicId, UserRepresentation user, UserResource resource) {
        List<String> clinics =
                user.getAttributes() == null ? null : user.getAttributes().get(Caller.CLINIC_CLAIM);
        if (!Boolean.TRUE.equals(user.isEnabled()) || clinics == null || !clinics.equals(List.of(clinicId))) {
            return Optional.empty();
        }
        List<String> roles = resource.roles().realmLevel().listEffective().stream()
                .map(RoleRepresentation::getName)
                .toList();
        if (!roles.contains(Roles.PATIENT) || roles.stream().anyMatch(STAFF::contains)) {
            return Optional.empty();
        }
        return Optional.of(new PatientAccount(user.getId(), user.getUsername()));
    }

    private static UserRepresentation newUser(String clinicId, String displayName, String username, String password) {
        UserRepresentation user = new UserRepresentation();
        user.setUsername(username);
        user.setEnabled(true);
        String[] names = displayName.strip().split("\\s+", 2);
        user.setFirstName(names[0]);
        if (names.length > 1) {
            user.setLastName(names[1]);
        }
        user.setAttributes(Map.of(Caller.CLINIC_CLAIM, List.of(clinicId)));
        CredentialRepresentation oneTime = new CredentialRepresentation();
        oneTime.setType(CredentialRepresentation.PASSWORD);
        oneTime.setValue(password);
        // Temporary: Keycloak asks for a new password at the first sign-in (required action UPDATE_PASSWORD).
        oneTime.setTemporary(true);
        user.setCredentials(List.of(oneTime));
        user.setRequiredActions(List.of("UPDATE_PASSWORD"));
        return user;
    }

    private static AccountsUnavailableException unavailable(String doing, RuntimeException e) {
        String status = e instanceof WebApplicationException web
                ? " (HTTP " + web.getResponse().getStatus() + ")"
                : "";
        Log.warnf("Keycloak's admin API failed while %s%s: %s", doing, status, e.getMessage());
        return new AccountsUnavailableException("Keycloak's admin API failed while " + doing + status, e);
    }
}
