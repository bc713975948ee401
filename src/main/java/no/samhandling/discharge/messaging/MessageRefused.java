package no.samhandling.discharge.messaging;

import java.util.List;

/**
 * A capability refuses an inbound message for what it says (missing or malformed content, a rule of the
 * domain): the sender gets fatal-error with these issues, the message goes to the dead-letter topic,
 * and it is never retried. Nothing of its effect is committed.
 */
public class MessageRefused extends RuntimeException {

    private final List<MessageIssue> issues;

    public MessageRefused(List<MessageIssue> issues) {
        super(issues.isEmpty() ? "refused" : issues.getFirst().text(), null, false, false);
        if (issues.isEmpty()) {
            throw new IllegalArgumentException("a refusal needs at least one issue");
        }
        this.issues = List.copyOf(issues);
    }

    public MessageRefused(MessageIssue issue) {
        this(List.of(issue));
    }

    public List<MessageIssue> issues() {
        return issues;
    }
}
