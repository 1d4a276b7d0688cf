package org.backstrong.planner.rest;

import org.backstrong.input.Problem;

import jakarta.ws.rs.core.Response;

import org.backstrong.planner.accounts.AccountsUnavailableException;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Keycloak's admin API not answering is a passing failure of a dependency: 503, nothing changed. */
public class AccountProblems {

    @ServerExceptionMapper
    public Response unavailable(AccountsUnavailableException e) {
        return Problem.of("accounts-unavailable", "Service unavailable", 503,
                "Patients' sign-in accounts cannot be reached just now; nothing was changed. Try again in a minute.",
                null).response();
    }
}
