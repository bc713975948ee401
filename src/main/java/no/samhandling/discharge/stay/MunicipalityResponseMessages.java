package no.samhandling.discharge.stay;

import jakarta.enterprise.context.ApplicationScoped;
import no.samhandling.discharge.messaging.FhirElements;
import no.samhandling.discharge.messaging.InboundChannel;
import no.samhandling.discharge.messaging.InboundMessage;
import no.samhandling.discharge.messaging.MessageHandler;
import no.samhandling.discharge.messaging.MessageIssue;
import no.samhandling.discharge.messaging.MessageRefused;
import no.samhandling.discharge.messaging.MessageStatus;
import no.samhandling.discharge.security.Caller;
import no.samhandling.discharge.security.Roles;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.Encounter;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;

/**
 * {@code municipality.fhir.in}: the municipality's answer under § 11 ({@code municipality-response}),
 * new, corrected or cancelled. The answer is carried by the Encounter the MessageHeader focuses on, in
 * extensions: can-receive, ready-from, expected-ready-on, offer, answered-at.
 */
@ApplicationScoped
class MunicipalityResponseMessages implements MessageHandler {

    private final StayService stays;

    MunicipalityResponseMessages(StayService stays) {
        this.stays = stays;
    }

    @Override
    public InboundChannel channel() {
        return InboundChannel.MUNICIPALITY;
    }

    @Override
    public Set<String> eventCodes() {
        return Set.of(StayMessageEvent.MUNICIPALITY_RESPONSE.code());
    }

    @Override
    public Optional<String> subject(InboundMessage message) {
        return StayMessageHandling.stayId(message);
    }

    /** The answer's elements in the message, by the names of the stay rules' fields. */
    private static final Map<String, String> ELEMENTS = Map.of(MunicipalityAnswerRule.EXPECTED_READY_ON,
            "The Encounter's extension expected-ready-on (Encounter.extension)");

    @Override
    public void apply(InboundMessage message) {
        StayMessageHandling.refusingWhatTheRulesRefuse(ELEMENTS, () -> applyAnswer(message));
    }

    private void applyAnswer(InboundMessage message) {
        UUID stayId = StayMessageHandling.requiredStayId(message);
        Encounter encounter = StayMessageHandling.encounter(message);
        Caller caller = new Caller("fhir:municipality:" + message.sender(), Set.of(Roles.MUNICIPAL_INTAKE), null, message.sender());
        if (message.status() != MessageStatus.NEW) {
            StayMessageHandling.replace(stays, caller, stayId, message,
                    type -> type == EventType.MUNICIPALITY_ANSWERED ? Optional.of(answer(message, encounter)) : Optional.empty());
            return;
        }
        stays.record(caller, stayId, OptionalLong.empty(), answer(message, encounter), message.messageId());
    }

    static StayEvent.MunicipalityAnswered answer(InboundMessage message, Encounter encounter) {
        if (!(FhirElements.extension(encounter, "can-receive").map(x -> x.getValue()).orElse(null) instanceof BooleanType)) {
            throw new MessageRefused(MessageIssue.required("Encounter must say whether the municipality can receive the patient "
                    + "(extension can-receive, boolean)", "Encounter.extension"));
        }
        boolean canReceive = FhirElements.flag(encounter, "can-receive").orElseThrow();
        LocalDate readyFrom = FhirElements.date(encounter, "ready-from").orElse(null);
        LocalDate expected = FhirElements.date(encounter, "expected-ready-on").orElse(null);
        // § 11 (an answer that it cannot receive says when an offer is expected) is the domain's: MunicipalityAnswerRule.
        Instant answeredAt = FhirElements.moment(encounter, "answered-at").orElse(message.sentAt());
        String offer = FhirElements.string(encounter, "offer").orElse(null);
        return new StayEvent.MunicipalityAnswered(answeredAt, canReceive, canReceive ? readyFrom : null, canReceive ? null : expected, offer);
    }
}
