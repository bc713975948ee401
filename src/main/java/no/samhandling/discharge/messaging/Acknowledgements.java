package no.samhandling.discharge.messaging;

import ca.uhn.fhir.context.FhirContext;
import jakarta.enterprise.context.ApplicationScoped;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.InstantType;
import org.hl7.fhir.r4.model.MessageHeader;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Reference;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The one acknowledgement every inbound message gets (MedCom Acknowledgement; FHIR
 * {@code MessageHeader.response}): ok, transient-error or fatal-error, with an OperationOutcome on error.
 * Acknowledgements are not acknowledged.
 */
@ApplicationScoped
class Acknowledgements {

    enum Code {
        OK(MessageHeader.ResponseType.OK, "ok"),
        TRANSIENT_ERROR(MessageHeader.ResponseType.TRANSIENTERROR, "transient-error"),
        FATAL_ERROR(MessageHeader.ResponseType.FATALERROR, "fatal-error");

        final MessageHeader.ResponseType type;
        final String code;

        Code(MessageHeader.ResponseType type, String code) {
            this.type = type;
            this.code = code;
        }

        public String code() {
            return code;
        }
    }

    private final FhirContext fhir;

    Acknowledgements(FhirContext fhir) {
        this.fhir = fhir;
    }

    String json(UUID ackId, String requestId, String eventCode, String receiverEndpoint, Code code, List<MessageIssue> issues,
                       Instant at) {
        MessageHeader header = new MessageHeader();
        header.setId(ackId.toString());
        header.setEvent(new Coding(FhirNames.MESSAGE_EVENTS, eventCode == null ? "unknown" : eventCode, null));
        header.setSource(new MessageHeader.MessageSourceComponent().setEndpoint(FhirNames.SOURCE_ENDPOINT).setName(FhirNames.SOURCE_NAME));
        if (receiverEndpoint != null) {
            header.addDestination().setEndpoint(receiverEndpoint);
        }
        header.getResponse().setIdentifier(requestId).setCode(code.type);
        Bundle bundle = new Bundle();
        bundle.setId(UUID.randomUUID().toString());
        bundle.setType(Bundle.BundleType.MESSAGE);
        bundle.getMeta().addProfile(MessageProfiles.ACKNOWLEDGEMENT);
        bundle.setTimestampElement(new InstantType(at.toString()));
        bundle.addEntry().setFullUrl("urn:uuid:" + ackId).setResource(header);
        if (!issues.isEmpty()) {
            OperationOutcome outcome = new OperationOutcome();
            String outcomeId = UUID.randomUUID().toString();
            outcome.setId(outcomeId);
            for (MessageIssue issue : issues) {
                OperationOutcome.OperationOutcomeIssueComponent component = outcome.addIssue()
                        .setSeverity(code == Code.OK ? OperationOutcome.IssueSeverity.WARNING : OperationOutcome.IssueSeverity.ERROR)
                        .setCode(issue.type())
                        .setDiagnostics(issue.text());
                if (issue.expression() != null) {
                    component.addExpression(issue.expression());
                }
            }
            header.getResponse().setDetails(new Reference("urn:uuid:" + outcomeId));
            bundle.addEntry().setFullUrl("urn:uuid:" + outcomeId).setResource(outcome);
        }
        return fhir.newJsonParser().encodeResourceToString(bundle);
    }
}
