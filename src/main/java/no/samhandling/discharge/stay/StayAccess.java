package no.samhandling.discharge.stay;

import no.samhandling.discharge.security.Caller;
import no.samhandling.discharge.security.Roles;

import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

/**
 * The one tenant policy of every stay query and change: a ward sees its hospital's stays, a municipal
 * intake team the stays its municipality pays for, admins and integrations all (audited like anyone). A
 * stay of another tenant is answered as not found, so its existence is not revealed.
 */
final class StayAccess {

    private static final Set<EventType> HOSPITAL_EVENTS = EnumSet.of(EventType.ADMITTED, EventType.ADMISSION_NOTICE_SENT,
            EventType.DECLARED_DISCHARGE_READY, EventType.DISCHARGE_READY_NOTICE_SENT, EventType.WITHDRAWN, EventType.DISCHARGED);

    private StayAccess() {
    }

    /** Which stays a list may show: those of one hospital and/or one paying municipality (null: any). */
    record Scope(String hospital, String payingMunicipality) {
    }

    static boolean visible(Caller caller, Stay stay) {
        if (caller.actsForAllTenants()) {
            return true;
        }
        if (caller.has(Roles.WARD) && stay.hospital.equals(caller.hospital())) {
            return true;
        }
        return caller.has(Roles.MUNICIPAL_INTAKE) && stay.payingMunicipality.equals(caller.municipality());
    }

    /** The stay, if the caller may see it; not found otherwise. */
    static Stay visibleStay(Caller caller, UUID stayId) {
        Stay stay = Stay.findById(stayId);
        if (stay == null || !visible(caller, stay)) {
            throw StayException.notFound("No stay with this id is visible to you. Check the id, or whether the patient "
                    + "belongs to your hospital or municipality.");
        }
        return stay;
    }

    /** The scope of the caller's stay list; {@code requestedHospital} narrows it for those who act for all tenants. */
    static Scope listScope(Caller caller, String requestedHospital) {
        if (caller.actsForAllTenants()) {
            return new Scope(requestedHospital, null);
        }
        if (caller.has(Roles.WARD)) {
            return new Scope(ownHospital(caller), null);
        }
        if (caller.has(Roles.MUNICIPAL_INTAKE) && caller.municipality() != null) {
            return new Scope(requestedHospital, caller.municipality());
        }
        throw StayException.forbidden("Your token names neither a hospital nor a municipality.");
    }

    /** The scope of a municipality's work list: its own intake team's, or anyone acting for all tenants. */
    static Scope workListScope(Caller caller, String municipalityNumber) {
        if (!caller.actsForAllTenants() && !municipalityNumber.equals(caller.municipality())) {
            throw StayException.forbidden("Your token gives access to the work list of municipality " + caller.municipality() + " only.");
        }
        return new Scope(null, municipalityNumber);
    }

    /** A ward's own hospital; refused when the token names none. */
    static String ownHospital(Caller caller) {
        if (caller.hospital() == null) {
            throw StayException.forbidden("Your token does not name a hospital; ask for a ward token for your hospital.");
        }
        return caller.hospital();
    }

    /** Hospital-side events are the ward's to correct, the municipality's answers the intake team's. */
    static void mayChange(Caller caller, EventType type) {
        if (caller.actsForAllTenants()) {
            return;
        }
        boolean hospitalSide = HOSPITAL_EVENTS.contains(type);
        if (hospitalSide ? !caller.has(Roles.WARD) : !caller.has(Roles.MUNICIPAL_INTAKE)) {
            throw StayException.forbidden(hospitalSide
                    ? "Only the hospital ward can correct or cancel the hospital's events."
                    : "Only the municipality can correct or cancel its answer.");
        }
    }
}
