package no.samhandling.discharge.reference;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ReferenceEntryRulesTest {

    private static List<String> fields(List<ReferenceDataError> errors) {
        return errors.stream().map(ReferenceDataError::field).toList();
    }

    @Test
    void aPartnershipNeedsAKebabIdAndAName() {
        assertThat(ReferenceEntryRules.partnership("helsefellesskapet-troms-og-ofoten", "Helsefellesskapet Troms og Ofoten")).isEmpty();
        assertThat(ReferenceEntryRules.partnership("a", "N")).isEmpty();
        assertThat(fields(ReferenceEntryRules.partnership(null, null))).containsExactly("id", "name");
        assertThat(fields(ReferenceEntryRules.partnership("Upper", "N"))).containsExactly("id");
        assertThat(fields(ReferenceEntryRules.partnership("double--dash", "N"))).containsExactly("id");
        assertThat(fields(ReferenceEntryRules.partnership("a".repeat(100), "N"))).isEmpty();
        assertThat(fields(ReferenceEntryRules.partnership("a".repeat(101), "N"))).containsExactly("id");
        assertThat(fields(ReferenceEntryRules.partnership("a", "  "))).containsExactly("name");
        assertThat(fields(ReferenceEntryRules.partnership("a", "n".repeat(200)))).isEmpty();
        assertThat(fields(ReferenceEntryRules.partnership("a", " " + "n".repeat(200) + " "))).isEmpty();
        assertThat(ReferenceEntryRules.partnership("a", "n".repeat(201))).singleElement()
                .extracting(ReferenceDataError::message).isEqualTo("must be at most 200 characters");
    }

    @Test
    void aHospitalTrustNeedsANineDigitOrganisationNumberAndAName() {
        assertThat(ReferenceEntryRules.hospitalTrust("983974899", "Universitetssykehuset Nord-Norge")).isEmpty();
        assertThat(fields(ReferenceEntryRules.hospitalTrust("98397489", "U"))).containsExactly("organisationNumber");
        assertThat(fields(ReferenceEntryRules.hospitalTrust("9839748990", "U"))).containsExactly("organisationNumber");
        assertThat(fields(ReferenceEntryRules.hospitalTrust(null, ""))).containsExactly("organisationNumber", "name");
        assertThat(ReferenceEntryRules.hospitalTrust("98397489x", null).get(0).message()).contains("9-digit organisation number");
    }

    @Test
    void aMunicipalityNeedsEveryFieldWithinItsLength() {
        assertThat(ReferenceEntryRules.municipality("1833", "Rana", "Nordland", "Mo i Rana", "983974929", "helsefellesskap-helgeland"))
                .isEmpty();
        assertThat(fields(ReferenceEntryRules.municipality(null, null, null, null, null, null)))
                .containsExactly("number", "name", "county", "localHospitalArea", "hospitalTrust", "healthPartnership");
        assertThat(fields(ReferenceEntryRules.municipality("183", "R", "N", "M", "983974929", " ")))
                .containsExactly("number", "healthPartnership");
        assertThat(fields(ReferenceEntryRules.municipality("1833", "r".repeat(101), "c".repeat(51), "a".repeat(101), "1", "p")))
                .containsExactly("name", "county", "localHospitalArea", "hospitalTrust");
        assertThat(fields(ReferenceEntryRules.municipality("1833", "r".repeat(100), "c".repeat(50), "a".repeat(100), "983974929", "p")))
                .isEmpty();
        assertThat(ReferenceEntryRules.municipality("1833", "R", "N", "M", "983974929", null).get(0).message())
                .contains("GET /health-partnerships");
        assertThat(ReferenceEntryRules.municipality("18333", "R", "N", "M", "983974929", "p").get(0).message())
                .isEqualTo("must be 4 digits, e.g. 1833");
        assertThat(ReferenceEntryRules.municipality("1833", "", "N", "M", "983974929", "p").get(0).message()).isEqualTo("is required");
    }
}
