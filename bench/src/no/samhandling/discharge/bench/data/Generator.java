package no.samhandling.discharge.bench.data;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

import static no.samhandling.discharge.bench.data.StayModel.*;

/**
 * Draws stays for every municipality of an area and every day of a range from {@link StayModel}. Seeded:
 * the same seed, area and range give the same stays, request for request. Each municipality and year has a
 * random stream of its own, so a municipality's stays do not depend on which others are generated.
 */
public final class Generator {

    static final ZoneId OSLO = ZoneId.of("Europe/Oslo");
    private static final String[] SOMATIC_WARDS = {"Medisinsk sengepost", "Kirurgisk sengepost", "Ortopedisk sengepost",
            "Geriatrisk sengepost", "Lungemedisinsk sengepost"};

    private final long seed;
    private final Area area;

    public Generator(long seed, Area area) {
        this.seed = seed;
        this.area = area;
    }

    /** Every stay admitted from {@code from} through {@code through}, in order of admission. */
    public List<StayScript> stays(LocalDate from, LocalDate through) {
        return stays(from, through, 1.0);
    }

    /**
     * As {@link #stays(LocalDate, LocalDate)}, keeping each stay with probability {@code share} (drawn from a stream of
     * its own, so the kept stays are exactly those of the full set): the national scale does not fit in memory at once.
     */
    public List<StayScript> stays(LocalDate from, LocalDate through, double share) {
        SplittableRandom keep = new SplittableRandom(seed ^ 0x5EEDL);
        List<StayScript> stays = new ArrayList<>();
        for (Area.Municipality municipality : area.municipalities()) {
            double factor = Math.exp(MUNICIPALITY_SPREAD_SIGMA * new SplittableRandom(seed ^ municipality.number().hashCode()).nextGaussian()
                    - MUNICIPALITY_SPREAD_SIGMA * MUNICIPALITY_SPREAD_SIGMA / 2);
            for (int year = from.getYear(); year <= through.getYear(); year++) {
                LocalDate first = max(from, LocalDate.of(year, 1, 1));
                LocalDate last = min(through, LocalDate.of(year, 12, 31));
                for (StayScript stay : municipalityYear(municipality, factor, first, last)) {
                    if (share >= 1 || keep.nextDouble() < share) {
                        stays.add(stay);
                    }
                }
            }
        }
        stays.sort(Comparator.comparing(StayScript::admittedAt));
        return stays;
    }

