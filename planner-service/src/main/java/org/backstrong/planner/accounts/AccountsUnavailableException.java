package org.backstrong.planner.accounts;

/** The realm's admin API did not answer as it should; nothing was changed. */
public class AccountsUnavailableException extends RuntimeException {

    public AccountsUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
