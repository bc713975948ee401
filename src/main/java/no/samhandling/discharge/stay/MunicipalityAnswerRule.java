package no.samhandling.discharge.stay;

import no.samhandling.discharge.stay.StayEvent.MunicipalityAnswered;

import java.util.Optional;

/**
 * § 11 (forskrift om kommunal betaling for utskrivningsklare pasienter): a municipality that cannot
 * receive the patient must say when it expects an offer to be ready. The one place of this rule: every
 * answer passes it before it is recorded, whether it came by REST, by message or as a correction.
 */
public final class MunicipalityAnswerRule {

    /** The field of the answer the rule is about, as REST names it (a message edge names its own element). */
    public static final String EXPECTED_READY_ON = "expectedReadyOn";

    private MunicipalityAnswerRule() {
    }

    /** Why the answer breaks § 11, or empty when it does not. */
    public static Optional<StayException.Field> violation(MunicipalityAnswered answer) {
        if (!answer.canReceive() && answer.expectedReadyOn() == null) {
            return Optional.of(new StayException.Field(EXPECTED_READY_ON,
                    "is required when the municipality cannot receive the patient: say when an offer is expected (§ 11)"));
        }
        return Optional.empty();
    }

    /** Refuses an event that is an answer breaking § 11; other events pass. */
    public static void check(StayEvent event) {
        if (event instanceof MunicipalityAnswered answer) {
            violation(answer).ifPresent(field -> {
                throw StayException.invalid(java.util.List.of(field));
            });
        }
    }
}
