package no.samhandling.discharge.messaging;

import no.samhandling.discharge.messaging.Acknowledgements.Issue;
import no.samhandling.discharge.security.Caller;
import no.samhandling.discharge.security.Roles;
import no.samhandling.discharge.stay.StayEvent;
import no.samhandling.discharge.stay.StayService;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.MessageHeader;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;

import static no.samhandling.discharge.messaging.InboundMessages.extension;
import static no.samhandling.discharge.messaging.InboundMessages.focus;

/**
 * {@code municipality.fhir.in}: the municipality's answer under § 11 ({@code municipality-response}).
 * The answer is carried by the Encounter the MessageHeader focuses on, in extensions: can-receive,
 * ready-from, expected-ready-on, offer, answered-at.
 */
final class MunicipalityMessages implements InboundMessages.Source {

    static final MunicipalityMessages SOURCE = new MunicipalityMessages();
    static final String MUNICIPALITY_RESPONSE = "municipality-response";
    private static final String KOMMUNENUMMER_ENDPOINT = "urn:kommunenummer:";

    private MunicipalityMessages() {
    }

    /** The sender Organization's kommunenummer, else the source endpoint's ({@code urn:kommunenummer:NNNN}). */
    @Override
    public Optional<String> sender(Bundle bundle, MessageHeader header) {
        Optional<String> fromOrganization = InboundMessages.senderIdentifier(bundle, header, FhirNames.MUNICIPALITY_NUMBER, "[0-9]{4}");
        if (fromOrganization.isPresent()) {
            return fromOrganization;
        }
        String endpoint = header.getSource().getEndpoint();
        if (endpoint != null && endpoint.startsWith(KOMMUNENUMMER_ENDPOINT)
                && endpoint.substring(KOMMUNENUMMER_ENDPOINT.length()).matches("[0-9]{4}")) {
            return Optional.of(endpoint.substring(KOMMUNENUMMER_ENDPOINT.length()));
        }
        return Optional.empty();
    }

    @Override
    public String acknowledgementTopic(MessagingConfig config) {
        return config.municipalityOutTopic();
    }

    @Override
    public String acknowledgementKey(String sender, Optional<UUID> stayId) {
        return sender;
    }

    @Override
    public List<Issue> problems(Bundle bundle, MessageHeader header, String eventCode) {
        List<Issue> problems = new ArrayList<>();
        if (!MUNICIPALITY_RESPONSE.equals(eventCode)) {
            problems.add(new Issue(IssueType.NOTSUPPORTED, "This topic takes " + MUNICIPALITY_RESPONSE + " messages",
                    "MessageHeader.eventCoding"));
            return problems;
        }
        Encounter encounter = focus(bundle, header).orElseThrow();
        if (!(extension(encounter, "can-receive").map(x -> x.getValue()).orElse(null) instanceof BooleanType)) {
            problems.add(new Issue(IssueType.REQUIRED, "Encounter must say whether the municipality can receive the patient "
                    + "(extension can-receive, boolean)", "Encounter.extension"));
        } else if (!canReceive(encounter) && extension(encounter, "expected-ready-on").isEmpty()) {
            problems.add(new Issue(IssueType.REQUIRED, "When the municipality cannot receive the patient it must say when an offer "
                    + "is expected (extension expected-ready-on, § 11)", "Encounter.extension"));
        }
        return problems;
    }

    @Override
    public void apply(Bundle bundle, MessageHeader header, String municipality, UUID stayId, StayService stays, Clock clock) {
        Encounter encounter = focus(bundle, header).orElseThrow();
        boolean canReceive = canReceive(encounter);
        Instant answeredAt = extension(encounter, "answered-at")
                .map(x -> InboundMessages.instant(x.getValue().primitiveValue()))
                .orElse(bundle.hasTimestamp() ? bundle.getTimestamp().toInstant() : clock.instant());
        LocalDate readyFrom = extension(encounter, "ready-from").map(x -> LocalDate.parse(x.getValue().primitiveValue())).orElse(null);
        LocalDate expected = extension(encounter, "expected-ready-on").map(x -> LocalDate.parse(x.getValue().primitiveValue())).orElse(null);
        String offer = extension(encounter, "offer").map(x -> x.getValue().primitiveValue()).orElse(null);
        Caller caller = new Caller("fhir:municipality:" + municipality, Set.of(Roles.MUNICIPAL_INTAKE), null, municipality);
        stays.record(caller, stayId, OptionalLong.empty(), new StayEvent.MunicipalityAnswered(answeredAt, canReceive,
                canReceive ? readyFrom : null, canReceive ? null : expected, offer));
    }

    private static boolean canReceive(Encounter encounter) {
        return extension(encounter, "can-receive").map(x -> ((BooleanType) x.getValue()).booleanValue()).orElse(false);
    }
}
