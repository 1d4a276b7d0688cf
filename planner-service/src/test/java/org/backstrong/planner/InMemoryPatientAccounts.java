package org.backstrong.planner;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;

import org.backstrong.planner.accounts.Invitation;
import org.backstrong.planner.accounts.PatientAccount;
import org.backstrong.planner.accounts.PatientAccounts;

/**
 * Keycloak's accounts for the @QuarkusTests, which run without Keycloak (the packaged-stack tier
 * tests the real admin API). The demo realm's users keep their clinics and roles; a made-up UUID
 * stands for a patient account of the clinic that asks about it first, so the many tests that
 * enrol a fresh patient need no set-up; any other id is nobody. Tests can make an id nobody's or
 * a user of a clinic with {@link #absent} and {@link #add}.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class InMemoryPatientAccounts implements PatientAccounts {

    private static final Pattern UUID_SHAPE =
            Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    /** A user: login name, clinic (null for none) and whether it is a patient's account. */
    record User(String username, String clinicId, boolean patient) {}

    private static final Map<String, User> USERS = new ConcurrentHashMap<>(Map.of(
            "11111111-1111-4111-8111-000000000001", new User("clara", "clinic-a", false),
            "11111111-1111-4111-8111-000000000002", new User("colin", "clinic-b", false),
            "22222222-2222-4222-8222-000000000001", new User("paul", "clinic-a", true),
            "22222222-2222-4222-8222-000000000002", new User("petra", "clinic-a", true),
            "22222222-2222-4222-8222-000000000003", new User("pia", "clinic-b", true),
            "33333333-3333-4333-8333-000000000001", new User("anna", null, false),
            "44444444-4444-4444-8444-000000000001", new User("adam", null, false)));
    private static final Map<String, Boolean> ABSENT = new ConcurrentHashMap<>();
    /** Ids of the accounts invited, and withdrawn, in this run. */
    static final Map<String, Invitation> INVITED = new ConcurrentHashMap<>();

    static final Map<String, Boolean> WITHDRAWN = new ConcurrentHashMap<>();
    /** When set, every call fails as an unreachable Keycloak does. */
    static volatile boolean unreachable;

    static void add(String id, String username, String clinicId, boolean patient) {
        USERS.put(id, new User(username, clinicId, patient));
    }

    /** Makes a UUID-shaped id nobody's. */
    static void absent(String id) {
        ABSENT.put(id, true);
    }

    @Override
    public Optional<PatientAccount> byId(String clinicId, String userId) {
        failIfUnreachable();
        if (!USERS.containsKey(userId) && UUID_SHAPE.matcher(userId).matches() && !ABSENT.containsKey(userId)) {
            USERS.putIfAbsent(userId, new User("user-" + userId, clinicId, true));
        }
        User user = USERS.get(userId);
        return user != null && user.patient() && clinicId.equals(user.clinicId())
                ? Optional.of(new PatientAccount(userId, user.username()))
                : Optional.empty();
    }

    @Override
    public Optional<PatientAccount> byUsername(String clinicId, String username) {
        failIfUnreachable();
        return USERS.entrySet().stream()
                .filter(user -> user.getValue().username().equals(username))
                .findFirst()
                .filter(user -> user.getValue().patient()
                        && clinicId.equals(user.getValue().clinicId()))
                .map(user -> new PatientAccount(user.getKey(), username));
    }

    @Override
    public Invitation invite(String clinicId, String displayName) {
        failIfUnreachable();
        String id = UUID.randomUUID().toString();
        Invitation invitation = new Invitation(id, "invited-" + id.substring(0, 8), "one-time-" + id.substring(9, 13));
        USERS.put(id, new User(invitation.username(), clinicId, true));
        INVITED.put(id, invitation);
        return invitation;
    }

    @Override
    public void withdraw(String userId) {
        USERS.remove(userId);
        WITHDRAWN.put(userId, true);
    }

    private static void failIfUnreachable() {
        if (unreachable) {
            throw new org.backstrong.planner.accounts.AccountsUnavailableException("Keycloak unreachable (test)", null);
        }
    }
}
