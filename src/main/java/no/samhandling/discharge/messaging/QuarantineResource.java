package no.samhandling.discharge.messaging;

import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import no.samhandling.discharge.security.AuditLog;
import no.samhandling.discharge.security.Callers;
import no.samhandling.discharge.security.Roles;
import no.samhandling.discharge.web.ProblemException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Outgoing messages Kafka refused too often ({@link OutboxRelay}), for administrators: what they are
 * (never their content, which holds the patient's identifier), why they were refused, and releasing one
 * to be sent again once the cause is fixed.
 */
@Path("/outbox/quarantine")
@Tag(name = "Messaging")
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
public class QuarantineResource {

    /** A quarantined outgoing message, without its content. */
    public record QuarantinedMessage(UUID id, UUID messageId, String topic, String key, String eventCode, String subject,
                                     Instant createdAt, int attempts, int refusals, String lastError, Instant quarantinedAt) {

        static QuarantinedMessage of(OutboxMessage row) {
            return new QuarantinedMessage(row.id, row.messageId, row.topic, row.messageKey, row.eventCode, row.subject, row.createdAt,
                    row.attempts, row.refusals, row.lastError, row.quarantinedAt);
        }
    }

    private final Callers callers;
    private final AuditLog audit;
    private final OutboxRelay relay;

    QuarantineResource(Callers callers, AuditLog audit, OutboxRelay relay) {
        this.callers = callers;
        this.audit = audit;
        this.relay = relay;
    }

    @GET
    @Transactional
    @Operation(summary = "Outgoing messages set aside (quarantined)",
            description = "Messages to hospital or municipal systems that Kafka refused too often (for instance too large, or "
                    + "to a topic that does not exist), oldest first. They hold no other message back. Administrators only.")
    public List<QuarantinedMessage> list() {
        return OutboxMessage.<OutboxMessage>list("publishedAt is null and quarantinedAt is not null order by sequence").stream()
                .map(QuarantinedMessage::of).toList();
    }

    @POST
    @Path("/{id}/release")
    @Transactional
    @Operation(summary = "Send a quarantined message again",
            description = "Takes the message out of quarantine with its refusals reset; the relay sends it at once. "
                    + "Fix the cause first (topic, size limit), or it is refused and set aside again. Audited.")
    @APIResponse(responseCode = "200", description = "Released; the message as it now stands")
    @APIResponse(responseCode = "404", description = "No quarantined message with this id")
    public QuarantinedMessage release(@PathParam("id") UUID id) {
        OutboxMessage row = OutboxMessage.findById(id);
        if (row == null || row.quarantinedAt == null || row.publishedAt != null) {
            throw ProblemException.notFound("No quarantined outgoing message has this id.");
        }
        row.quarantinedAt = null;
        row.refusals = 0;
        audit.record(callers.current(), "release-quarantined-message", subjectAsStay(row.subject));
        relay.wake();
        return QuarantinedMessage.of(row);
    }

    private static UUID subjectAsStay(String subject) {
        try {
            return subject == null ? null : UUID.fromString(subject);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
