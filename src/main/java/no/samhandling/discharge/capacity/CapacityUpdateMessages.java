package no.samhandling.discharge.capacity;

import jakarta.enterprise.context.ApplicationScoped;
import no.samhandling.discharge.codes.Coded;
import no.samhandling.discharge.messaging.FhirElements;
import no.samhandling.discharge.messaging.FhirNames;
import no.samhandling.discharge.messaging.InboundChannel;
import no.samhandling.discharge.messaging.InboundMessage;
import no.samhandling.discharge.messaging.MessageHandler;
import no.samhandling.discharge.messaging.MessageIssue;
import no.samhandling.discharge.messaging.MessageRefused;
import no.samhandling.discharge.messaging.MessageStatus;
import no.samhandling.discharge.reference.Municipality;
import no.samhandling.discharge.time.OsloTime;
import no.samhandling.discharge.web.Problem;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Location;
import org.hl7.fhir.r4.model.MeasureReport;
import org.hl7.fhir.r4.model.MeasureReport.MeasureReportGroupComponent;
import org.hl7.fhir.r4.model.MeasureReport.MeasureReportGroupPopulationComponent;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.hl7.fhir.r4.model.Reference;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code municipality.fhir.in}: a municipality's receiving capacity as a {@code capacity-update} message,
 * a MeasureReport after HL7 SANER's bed reports (type summary, status complete, subject and reporter the
 * municipality, period = the days the figures hold, one group per care level with the counts
 * numTotBeds, numBedsOcc and numTotBedsAvail). Its effect is the publication an intake team makes over
 * REST. A municipality reports its own capacity only: a report about another one is refused.
 */
@ApplicationScoped
class CapacityUpdateMessages implements MessageHandler {

    static final String EVENT = "capacity-update";
    static final String CARE_LEVELS = FhirNames.CANONICAL + "/CodeSystem/care-levels";
    static final String POPULATIONS = FhirNames.CANONICAL + "/CodeSystem/capacity-populations";
    static final String TOTAL = "numTotBeds";
    static final String OCCUPIED = "numBedsOcc";
    static final String AVAILABLE = "numTotBedsAvail";

    private final CapacityService capacity;

    CapacityUpdateMessages(CapacityService capacity) {
        this.capacity = capacity;
    }

    @Override
    public InboundChannel channel() {
        return InboundChannel.MUNICIPALITY;
    }

    @Override
    public Set<String> eventCodes() {
        return Set.of(EVENT);
    }

    /** The municipality number the report is about (its subject), never personal data. */
    @Override
    public Optional<String> subject(InboundMessage message) {
        return message.focus(MeasureReport.class).flatMap(report -> municipalityOf(message.bundle(), report.getSubject()));
    }

    @Override
    public void apply(InboundMessage message) {
        if (message.status() == MessageStatus.CANCELLED) {
            throw new MessageRefused(new MessageIssue(IssueType.NOTSUPPORTED, "Capacity is not cancelled: send a new capacity-update "
                    + "with the figures as they are now (0 free places if none); it replaces the earlier one", "MessageHeader.extension"));
        }
        // A correction is the figures as they should have been: a new publication, which replaces the earlier one's figures.
        CapacityService.Publication publication = publication(message, capacity.longestPublicationDays());
        Municipality municipality = Municipality.findByCurrentOrFormerNumber(publication.municipality()).orElseThrow(() -> new MessageRefused(
                new MessageIssue(IssueType.NOTFOUND, "No municipality in Nordland, Troms or Finnmark has the number "
                        + publication.municipality(), "MeasureReport.subject")));
        capacity.store(publication.in(municipality.number));
    }

    /** What the message publishes, checked: everything a sender can get wrong is refused here, naming the element. */
    static CapacityService.Publication publication(InboundMessage message, int longestPublicationDays) {
        MeasureReport report = message.focus(MeasureReport.class).orElseThrow(() -> new MessageRefused(MessageIssue.required(
                "MessageHeader.focus must refer to the MeasureReport with the capacity", "MessageHeader.focus")));
        String about = municipalityOf(message.bundle(), report.getSubject()).orElseThrow(() -> new MessageRefused(MessageIssue.required(
                "MeasureReport.subject must be the municipality: a Location in the Bundle with its kommunenummer ("
                        + FhirNames.MUNICIPALITY_NUMBER + ")", "MeasureReport.subject")));
        if (!about.equals(message.sender())) {
            throw new MessageRefused(new MessageIssue(IssueType.FORBIDDEN, "A municipality reports its own capacity only: this report "
                    + "is about " + about + " and was sent by " + message.sender(), "MeasureReport.subject"));
        }
        LocalDate from = day(report.getPeriod().getStartElement(), "MeasureReport.period.start");
        LocalDate through = day(report.getPeriod().getEndElement(), "MeasureReport.period.end");
        List<Problem.FieldError> range = CapacityService.rangeProblems(from, through, longestPublicationDays);
        if (!range.isEmpty()) {
            throw new MessageRefused(MessageIssue.invalid("MeasureReport.period: the end " + range.getFirst().message(), "MeasureReport.period"));
        }
        if (!report.hasDateElement() || report.getDateElement().getValueAsString() == null) {
            throw new MessageRefused(MessageIssue.required("MeasureReport.date must say when the figures were made", "MeasureReport.date"));
        }
        Instant made = FhirElements.moment(report.getDateElement().getValueAsString(), "MeasureReport.date");
        // A clock ahead of ours must not keep figures fresh (or current) for longer than they are.
        Instant publishedAt = made.isAfter(message.receivedAt()) ? message.receivedAt() : made;
        Map<CareLevel, CapacityFigures> figures = new EnumMap<>(CareLevel.class);
        for (int i = 0; i < report.getGroup().size(); i++) {
            MeasureReportGroupComponent group = report.getGroup().get(i);
            String where = "MeasureReport.group[" + i + "]";
            CareLevel level = careLevel(group.getCode(), where + ".code");
            if (figures.containsKey(level)) {
                throw new MessageRefused(MessageIssue.invalid("The care level " + level.code() + " has more than one group", where + ".code"));
            }
            CapacityFigures counted = figures(group, where);
            List<String> problems = counted.problems();
            if (!problems.isEmpty()) {
                throw new MessageRefused(MessageIssue.invalid(level.code() + ": " + String.join("; ", problems), where + ".population"));
            }
            figures.put(level, counted);
        }
        if (figures.isEmpty()) {
            throw new MessageRefused(MessageIssue.required("The MeasureReport needs one group per care level reported", "MeasureReport.group"));
        }
        return new CapacityService.Publication(about, from, through, figures, publishedAt,
                "fhir:municipality:" + message.sender(), "message", message.messageId());
    }

