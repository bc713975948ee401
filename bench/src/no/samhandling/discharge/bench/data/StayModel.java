package no.samhandling.discharge.bench.data;

/**
 * The numbers the generator draws stays from (see bench/README.md, "Demo data and the generator's model").
 * Calibrated so that a Helse Nord year has about 3 000 stays with discharge-ready days and a mean of 3.5
 * discharge-ready days per such stay (SAMDATA, national 2021: 63 700 days in 18 000 stays), and 356
 * municipalities × 10 years about 2 million stays.
 */
final class StayModel {

    private StayModel() {
    }

    /**
     * Stays registered in the service (admissions where the patient is expected to need municipal services
     * afterwards) per 1000 inhabitants and year, by age group 0-17 … 90+.
     */
    static final double[] STAYS_PER_1000_BY_AGE = {1.7, 5.2, 10.4, 25, 92, 260, 430};

    /** Share of those stays in which the patient is declared discharge-ready and waits at least one day. */
    static final double SHARE_WITH_DISCHARGE_READY_DAYS = 0.175;

    /** Spread of municipalities around the model (0 to 111 per 1000 in the published figures): log-normal σ. */
    static final double MUNICIPALITY_SPREAD_SIGMA = 0.35;

    /** Discharge-ready days: 1 + geometric; 85 % short waits (mean 2.6 days), 15 % long (mean 8.6): mean 3.5. */
    static final double SHORT_WAIT_SHARE = 0.85;
    static final double SHORT_WAIT_MEAN_DAYS = 2.6;
    static final double LONG_WAIT_MEAN_DAYS = 8.6;

    /** Days in hospital before the declaration (1 + geometric, mean 4.5), and for stays without a wait (mean 4). */
    static final double DAYS_BEFORE_DECLARATION_MEAN = 4.5;
    static final double DAYS_WITHOUT_WAIT_MEAN = 4.0;

    /** Service areas (somatikk, psykisk helsevern, TSB). */
    static final double SHARE_MENTAL_HEALTH = 0.08;
    static final double SHARE_ADDICTION = 0.04;

    /** § 8: admission notice within 24 hours, later (not billable), or none (not billable). */
    static final double SHARE_ADMISSION_NOTICE_LATE = 0.04;
    static final double SHARE_ADMISSION_NOTICE_MISSING = 0.03;

    /** § 9: the assessment not fully documented; in mental health and addiction care the two conditions not met. */
    static final double SHARE_ASSESSMENT_INCOMPLETE = 0.02;
    static final double SHARE_FOLLOW_UP_INCOMPLETE = 0.10;

    /** § 10: the discharge-ready notice a day late, or never sent. */
    static final double SHARE_NOTICE_NEXT_DAY = 0.03;
    static final double SHARE_NOTICE_MISSING = 0.01;

    /** § 11 answers: first "cannot yet" with an expected date; never answered (liability runs to discharge). */
    static final double SHARE_CANNOT_FIRST = 0.45;
    static final double SHARE_NEVER_ANSWERED = 0.03;
    /** The hospital keeps the patient a day or two after the municipality is ready (discharge-ready, not billable). */
    static final double SHARE_KEPT_AFTER_READY = 0.30;

    /** Avmelding: the patient falls ill again; the period ends and the patient leaves later. */
    static final double SHARE_WITHDRAWN = 0.04;
    /** The municipality corrects its answer (a wrong ready date, one day early), by a correction event. */
    static final double SHARE_ANSWER_CORRECTED = 0.02;

    /** The paying municipality (oppholdskommune) differs from the residence municipality. */
    static final double SHARE_PAYING_ELSEWHERE = 0.02;
}
