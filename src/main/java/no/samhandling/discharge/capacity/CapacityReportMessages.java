package no.samhandling.discharge.capacity;

import no.samhandling.discharge.messaging.FhirEnvelope;
import no.samhandling.discharge.messaging.FhirNames;
import no.samhandling.discharge.messaging.MessageStatus;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Location;
import org.hl7.fhir.r4.model.MeasureReport;
import org.hl7.fhir.r4.model.MessageHeader;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Period;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * {@code capacity.fhir.out}: the {@code capacity-report} message the service sends the region whenever a bed
 * pool's beds or allocations or a municipality's receiving capacity change, so that other systems can add the
 * reports up as HL7 SANER's do: a MeasureReport (summary, complete, measure {@link #MEASURE}) whose subject is
 * the pool or the municipality (a Location), whose reporter is who runs it (an Organization), for a period of
 * days, with one group per care level and the populations numTotBeds, numBedsOcc and numTotBedsAvail. No
 * personal data.
 */
final class CapacityReportMessages {

    static final String EVENT = "capacity-report";
    static final String MEASURE = FhirNames.CANONICAL + "/Measure/bed-capacity";
    /** A bed pool's id, as the identifier of its Location. */
    static final String POOL_ID = FhirNames.CANONICAL + "/NamingSystem/bed-pool-id";

    private CapacityReportMessages() {
    }

    /** The counts of one care level; total and occupied are absent where unknown. */
    record Counts(CareLevel level, Integer total, Integer occupied, int available) {
    }

    /** Who or what a report is about, or who makes it: an identifier (system and value) and a name. */
    record Party(String system, String value, String name) {
    }

    static Bundle report(Instant at, Party subject, Party reporter, LocalDate from, LocalDate through, List<Counts> groups) {
        Bundle bundle = FhirEnvelope.message(UUID.randomUUID(), EVENT, "Capacity report (kapasitetsrapport)", MessageStatus.NEW, null, at);
        MessageHeader header = FhirEnvelope.header(bundle);
        Organization organisation = new Organization();
        organisation.addIdentifier().setSystem(reporter.system()).setValue(reporter.value());
        organisation.setName(reporter.name());
        MeasureReport report = FhirEnvelope.add(bundle, new MeasureReport());
        Location location = new Location();
        location.addIdentifier().setSystem(subject.system()).setValue(subject.value());
        location.setName(subject.name());
        location.setMode(Location.LocationMode.INSTANCE);
        FhirEnvelope.add(bundle, location);
        FhirEnvelope.add(bundle, organisation);
        location.setManagingOrganization(FhirEnvelope.ref(organisation));

        report.setStatus(MeasureReport.MeasureReportStatus.COMPLETE);
        report.setType(MeasureReport.MeasureReportType.SUMMARY);
        report.setMeasure(MEASURE);
        report.setSubject(FhirEnvelope.ref(location));
        report.setReporter(FhirEnvelope.ref(organisation));
        report.setDateElement(new DateTimeType(at.toString()));
        report.setPeriod(new Period().setStartElement(new DateTimeType(from.toString())).setEndElement(new DateTimeType(through.toString())));
        for (Counts counts : groups) {
            MeasureReport.MeasureReportGroupComponent group = report.addGroup();
            group.setCode(new CodeableConcept(new Coding(CapacityUpdateMessages.CARE_LEVELS, counts.level().code(), counts.level().display())));
            population(group, CapacityUpdateMessages.TOTAL, counts.total());
            population(group, CapacityUpdateMessages.OCCUPIED, counts.occupied());
            population(group, CapacityUpdateMessages.AVAILABLE, counts.available());
        }
        header.setSender(FhirEnvelope.ref(organisation));
        header.addFocus(FhirEnvelope.ref(report));
        return bundle;
    }

    private static void population(MeasureReport.MeasureReportGroupComponent group, String code, Integer count) {
        if (count != null) {
            group.addPopulation().setCode(new CodeableConcept(new Coding(CapacityUpdateMessages.POPULATIONS, code, null))).setCount(count);
        }
    }
}
