package no.samhandling.discharge.messaging;

import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.DomainResource;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.MessageHeader;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Resource;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Reading the project's elements out of a message. A value that base R4 accepts but the service cannot
 * use (a partial date where a moment is meant, a date without its day) is refused here, naming the
 * element, so that it is answered fatal-error at once instead of failing somewhere further in.
 */
public final class FhirElements {

    private FhirElements() {
    }

    /** The project's extension of this name on the resource, if it has a value. */
    public static Optional<Extension> extension(DomainResource resource, String name) {
        return Optional.ofNullable(resource.getExtensionByUrl(FhirNames.EXTENSION + name)).filter(Extension::hasValue);
    }

    public static Optional<String> string(DomainResource resource, String name) {
        return extension(resource, name).map(x -> x.getValue().primitiveValue());
    }

    /** A moment: a dateTime with time and offset (e.g. 2025-03-04T09:00:00+01:00); a partial date is refused. */
    public static Optional<Instant> moment(DomainResource resource, String name) {
        return string(resource, name).map(value -> moment(value, "Extension " + name, where(resource, name)));
    }

    /** A whole calendar date (e.g. 2025-03-07); a year or a month alone is refused. */
    public static Optional<LocalDate> date(DomainResource resource, String name) {
        return string(resource, name).map(value -> {
            try {
                return LocalDate.parse(value);
            } catch (DateTimeParseException e) {
                throw new MessageRefused(MessageIssue.invalid("Extension " + name + " must give a whole date (e.g. 2025-03-07), not '"
                        + value + "'", where(resource, name)));
            }
        });
    }

    /** A boolean extension; one of another type is refused. */
    public static Optional<Boolean> flag(DomainResource resource, String name) {
        return extension(resource, name).map(x -> {
            if (x.getValue() instanceof BooleanType b) {
                return b.booleanValue();
            }
            throw new MessageRefused(MessageIssue.invalid("Extension " + name + " must be a boolean", where(resource, name)));
        });
    }

    /** A moment given as a FHIR dateTime element (such as Encounter.period.start), refused when partial. */
    public static Instant moment(String value, String expression) {
        return moment(value, expression, expression);
    }

    private static Instant moment(String value, String what, String expression) {
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException | NullPointerException e) {
            throw new MessageRefused(MessageIssue.invalid(what + " must give a date and a time with its offset "
                    + "(e.g. 2025-03-04T09:00:00+01:00), not '" + value + "'", expression));
        }
    }

    private static String where(DomainResource resource, String name) {
        return resource.fhirType() + ".extension('" + FhirNames.EXTENSION + name + "')";
    }

    /** The resource the MessageHeader focuses on (by fullUrl or by type/id), if it is of the given type. */
    static <T extends Resource> Optional<T> focus(Bundle bundle, MessageHeader header, Class<T> type) {
        if (!header.hasFocus()) {
            return Optional.empty();
        }
        String reference = header.getFocusFirstRep().getReference();
        if (reference == null) {
            return Optional.empty();
        }
        return bundle.getEntry().stream()
                .filter(entry -> type.isInstance(entry.getResource()))
                .filter(entry -> reference.equals(entry.getFullUrl())
                        || reference.equals(entry.getResource().fhirType() + "/" + entry.getResource().getIdElement().getIdPart()))
                .map(entry -> type.cast(entry.getResource()))
                .findFirst();
    }

    /** The identifier of the sender Organization with the given system and pattern, or empty. */
    static Optional<String> senderIdentifier(Bundle bundle, MessageHeader header, String system, String pattern) {
        String sender = header.getSender().getReference();
        return bundle.getEntry().stream()
                .filter(entry -> entry.getResource() instanceof Organization && sender != null && sender.equals(entry.getFullUrl()))
                .flatMap(entry -> ((Organization) entry.getResource()).getIdentifier().stream())
                .filter(id -> system.equals(id.getSystem()) && id.getValue() != null && id.getValue().matches(pattern))
                .map(Identifier::getValue)
                .findFirst();
    }
}
