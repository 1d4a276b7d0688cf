package org.backstrong.planner.accounts;

/** A patient's sign-in account: its user id (the tokens' subject) and login name. */
public record PatientAccount(String id, String username) {}
