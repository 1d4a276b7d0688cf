package org.backstrong.planner.rest;

import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import org.backstrong.input.Problem;
import org.backstrong.planner.accounts.AccountsUnavailableException;

/** Keycloak's admin API not answering is a passing failure of a dependency: 503, nothing changed. */
public class AccountProblems {

    @ServerExceptionMapper
    public Response unavailable(AccountsUnavailableException e) {
        return Problem.of(
                        "accounts-unavailable",
                        "Service unavailable",
                        503,
                        "Patients' sign-in accounts cannot be reached just now; nothing was changed. Try again in a minute.",
                        null)
                .response();
    }
}
