package no.samhandling.discharge.messaging;

import org.hl7.fhir.r4.model.OperationOutcome.IssueType;

/**
 * A problem with an inbound message, for the OperationOutcome of its fatal-error acknowledgement.
 *
 * @param expression where in the message (a FHIRPath such as {@code Encounter.extension}), or null
 */
public record MessageIssue(IssueType type, String text, String expression) {

    public static MessageIssue required(String text, String expression) {
        return new MessageIssue(IssueType.REQUIRED, text, expression);
    }

    public static MessageIssue invalid(String text, String expression) {
        return new MessageIssue(IssueType.INVALID, text, expression);
    }
}