    private List<StayScript> municipalityYear(Area.Municipality municipality, double factor, LocalDate first, LocalDate last) {
        SplittableRandom random = new SplittableRandom(seed * 31 + municipality.number().hashCode() * 7919L + first.getYear());
        int[] population = municipality.populationIn(first.getYear());
        double[] weights = new double[population.length];
        double perYear = 0;
        for (int group = 0; group < population.length; group++) {
            weights[group] = population[group] * STAYS_PER_1000_BY_AGE[group] / 1000 * factor;
            perYear += weights[group];
        }
        long days = ChronoUnit.DAYS.between(first, last) + 1;
        double expected = perYear * days / first.lengthOfYear();
        int count = poisson(expected, random);
        List<StayScript> stays = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            LocalDate admitted = first.plusDays(random.nextLong(days));
            int group = draw(weights, perYear, random);
            stays.add(new StayDraw(municipality, admitted, group, random).script());
        }
        return stays;
    }

    /** One stay's draws, and the requests they make. */
    private final class StayDraw {
        private final Area.Municipality residence;
        private final LocalDate admittedOn;
        private final SplittableRandom random;
        private final String serviceArea;
        private final String birthAndId;
        private final List<StayScript.Step> steps = new ArrayList<>();
        private Instant cursor;

        StayDraw(Area.Municipality residence, LocalDate admittedOn, int ageGroup, SplittableRandom random) {
            this.residence = residence;
            this.admittedOn = admittedOn;
            this.random = random;
            double area = random.nextDouble();
            this.serviceArea = area < SHARE_ADDICTION ? "addiction" : area < SHARE_ADDICTION + SHARE_MENTAL_HEALTH ? "mental-health" : "somatic";
            this.birthAndId = SyntheticPerson.fodselsnummer(birthDate(ageGroup), random);
        }

        StayScript script() {
            Instant admittedAt = at(admittedOn, random.nextInt(24 * 60));
            cursor = admittedAt;
            String paying = random.nextDouble() < SHARE_PAYING_ELSEWHERE ? neighbour() : residence.number();
            String registration = json("patientIdentifier", birthAndId, "hospital", residence.trust(), "ward", ward(),
                    "serviceArea", serviceArea, "residenceMunicipality", residence.number(), "payingMunicipality", paying,
                    "admittedAt", admittedAt);
            boolean waits = random.nextDouble() < SHARE_WITH_DISCHARGE_READY_DAYS;
            int daysBefore = waits ? 1 + geometric(DAYS_BEFORE_DECLARATION_MEAN - 1) : 1 + geometric(DAYS_WITHOUT_WAIT_MEAN - 1);
            admissionNotice(admittedAt, admittedOn.plusDays(daysBefore));
            if (waits) {
                dischargeReadyPeriod(admittedOn.plusDays(daysBefore));
            } else {
                discharge(admittedOn.plusDays(daysBefore), random.nextDouble() < 0.5 ? "home" : random.nextDouble() < 0.8 ? "home-care" : "short-term-bed");
            }
            return new StayScript(residence.number(), waits, admittedAt, registration, List.copyOf(steps));
        }

        private void admissionNotice(Instant admittedAt, LocalDate expectedDischarge) {
            double notice = random.nextDouble();
            if (notice < SHARE_ADMISSION_NOTICE_MISSING) {
                return;
            }
            Instant sent = notice < SHARE_ADMISSION_NOTICE_MISSING + SHARE_ADMISSION_NOTICE_LATE
                    ? admittedAt.plus(Duration.ofHours(26 + random.nextInt(40)))
                    : admittedAt.plus(Duration.ofMinutes(30 + random.nextInt(20 * 60)));
            step("admission-notice", sent, t -> json("sentAt", t, "expectedDischargeDate", expectedDischarge,
                    "expectedNeeds", random.nextDouble() < 0.5 ? "Hjemmesykepleie morgen og kveld" : "Korttidsplass", "needAroseDuringStay", false));
        }

        private void dischargeReadyPeriod(LocalDate declaredOn) {
            int waitDays = 1 + geometric((random.nextDouble() < SHORT_WAIT_SHARE ? SHORT_WAIT_MEAN_DAYS : LONG_WAIT_MEAN_DAYS) - 1);
            boolean complete = random.nextDouble() >= SHARE_ASSESSMENT_INCOMPLETE;
            boolean followUp = serviceArea.equals("somatic") || random.nextDouble() >= SHARE_FOLLOW_UP_INCOMPLETE;
            Instant declared = step("discharge-readiness", at(declaredOn, 9 * 60 + random.nextInt(5 * 60)), t -> json(
                    "declaredAt", t, "assessorHprNumber", Integer.toString(1_000_000 + random.nextInt(8_999_999)),
                    "assessment", raw("{\"problemsAtAdmissionClarified\":true,\"diagnosisAndFollowUpPlanSet\":true,\"functionLevelAssessed\":"
                            + complete + "}"),
                    "followUp", serviceArea.equals("somatic") ? null
                            : raw("{\"cooperationMeetingCalled\":true,\"hospitalFollowUpClarified\":" + followUp + "}"),
                    "needs", "Korttidsplass, rehabilitering"));
            double notice = random.nextDouble();
            LocalDate noticeOn = declaredOn;
            if (notice >= SHARE_NOTICE_MISSING) {
                noticeOn = notice < SHARE_NOTICE_MISSING + SHARE_NOTICE_NEXT_DAY ? declaredOn.plusDays(1) : declaredOn;
                Instant planned = noticeOn.equals(declaredOn) ? declared.plus(Duration.ofMinutes(10 + random.nextInt(50)))
                        : at(noticeOn, 9 * 60 + random.nextInt(60));
                step("discharge-ready-notice", planned, t -> json("sentAt", t));
            }
            LocalDate leavesOn = declaredOn.plusDays(waitDays);
            if (random.nextDouble() < SHARE_WITHDRAWN) {
                LocalDate withdrawnOn = declaredOn.plusDays(1 + random.nextInt(waitDays));
                step("withdrawal", at(withdrawnOn, 8 * 60 + random.nextInt(4 * 60)),
                        t -> json("withdrawnAt", t, "reason", "Ny infeksjon, behandles videre"));
                discharge(withdrawnOn.plusDays(2 + random.nextInt(5)), random.nextDouble() < 0.3 ? "other-hospital" : "home-care");
                return;
            }
            if (notice >= SHARE_NOTICE_MISSING && random.nextDouble() >= SHARE_NEVER_ANSWERED) {
                int keptAfter = random.nextDouble() < SHARE_KEPT_AFTER_READY ? 1 + random.nextInt(2) : 0;
                LocalDate readyOn = max(noticeOn, leavesOn.minusDays(keptAfter));
                answers(noticeOn, readyOn);
            }
            discharge(leavesOn, destination());
        }

        private void answers(LocalDate noticeOn, LocalDate readyOn) {
            if (readyOn.isAfter(noticeOn) && random.nextDouble() < SHARE_CANNOT_FIRST) {
                LocalDate expected = readyOn.plusDays(random.nextInt(5) - 2L);
                step("municipality-response", at(noticeOn, 12 * 60 + random.nextInt(4 * 60)), t -> json("answeredAt", t, "canReceive", false,
                        "expectedReadyOn", max(expected, noticeOn.plusDays(1))));
            }
            LocalDate answeredOn = max(noticeOn, readyOn.minusDays(1));
            String offer = random.nextDouble() < 0.6 ? "Korttidsplass" : "Hjemmesykepleie";
            if (random.nextDouble() < SHARE_ANSWER_CORRECTED && readyOn.isAfter(answeredOn)) {
                step("municipality-response", at(answeredOn, 12 * 60 + random.nextInt(4 * 60)), t -> json("answeredAt", t, "canReceive", true,
                        "readyFrom", readyOn.minusDays(1), "offer", offer));
                Instant original = cursor;
                steps.add(new StayScript.Step("correction", json("corrected", raw(json("answeredAt", original, "canReceive", true,
                        "readyFrom", readyOn, "offer", offer)), "reason", "Feil mottaksdato registrert"), original.plus(Duration.ofMinutes(30)), true));
                cursor = original.plus(Duration.ofMinutes(30));
                return;
            }
            step("municipality-response", at(answeredOn, 12 * 60 + random.nextInt(4 * 60)), t -> json("answeredAt", t, "canReceive", true,
                    "readyFrom", readyOn, "offer", offer));
        }

        private void discharge(LocalDate on, String destination) {
            step("discharge", at(on, 11 * 60 + random.nextInt(6 * 60)), t -> json("dischargedAt", t, "destination", destination));
        }

        /** Adds a step at the planned time, or just after the step before when that is later (events keep their order). */
        private Instant step(String path, Instant planned, java.util.function.Function<Instant, String> body) {
            Instant time = planned.isAfter(cursor) ? planned : cursor.plus(Duration.ofMinutes(5));
            cursor = time;
            steps.add(new StayScript.Step(path, body.apply(time), time, false));
            return time;
        }

        private String destination() {
            double d = random.nextDouble();
            return d < 0.2 ? "home" : d < 0.5 ? "home-care" : d < 0.8 ? "short-term-bed" : d < 0.92 ? "nursing-home" : d < 0.95 ? "deceased" : "other";
        }

        private String ward() {
            return switch (serviceArea) {
                case "mental-health" -> "Psykiatrisk døgnenhet";
                case "addiction" -> "TSB døgnenhet";
                default -> SOMATIC_WARDS[random.nextInt(SOMATIC_WARDS.length)];
            };
        }

        private String neighbour() {
            List<Area.Municipality> sameTrust = area.municipalities().stream()
                    .filter(m -> m.trust().equals(residence.trust()) && !m.number().equals(residence.number())).toList();
            return sameTrust.isEmpty() ? residence.number() : sameTrust.get(random.nextInt(sameTrust.size())).number();
        }

        private LocalDate birthDate(int ageGroup) {
            int[] lowest = {0, 18, 30, 50, 67, 80, 90};
            int[] highest = {17, 29, 49, 66, 79, 89, 101};
            int age = lowest[ageGroup] + random.nextInt(highest[ageGroup] - lowest[ageGroup] + 1);
            return admittedOn.minusYears(age).minusDays(1 + random.nextInt(364));
        }

        private int geometric(double mean) {
            if (mean <= 0) {
                return 0;
            }
            double p = 1 / (mean + 1);
            return (int) Math.floor(Math.log(1 - random.nextDouble()) / Math.log(1 - p));
        }
    }

    private static Instant at(LocalDate day, int minuteOfDay) {
        return day.atTime(LocalTime.of(minuteOfDay / 60, minuteOfDay % 60)).atZone(OSLO).toInstant();
    }

    private static int draw(double[] weights, double total, SplittableRandom random) {
        double pick = random.nextDouble() * total;
        for (int i = 0; i < weights.length; i++) {
            pick -= weights[i];
            if (pick < 0) {
                return i;
            }
        }
        return weights.length - 1;
    }

    private static int poisson(double mean, SplittableRandom random) {
        if (mean > 50) {
            return Math.max(0, (int) Math.round(mean + Math.sqrt(mean) * random.nextGaussian()));
        }
        double limit = Math.exp(-mean);
        double product = random.nextDouble();
        int count = 0;
        while (product > limit) {
            product *= random.nextDouble();
            count++;
        }
        return count;
    }

    private static LocalDate max(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }

    /** A JSON value written as it is (an object). */
    record Raw(String json) {
    }

    static Raw raw(String json) {
        return new Raw(json);
    }

    /** A JSON object from name, value pairs; null values are left out. */
    static String json(Object... namesAndValues) {
        StringBuilder out = new StringBuilder("{");
        for (int i = 0; i < namesAndValues.length; i += 2) {
            Object value = namesAndValues[i + 1];
            if (value == null) {
                continue;
            }
            if (out.length() > 1) {
                out.append(',');
            }
            out.append('"').append(namesAndValues[i]).append("\":");
            if (value instanceof Raw raw) {
                out.append(raw.json());
            } else if (value instanceof Boolean || value instanceof Number) {
                out.append(value);
            } else {
                out.append('"').append(value.toString().replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
            }
        }
        return out.append('}').toString();
    }
}
