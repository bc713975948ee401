package no.samhandling.discharge.reference;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** What the reference-data endpoints answer. */
public final class ReferenceViews {

    private ReferenceViews() {
    }

    @Schema(name = "HospitalTrust", description = "Hospital trust (helseforetak)")
    public record HospitalTrustView(
            @Schema(description = "Organisation number (organisasjonsnummer)", example = "983974899") String organisationNumber,
            @Schema(example = "Universitetssykehuset Nord-Norge") String name) {

        static HospitalTrustView of(HospitalTrust trust) {
            return new HospitalTrustView(trust.organisationNumber, trust.name);
        }
    }

    @Schema(name = "HealthPartnershipRef", description = "Health partnership (helsefellesskap), by id and name")
    public record HealthPartnershipRef(
            @Schema(example = "helsefellesskapet-troms-og-ofoten") String id,
            @Schema(example = "Helsefellesskapet Troms og Ofoten") String name) {

        static HealthPartnershipRef of(HealthPartnership partnership) {
            return new HealthPartnershipRef(partnership.id, partnership.name);
        }
    }

    @Schema(name = "FormerNumber", description = "A number the municipality had before a merger or a county change")
    public record FormerNumberView(
            @Schema(example = "5401") String number,
            @Schema(example = "2020") int validFromYear,
            @Schema(example = "2023") int validToYear) {

        static FormerNumberView of(MunicipalityFormerNumber former) {
            return new FormerNumberView(former.formerNumber, former.validFromYear, former.validToYear);
        }
    }

    @Schema(name = "Municipality", description = "Municipality (kommune)")
    public record MunicipalitySummary(
            @Schema(description = "Municipality number (kommunenummer), 4 characters", example = "5501") String number,
            @Schema(example = "Tromsø") String name,
            @Schema(description = "County (fylke)", example = "Troms") String county,
            HospitalTrustView hospitalTrust,
            @Schema(description = "Local hospital area (lokalsykehusområde)", example = "Tromsø") String localHospitalArea,
            HealthPartnershipRef healthPartnership,
            @Schema(description = "Whether the partnership lists the municipality as a member; false where membership is inferred from the hospital trust's area")
            boolean partnershipMembershipConfirmed,
            List<FormerNumberView> formerNumbers) {

        static MunicipalitySummary of(Municipality municipality) {
            return new MunicipalitySummary(municipality.number, municipality.name, municipality.county,
                    HospitalTrustView.of(municipality.hospitalTrust), municipality.localHospitalArea,
                    HealthPartnershipRef.of(municipality.healthPartnership), municipality.partnershipMembershipConfirmed,
                    municipality.formerNumbers.stream().map(FormerNumberView::of).toList());
        }
    }

    @Schema(name = "MunicipalityWithPopulation", description = "Municipality (kommune) with its population series")
    public record MunicipalityDetail(
            MunicipalitySummary municipality,
            @Schema(description = "Inhabitants on 1 January, one entry per year known; years not listed are unknown")
            List<PopulationYearView> population) {
    }

    @Schema(name = "PopulationYear", description = "Inhabitants (innbyggere) of a municipality on 1 January of a year")
    public record PopulationYearView(
            @Schema(example = "1833") String municipalityNumber,
            @Schema(example = "2022") int year,
            @Schema(description = "Sum of the age groups", example = "26092") int total,
            @Schema(description = "Inhabitants per age group: 0-17, 18-29, 30-49, 50-66, 67-79, 80-89, 90+")
            Map<String, Integer> ageGroups,
            @Schema(example = "Statistics Norway (SSB), table 07459") String source,
            Instant updatedAt,
            String updatedBy,
            @Schema(description = "Version for optimistic locking: send it back in If-Match to correct these figures")
            long version) {
    }

    @Schema(name = "PopulationChange", description = "Population figures for one municipality and year, entered by an administrator")
    public record PopulationChange(
            @Schema(description = "Inhabitants per age group; all of 0-17, 18-29, 30-49, 50-66, 67-79, 80-89, 90+ are required",
                    example = "{\"0-17\": 5003, \"18-29\": 3938, \"30-49\": 6219, \"50-66\": 6108, \"67-79\": 3399, \"80-89\": 1141, \"90+\": 284}")
            Map<String, Integer> ageGroups,
            @Schema(description = "Where the figures come from", example = "Statistics Norway (SSB), table 07459")
            String source) {
    }

