package no.samhandling.discharge.stay;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import no.samhandling.discharge.security.AuditLog;
import no.samhandling.discharge.security.Caller;

import java.time.LocalDate;
import java.util.UUID;

/**
 * What planning a patient's next place needs to know of a stay (matching in {@code capacity}): its status, expected
 * discharge date and stated needs, under the one tenant policy of stays ({@link StayAccess}). Reading it is reading
 * personal data (the needs), so every read is audit-logged with the action the caller names.
 */
@ApplicationScoped
public class StayPlanning {

    /** The facts of one stay that planning reads; the needs as stated, in the declaration and in the admission notice. */
    public record PlanningFacts(UUID stayId, String hospital, String payingMunicipality, StayStatus status, LocalDate expectedDischargeDate,
                                LocalDate dischargeReadySince, String declaredNeeds, String expectedNeeds) {
    }

    private final AuditLog audit;

    StayPlanning(AuditLog audit) {
        this.audit = audit;
    }

    /** As {@code GET /stays/{id}}: the hospital's wards, the paying municipality's intake team, or all for admins and integrations. */
    @Transactional
    public PlanningFacts read(Caller caller, UUID stayId, String auditAction) {
        Stay stay = StayAccess.visibleStay(caller, stayId);
        audit.record(caller, auditAction, stay.id);
        return facts(stay);
    }

    /**
     * As an entry of the municipality's work list: the intake team of that municipality only (another's is forbidden,
     * as its work list is), and a stay the municipality pays for (another is not found, as it does not exist for them).
     */
    @Transactional
    public PlanningFacts readForMunicipality(Caller caller, String municipalityNumber, UUID stayId, String auditAction) {
        StayAccess.workListScope(caller, municipalityNumber);
        Stay stay = StayAccess.visibleStay(caller, stayId);
        if (!stay.payingMunicipality.equals(municipalityNumber)) {
            throw StayException.notFound("No patient with this id is on the work list of municipality " + municipalityNumber + ".");
        }
        audit.record(caller, auditAction, stay.id);
        return facts(stay);
    }

    private static PlanningFacts facts(Stay stay) {
        StayPeriodRow open = StayPeriodRow.<StayPeriodRow>find("stayId = ?1 and endedOn is null", stay.id).firstResult();
        return new PlanningFacts(stay.id, stay.hospital, stay.payingMunicipality, StayViewing.status(stay), stay.expectedDischargeDate,
                open == null ? null : open.declaredOn, open == null ? null : open.needs, stay.expectedNeeds);
    }
}