    private static CareLevel careLevel(CodeableConcept code, String where) {
        return code.getCoding().stream().filter(c -> CARE_LEVELS.equals(c.getSystem())).map(Coding::getCode).findFirst()
                .map(value -> Coded.find(CareLevel.class, value).orElseThrow(() -> new MessageRefused(new MessageIssue(IssueType.CODEINVALID,
                        "Unknown care level '" + value + "' (CodeSystem " + CARE_LEVELS + ")", where))))
                .orElseThrow(() -> new MessageRefused(MessageIssue.required("Each group names its care level with a code from "
                        + CARE_LEVELS, where)));
    }

    private static CapacityFigures figures(MeasureReportGroupComponent group, String where) {
        Map<String, Integer> counts = new HashMap<>();
        for (int j = 0; j < group.getPopulation().size(); j++) {
            MeasureReportGroupPopulationComponent population = group.getPopulation().get(j);
            String at = where + ".population[" + j + "]";
            String code = population.getCode().getCoding().stream().filter(c -> POPULATIONS.equals(c.getSystem())).map(Coding::getCode)
                    .findFirst().orElseThrow(() -> new MessageRefused(MessageIssue.required("Each population is coded from " + POPULATIONS
                            + " (numTotBeds, numBedsOcc, numTotBedsAvail)", at + ".code")));
            if (!Set.of(TOTAL, OCCUPIED, AVAILABLE).contains(code)) {
                throw new MessageRefused(new MessageIssue(IssueType.CODEINVALID, "Unknown count '" + code + "' (numTotBeds, numBedsOcc, "
                        + "numTotBedsAvail)", at + ".code"));
            }
            if (!population.hasCount()) {
                throw new MessageRefused(MessageIssue.required(code + " needs its count", at + ".count"));
            }
            if (counts.put(code, population.getCount()) != null) {
                throw new MessageRefused(MessageIssue.invalid(code + " is given more than once", at + ".code"));
            }
        }
        if (!counts.containsKey(AVAILABLE)) {
            throw new MessageRefused(MessageIssue.required("Each group gives the free places (numTotBedsAvail)", where + ".population"));
        }
        return new CapacityFigures(counts.get(TOTAL), counts.get(OCCUPIED), counts.get(AVAILABLE));
    }

    /** A whole day: a date (2025-03-10), or a moment taken as its Europe/Oslo day; a year or month alone is refused. */
    private static LocalDate day(DateTimeType element, String where) {
        String value = element == null ? null : element.getValueAsString();
        if (value == null) {
            throw new MessageRefused(MessageIssue.required(where + " is required", where));
        }
        try {
            return value.length() == 10 ? LocalDate.parse(value) : OffsetDateTime.parse(value).atZoneSameInstant(OsloTime.ZONE).toLocalDate();
        } catch (DateTimeParseException e) {
            throw new MessageRefused(MessageIssue.invalid(where + " must be a whole date (e.g. 2025-03-10), not '" + value + "'", where));
        }
    }

    /** The kommunenummer of the Location (or Organization) a reference points to in the Bundle, or of a logical reference. */
    static Optional<String> municipalityOf(Bundle bundle, Reference reference) {
        if (reference == null) {
            return Optional.empty();
        }
        if (reference.hasIdentifier() && FhirNames.MUNICIPALITY_NUMBER.equals(reference.getIdentifier().getSystem())) {
            return Optional.ofNullable(reference.getIdentifier().getValue()).filter(v -> v.matches("[0-9]{4}"));
        }
        String target = reference.getReference();
        if (target == null) {
            return Optional.empty();
        }
        return bundle.getEntry().stream().filter(entry -> target.equals(entry.getFullUrl()))
                .flatMap(entry -> entry.getResource() instanceof Location location ? location.getIdentifier().stream()
                        : entry.getResource() instanceof org.hl7.fhir.r4.model.Organization organization ? organization.getIdentifier().stream()
                        : java.util.stream.Stream.<Identifier>empty())
                .filter(id -> FhirNames.MUNICIPALITY_NUMBER.equals(id.getSystem()) && id.getValue() != null && id.getValue().matches("[0-9]{4}"))
                .map(Identifier::getValue).findFirst();
    }
}
