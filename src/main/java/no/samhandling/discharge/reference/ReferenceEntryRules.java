package no.samhandling.discharge.reference;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Checks an administrator's entry of a health partnership, hospital trust or municipality, field by field,
 * with the limits of the reference schema (V1), so that a bad entry is a clear 400 and never a database error.
 */
public final class ReferenceEntryRules {

    static final int NAME_MAX_LENGTH = 200;
    static final int MUNICIPALITY_NAME_MAX_LENGTH = 100;
    static final int COUNTY_MAX_LENGTH = 50;
    static final int AREA_MAX_LENGTH = 100;
    static final int PARTNERSHIP_ID_MAX_LENGTH = 100;

    private static final Pattern PARTNERSHIP_ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final Pattern ORGANISATION_NUMBER = Pattern.compile("[0-9]{9}");
    private static final Pattern MUNICIPALITY_NUMBER = Pattern.compile("[0-9]{4}");

    private ReferenceEntryRules() {
    }

    /** A partnership's id is lower-kebab (it appears in URLs and query parameters); it needs a name. */
    public static List<ReferenceDataError> partnership(String id, String name) {
        List<ReferenceDataError> errors = new ArrayList<>();
        if (id == null || id.length() > PARTNERSHIP_ID_MAX_LENGTH || !PARTNERSHIP_ID.matcher(id).matches()) {
            errors.add(new ReferenceDataError("id", "must be lower-case words joined by '-', at most " + PARTNERSHIP_ID_MAX_LENGTH
                    + " characters, e.g. helsefellesskapet-troms-og-ofoten"));
        }
        text("name", name, NAME_MAX_LENGTH, errors);
        return errors;
    }

    /** A hospital trust is known by its 9-digit organisation number (organisasjonsnummer) and needs a name. */
    public static List<ReferenceDataError> hospitalTrust(String organisationNumber, String name) {
        List<ReferenceDataError> errors = new ArrayList<>();
        organisationNumber("organisationNumber", organisationNumber, errors);
        text("name", name, NAME_MAX_LENGTH, errors);
        return errors;
    }

    /** A municipality: its 4-digit number, name, county, local hospital area, hospital trust and partnership. */
    public static List<ReferenceDataError> municipality(String number, String name, String county, String localHospitalArea,
                                                        String hospitalTrust, String healthPartnership) {
        List<ReferenceDataError> errors = new ArrayList<>();
        if (number == null || !MUNICIPALITY_NUMBER.matcher(number).matches()) {
            errors.add(new ReferenceDataError("number", "must be 4 digits, e.g. 1833"));
        }
        text("name", name, MUNICIPALITY_NAME_MAX_LENGTH, errors);
        text("county", county, COUNTY_MAX_LENGTH, errors);
        text("localHospitalArea", localHospitalArea, AREA_MAX_LENGTH, errors);
        organisationNumber("hospitalTrust", hospitalTrust, errors);
        if (healthPartnership == null || healthPartnership.isBlank()) {
            errors.add(new ReferenceDataError("healthPartnership", "is required: the partnership's id (GET /health-partnerships)"));
        }
        return errors;
    }

    private static void organisationNumber(String field, String value, List<ReferenceDataError> errors) {
        if (value == null || !ORGANISATION_NUMBER.matcher(value).matches()) {
            errors.add(new ReferenceDataError(field, "must be the hospital trust's 9-digit organisation number, e.g. 983974899"));
        }
    }

    private static void text(String field, String value, int maxLength, List<ReferenceDataError> errors) {
        if (value == null || value.isBlank()) {
            errors.add(new ReferenceDataError(field, "is required"));
        } else if (value.strip().length() > maxLength) {
            errors.add(new ReferenceDataError(field, "must be at most " + maxLength + " characters"));
        }
    }
}
