package org.backstrong.planner.fhir;

import org.hl7.fhir.r4.model.OperationOutcome;

/** An error answer as FHIR gives it: an OperationOutcome whose issue says what and, for a bad parameter, which. */
public final class Outcomes {

    private Outcomes() {}

    /** {@code field} (the offending parameter, as its name) may be null; {@code detail} too. */
    public static OperationOutcome of(int status, String detail, String field) {
        OperationOutcome outcome = new OperationOutcome();
        OperationOutcome.OperationOutcomeIssueComponent issue = outcome.addIssue()
                .setSeverity(
                        status >= 500 ? OperationOutcome.IssueSeverity.FATAL : OperationOutcome.IssueSeverity.ERROR)
                .setCode(code(status))
                .setDiagnostics(detail == null || detail.isBlank() ? words(status) : detail);
        if (field != null && !field.isBlank()) {
            issue.addExpression(field);
        }
        return outcome;
    }

    private static OperationOutcome.IssueType code(int status) {
        return switch (status) {
            case 400, 422 -> OperationOutcome.IssueType.INVALID;
            case 401 -> OperationOutcome.IssueType.LOGIN;
            case 403 -> OperationOutcome.IssueType.FORBIDDEN;
            case 404, 410 -> OperationOutcome.IssueType.NOTFOUND;
            case 405, 406, 415 -> OperationOutcome.IssueType.NOTSUPPORTED;
            case 409 -> OperationOutcome.IssueType.CONFLICT;
            case 413 -> OperationOutcome.IssueType.TOOLONG;
            case 429 -> OperationOutcome.IssueType.THROTTLED;
            case 503, 504 -> OperationOutcome.IssueType.TRANSIENT;
            default -> status >= 500 ? OperationOutcome.IssueType.EXCEPTION : OperationOutcome.IssueType.PROCESSING;
        };
    }

    private static String words(int status) {
        return switch (status) {
            case 401 -> "A bearer access token is required";
            case 403 -> "The token's roles do not allow this: clinicians of the patient's clinic only";
            case 404 -> "Not found";
            case 405 -> "Method not allowed: the export is read-only";
            case 406 -> "Only application/fhir+json is served";
            default -> "HTTP " + status;
        };
    }
}
