package no.samhandling.discharge.statistics;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import no.samhandling.discharge.statistics.Membership.GroupCount;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Counting tallies ({@link Tally#of}) and the whole table's patients ({@link Membership#counts}) from rows in memory:
 * hand-computed cases, and properties over random rows. The municipalities: partnership P (a, b, c) and Q (d, e); trust
 * areas T (a, b) and U (c, d, e).
 */
class StayMonthRowsCountingTest {

    private static final Membership MEMBERSHIP = new Membership(Map.of("a", "P", "b", "P", "c", "P", "d", "Q", "e", "Q"),
            Map.of("a", "T", "b", "T", "c", "U", "d", "U", "e", "U"));
    private static final Set<String> ALL = MEMBERSHIP.partnershipOf().keySet();
    private static final UUID S1 = new UUID(0, 1);
    private static final UUID S2 = new UUID(0, 2);
    private static final UUID S3 = new UUID(0, 3);
    private static final UUID S4 = new UUID(0, 4);

    /** One row: paying a, residence b unless said. */
    private static void row(StayMonthRows.Builder rows, UUID stay, long patient, String paying, String residence, String area,
                            String age, int ready, int billable) {
        rows.add(stay, patient, paying, residence, area, age, "974795787", null, 2025, ready, billable);
    }

    /** January: stay 1 (patient 10) in a, somatic, 5 days (3 billable); stay 2 (patient 10) in b, mental health, 2 days. */
    private static StayMonthRows january() {
        StayMonthRows.Builder rows = new StayMonthRows.Builder();
        row(rows, S1, 10, "a", "a", "somatic", "80-89", 5, 3);
        row(rows, S2, 10, "b", "d", "mental-health", "80-89", 2, 0);
        return rows.build();
    }

    /** February: stay 1 goes on (4 days, all billable); stay 3 (patient 11) in d, somatic, 1 day, residence e, nursing home. */
    private static StayMonthRows february() {
        StayMonthRows.Builder rows = new StayMonthRows.Builder();
        row(rows, S1, 10, "a", "a", "somatic", "80-89", 4, 4);
        rows.add(S3, 11, "d", "e", "somatic", "67-79", "983974929", "nursing-home", 2025, 1, 1);
        return rows.build();
    }

    @Test
    void aStayOverTwoMonthsIsOneStayAndItsDaysAddUp() {
        Map<String, Tally> tallies = Tally.of(List.of(january(), february()), Basis.PAYING, ALL, null, true,
                m -> MEMBERSHIP.groupOf(GroupBy.HEALTH_PARTNERSHIP, m), true);
        Tally p = tallies.get(Tally.key("P", true, null));
        assertThat(p.ready).isEqualTo(11);
        assertThat(p.billable).isEqualTo(7);
        assertThat(p.stays).isEqualTo(2);
        assertThat(p.patients).as("patient 10's two stays").isEqualTo(1);
        assertThat(p.readyByAge).containsExactlyEntriesOf(Map.of("80-89", 11L));
        assertThat(p.billableByYear).containsExactlyEntriesOf(Map.of(2025, 7L));
        assertThat(p.readyByCareLevel).containsExactlyEntriesOf(Map.of("", 11L));
        Tally pSomatic = tallies.get(Tally.key("P", true, "somatic"));
        assertThat(pSomatic.ready).isEqualTo(9);
        assertThat(pSomatic.stays).isEqualTo(1);
        assertThat(pSomatic.patients).isEqualTo(1);
        assertThat(tallies.get(Tally.key("P", true, "mental-health")).ready).isEqualTo(2);
        Tally q = tallies.get(Tally.key("Q", true, null));
        assertThat(q.ready).isEqualTo(1);
        assertThat(q.readyByHospital).containsExactlyEntriesOf(Map.of("983974929", 1L));
        assertThat(q.readyByCareLevel).containsExactlyEntriesOf(Map.of("nursing-home", 1L));
        assertThat(q.readyByAge).containsExactlyEntriesOf(Map.of("67-79", 1L));
        assertThat(tallies).doesNotContainKey(Tally.key("Q", true, "mental-health"));
        assertThat(tallies).hasSize(5);
    }

    @Test
    void withoutServiceAreasOnlyTheGroupsTallyIsCountedAndItIsTheSame() {
        Map<String, Tally> withAreas = Tally.of(List.of(january(), february()), Basis.PAYING, ALL, null, true,
                m -> MEMBERSHIP.groupOf(GroupBy.HEALTH_PARTNERSHIP, m), true);
        Map<String, Tally> without = Tally.of(List.of(january(), february()), Basis.PAYING, ALL, null, false,
                m -> MEMBERSHIP.groupOf(GroupBy.HEALTH_PARTNERSHIP, m), true);
        assertThat(without).containsOnlyKeys(Tally.key("P", true, null), Tally.key("Q", true, null));
        for (String key : without.keySet()) {
            Tally a = withAreas.get(key);
            Tally b = without.get(key);
            assertThat(List.of(b.ready, b.billable, b.stays, b.patients)).isEqualTo(List.of(a.ready, a.billable, a.stays, a.patients));
            assertThat(b.readyByAge).isEqualTo(a.readyByAge);
            assertThat(b.readyByHospital).isEqualTo(a.readyByHospital);
            assertThat(b.readyByCareLevel).isEqualTo(a.readyByCareLevel);
            assertThat(b.billableByYear).isEqualTo(a.billableByYear);
            assertThat(b.billableByAge).isEqualTo(a.billableByAge);
        }
    }

    @Test
    void eachGroupsServiceAreasAreCountedApartAndAStayIsBothHalvesOfItsUuid() {
        StayMonthRows.Builder rows = new StayMonthRows.Builder();
        // Stays that differ only in one half of their UUID are different stays.
        row(rows, new UUID(1, 9), 20, "a", "a", "somatic", "80-89", 1, 1);
        row(rows, new UUID(1, 9), 20, "b", "b", "somatic", "80-89", 1, 1);
        row(rows, new UUID(2, 9), 21, "b", "b", "somatic", "80-89", 1, 1);
        row(rows, new UUID(1, 8), 22, "c", "c", "somatic", "80-89", 1, 1);
        row(rows, new UUID(2, 8), 23, "c", "c", "somatic", "80-89", 1, 1);
        row(rows, new UUID(3, 8), 23, "c", "c", "addiction", "80-89", 1, 1);
        Map<String, Tally> tallies = Tally.of(List.of(rows.build()), Basis.PAYING, ALL, null, true, m -> m, true);
        assertThat(List.of(tallies.get(Tally.key("a", true, "somatic")).stays, tallies.get(Tally.key("b", true, "somatic")).stays,
                tallies.get(Tally.key("c", true, "somatic")).stays, tallies.get(Tally.key("c", true, "addiction")).stays,
                tallies.get(Tally.key("c", true, null)).stays)).containsExactly(1L, 2L, 2L, 1L, 3L);
        assertThat(List.of(tallies.get(Tally.key("b", true, "somatic")).patients, tallies.get(Tally.key("c", true, "somatic")).patients,
                tallies.get(Tally.key("c", true, null)).patients)).containsExactly(2L, 2L, 2L);
    }

    @Test
    void aServiceAreaBeyondTheKnownOnesIsRefused() {
        StayMonthRows.Builder rows = new StayMonthRows.Builder();
        for (String area : List.of("somatic", "mental-health", "addiction", "dental")) {
            row(rows, S1, 10, "a", "a", area, "80-89", 1, 1);
        }
        StayMonthRows built = rows.build();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Tally.of(List.of(built), Basis.PAYING, ALL, null, true, m -> m, true))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("dental");
        assertThat(Tally.of(List.of(built), Basis.PAYING, ALL, null, false, m -> m, true).get(Tally.key("a", true, null)).ready).isEqualTo(4);
    }

    @Test
    void theBasisPicksTheMunicipalityAndTheScopeAndServiceAreaFilterTheRows() {
        Map<String, Tally> byResidence = Tally.of(List.of(january(), february()), Basis.RESIDENCE, ALL, null, true, m -> m, false);
        assertThat(byResidence.get(Tally.key("a", false, null)).ready).isEqualTo(9);
        assertThat(byResidence.get(Tally.key("d", false, null)).ready).as("stay 2 lives in d").isEqualTo(2);
        assertThat(byResidence.get(Tally.key("e", false, null)).ready).isEqualTo(1);
        assertThat(byResidence).doesNotContainKey(Tally.key("b", false, null));

        Map<String, Tally> somaticInQ = Tally.of(List.of(january(), february()), Basis.PAYING, Set.of("d", "e"), "somatic", true, m -> m, true);
        assertThat(somaticInQ).containsOnlyKeys(Tally.key("d", true, null), Tally.key("d", true, "somatic"));
        assertThat(somaticInQ.get(Tally.key("d", true, null)).patients).isEqualTo(1);
    }

    @Test
    void theWholeTableCountsEachPatientOncePerGroupOfEveryLevel() {
        StayMonthRows.Builder more = new StayMonthRows.Builder();
        row(more, S4, 12, "c", "c", "addiction", "30-49", 3, 3);
        List<GroupCount> counts = MEMBERSHIP.counts(List.of(january(), february(), more.build()), Basis.PAYING, null);
        assertThat(counts).containsExactlyInAnyOrder(
                new GroupCount(GroupBy.MUNICIPALITY, "a", 1, 9), new GroupCount(GroupBy.MUNICIPALITY, "b", 1, 2),
                new GroupCount(GroupBy.MUNICIPALITY, "c", 1, 3), new GroupCount(GroupBy.MUNICIPALITY, "d", 1, 1),
                new GroupCount(GroupBy.HEALTH_PARTNERSHIP, "P", 2, 14), new GroupCount(GroupBy.HEALTH_PARTNERSHIP, "Q", 1, 1),
                new GroupCount(GroupBy.HOSPITAL_TRUST, "T", 1, 11), new GroupCount(GroupBy.HOSPITAL_TRUST, "U", 2, 4),
                new GroupCount(GroupBy.REGION, Membership.REGION, 3, 15));
        assertThat(MEMBERSHIP.counts(List.of(january(), february()), Basis.PAYING, "mental-health"))
                .containsExactlyInAnyOrder(new GroupCount(GroupBy.MUNICIPALITY, "b", 1, 2), new GroupCount(GroupBy.HEALTH_PARTNERSHIP, "P", 1, 2),
                        new GroupCount(GroupBy.HOSPITAL_TRUST, "T", 1, 2), new GroupCount(GroupBy.REGION, Membership.REGION, 1, 2));
    }

    @Test
    void aMunicipalityOutsideTheMembershipIsNotCounted() {
        StayMonthRows.Builder rows = new StayMonthRows.Builder();
        row(rows, S1, 10, "z", "z", "somatic", "80-89", 5, 3);
        assertThat(MEMBERSHIP.counts(List.of(rows.build()), Basis.PAYING, null)).isEmpty();
        assertThat(Tally.of(List.of(rows.build()), Basis.PAYING, ALL, null, true, m -> m, true)).isEmpty();
    }

    @Test
    void rowsKeepWhatTheyWereGivenAndShareTheirStrings() {
        StayMonthRows.Builder builder = new StayMonthRows.Builder();
        for (int i = 0; i < 40; i++) {
            builder.add(new UUID(i, -i), 1000L + i, new String("1804"), "18" + (i % 10) + "0", "somatic", "80-89", "974795787",
                    i % 2 == 0 ? null : "home-care", 2020 + i % 3, i + 1, i);
        }
        StayMonthRows rows = builder.build();
        assertThat(rows.size()).isEqualTo(40);
        assertThat(List.of(rows.stayHigh(39), rows.stayLow(39))).containsExactly(39L, -39L);
        assertThat(rows.patient(39)).isEqualTo(1039);
        assertThat(rows.municipality(Basis.PAYING, 39)).isEqualTo("1804");
        assertThat(rows.municipality(Basis.RESIDENCE, 39)).isEqualTo("1890");
        assertThat(rows.municipality(Basis.PAYING, 0)).isSameAs(rows.municipality(Basis.PAYING, 39));
        assertThat(rows.careLevel(0)).isEmpty();
        assertThat(rows.careLevel(1)).isEqualTo("home-care");
        assertThat(rows.year(5)).isEqualTo(2022);
        assertThat(rows.readyDays(39)).isEqualTo(40);
        assertThat(rows.billableDays(39)).isEqualTo(39);
        assertThat(rows.hospital(3)).isEqualTo("974795787");
        assertThat(rows.ageGroup(3)).isEqualTo("80-89");
        assertThat(rows.serviceArea(3)).isEqualTo("somatic");
        assertThat(rows.bytes()).isGreaterThan(40L * 60).isLessThan(40L * 60 + 1000);
    }

    record Row(int stay, int patient, String paying, String residence, String area, int ready, int billable) {
    }

    @Provide
    Arbitrary<List<Row>> rows() {
        Arbitrary<String> municipality = Arbitraries.of("a", "b", "c", "d", "e");
        Arbitrary<Row> row = Combinators.combine(Arbitraries.integers().between(1, 12), Arbitraries.integers().between(1, 6), municipality,
                municipality, Arbitraries.of("somatic", "mental-health", "addiction"), Arbitraries.integers().between(1, 31))
                .as((stay, patient, paying, residence, area, ready) -> new Row(stay, patient, paying, residence, area, ready, ready / 2));
        return row.list().ofMaxSize(30);
    }

    private static List<StayMonthRows> cut(List<Row> rows, int parts) {
        List<StayMonthRows.Builder> builders = new ArrayList<>();
        for (int i = 0; i < parts; i++) {
            builders.add(new StayMonthRows.Builder());
        }
        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i);
            builders.get(i % parts).add(new UUID(7, r.stay()), r.patient(), r.paying(), r.residence(), r.area(), "80-89", "974795787", null,
                    2025, r.ready(), r.billable());
        }
        return builders.stream().map(StayMonthRows.Builder::build).toList();
    }

    @Property
    void howTheRowsAreCutIntoMonthsChangesNoCount(@ForAll("rows") List<Row> rows, @ForAll("parts") int parts) {
        Map<String, Long> whole = summary(cut(rows, 1));
        assertThat(summary(cut(rows, parts))).isEqualTo(whole);
    }

    @Provide
    Arbitrary<Integer> parts() {
        return Arbitraries.integers().between(1, 5);
    }

    /** Every tally's figures and every group count, as one map to compare. */
    private static Map<String, Long> summary(List<StayMonthRows> rows) {
        Map<String, Long> summary = new HashMap<>();
        Tally.of(rows, Basis.PAYING, ALL, null, true, m -> MEMBERSHIP.groupOf(GroupBy.HOSPITAL_TRUST, m), true).forEach((key, t) -> {
            summary.put(key + " ready", t.ready);
            summary.put(key + " billable", t.billable);
            summary.put(key + " stays", t.stays);
            summary.put(key + " patients", t.patients);
        });
        MEMBERSHIP.counts(rows, Basis.RESIDENCE, null).forEach(c -> {
            summary.put(c.level() + c.key() + " patients", c.patients());
            summary.put(c.level() + c.key() + " days", c.days());
        });
        return summary;
    }

    @Property
    void aTotalHasAtLeastThePatientsOfEachPartAndAtMostTheirSumAndExactlyTheirDays(@ForAll("rows") List<Row> rows) {
        List<GroupCount> counts = MEMBERSHIP.counts(cut(rows, 2), Basis.PAYING, null);
        Map<String, GroupCount> byKey = new HashMap<>();
        counts.forEach(c -> byKey.put(c.level() + "/" + c.key(), c));
        for (String partnership : List.of("P", "Q")) {
            GroupCount total = byKey.get(GroupBy.HEALTH_PARTNERSHIP + "/" + partnership);
            List<GroupCount> parts = counts.stream().filter(c -> c.level() == GroupBy.MUNICIPALITY
                    && MEMBERSHIP.partnershipOf().get(c.key()).equals(partnership)).toList();
            if (total == null) {
                assertThat(parts).isEmpty();
                continue;
            }
            assertThat(total.days()).isEqualTo(parts.stream().mapToLong(GroupCount::days).sum());
            assertThat(total.patients()).isLessThanOrEqualTo(parts.stream().mapToLong(GroupCount::patients).sum())
                    .isGreaterThanOrEqualTo(parts.stream().mapToLong(GroupCount::patients).max().orElse(0));
        }
        long patients = rows.stream().map(Row::patient).distinct().count();
        assertThat(counts.stream().filter(c -> c.level() == GroupBy.REGION).mapToLong(GroupCount::patients).sum()).isEqualTo(patients);
        Map<String, Tally> tallies = Tally.of(cut(rows, 3), Basis.PAYING, ALL, null, false, m -> Membership.REGION, true);
        if (!rows.isEmpty()) {
            Tally region = tallies.get(Tally.key(Membership.REGION, true, null));
            assertThat(region.patients).isEqualTo(patients);
            assertThat(region.stays).isEqualTo(rows.stream().map(Row::stay).distinct().count());
            assertThat(region.ready).isEqualTo(rows.stream().mapToLong(Row::ready).sum());
        }
    }
}