    @Schema(name = "HealthPartnership", description = "Health partnership (helsefellesskap) with its member municipalities")
    public record HealthPartnershipView(
            @Schema(example = "helsefellesskapet-troms-og-ofoten") String id,
            @Schema(example = "Helsefellesskapet Troms og Ofoten") String name,
            List<HospitalTrustView> hospitalTrusts,
            List<Member> members) {

        @Schema(name = "HealthPartnershipMember")
        public record Member(
                @Schema(example = "1806") String number,
                @Schema(example = "Narvik") String name,
                @Schema(description = "False where membership is inferred from the hospital trust's area") boolean membershipConfirmed) {
        }

        static HealthPartnershipView of(HealthPartnership partnership) {
            return new HealthPartnershipView(partnership.id, partnership.name,
                    partnership.members.stream().map(m -> m.hospitalTrust).distinct()
                            .map(HospitalTrustView::of)
                            .sorted(java.util.Comparator.comparing(HospitalTrustView::name)).toList(),
                    partnership.members.stream()
                            .map(m -> new Member(m.number, m.name, m.partnershipMembershipConfirmed)).toList());
        }
    }

    @Schema(name = "DailyRate", description = "Daily rate (døgnpris): NOK the municipality pays per billable discharge-ready day")
    public record DailyRateView(
            @Schema(example = "2024") int year,
            @Schema(example = "5745") BigDecimal nokPerDay,
            @Schema(example = "Helsedirektoratet, Utskrivningsklare pasienter (table 2014-2024)") String source,
            Instant updatedAt,
            String updatedBy,
            @Schema(description = "Version for optimistic locking: send it back in If-Match to correct the rate")
            long version) {

        static DailyRateView of(DailyRate rate) {
            return new DailyRateView(rate.year, rate.nokPerDay, rate.source, rate.updatedAt, rate.updatedBy, rate.version);
        }
    }

    @Schema(name = "DailyRates", description = "The daily rates entered, and the years since 2012 without one")
    public record DailyRateList(
            @Schema(description = "Rates by year, oldest first") List<DailyRateView> rates,
            @Schema(description = "Years from 2012 to this year with no rate entered: their costs are reported as unknown until an administrator enters the rate",
                    example = "[2013, 2025, 2026]")
            List<Integer> unknownYears) {
    }

    @Schema(name = "DailyRateChange", description = "A year's daily rate (døgnpris), entered or corrected by an administrator")
    public record DailyRateChange(
            @Schema(description = "NOK per billable day, at most 2 decimals", example = "5745") BigDecimal nokPerDay,
            @Schema(description = "Where the rate is published", example = "Statsbudsjettet 2025, Prop. 1 S (2024-2025)") String source) {
    }

    @Schema(name = "HealthPartnershipChange", description = "A health partnership (helsefellesskap), entered or renamed by an administrator")
    public record HealthPartnershipChange(
            @Schema(example = "Helsefellesskapet Troms og Ofoten") String name) {
    }

    @Schema(name = "HospitalTrustChange", description = "A hospital trust (helseforetak), entered or renamed by an administrator")
    public record HospitalTrustChange(
            @Schema(example = "Universitetssykehuset Nord-Norge") String name) {
    }

    @Schema(name = "MunicipalityChange", description = "A municipality (kommune), entered or changed by an administrator: "
            + "its name, county, local hospital area, hospital trust and health partnership")
    public record MunicipalityChange(
            @Schema(example = "Rana") String name,
            @Schema(description = "County (fylke)", example = "Nordland") String county,
            @Schema(description = "Local hospital area (lokalsykehusområde)", example = "Mo i Rana") String localHospitalArea,
            @Schema(description = "Hospital trust (helseforetak) organisation number; the trust must exist", example = "983974929")
            String hospitalTrust,
            @Schema(description = "Health partnership (helsefellesskap) id; the partnership must exist", example = "helsefellesskap-helgeland")
            String healthPartnership) {
    }
}
