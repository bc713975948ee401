package no.samhandling.discharge.stay;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import no.samhandling.discharge.reference.HospitalTrust;
import no.samhandling.discharge.reference.Municipality;
import no.samhandling.discharge.security.Caller;
import no.samhandling.discharge.time.OsloTime;
import no.samhandling.discharge.security.Roles;
import no.samhandling.discharge.stay.StayCommands.RegisterStay;
import no.samhandling.discharge.stay.StayViews.StayView;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Registering an admitted patient: a new stay with its first event, the admission. */
@ApplicationScoped
public class StayRegistration {

    private final StayConfig config;
    private final Clock clock;
    private final StayEvents events;
    private final PatientNumbers patients;

    StayRegistration(StayConfig config, Clock clock, StayEvents events, PatientNumbers patients) {
        this.patients = patients;
        this.config = config;
        this.clock = clock;
        this.events = events;
    }

    @Transactional
    public StayView register(Caller caller, RegisterStay command) {
        return register(caller, command, UUID.randomUUID());
    }

    /** Whether a stay with this id exists (for a hospital system that names its stays itself). */
    @Transactional
    public boolean exists(UUID stayId) {
        return Stay.findById(stayId) != null;
    }

    /** Registers a stay under the id the hospital system chose for it (messages name stays by that id). */
    @Transactional
    public StayView register(Caller caller, RegisterStay command, UUID stayId) {
        Stay stay = newStay(caller, command, stayId);
        stay.patientNumber = patients.numberOf(new PatientNumbers.Patient(stay.patientIdentifierKind, stay.patientIdentifier));
        stay.persist();
        return events.admitted(caller, stay, new StayEvent.Admitted(stay.admittedAt));
    }

    /** The new stay the command registers, checked (identifier, hospital, municipalities, admission time) but not stored. */
    Stay newStay(Caller caller, RegisterStay command, UUID stayId) {
        List<StayException.Field> errors = new ArrayList<>();
        Optional<PersonIdentifier> patient = PersonIdentifier.parse(command.patientIdentifier());
        if (patient.isEmpty()) {
            errors.add(new StayException.Field("patientIdentifier",
                    "is not a valid fødselsnummer, D-nummer or felles hjelpenummer (11 digits, check digits)"));
        }
        String hospital = hospitalFor(caller, command.hospital(), errors);
        Optional<Municipality> residence = Municipality.findByCurrentOrFormerNumber(command.residenceMunicipality());
        if (residence.isEmpty()) {
            errors.add(new StayException.Field("residenceMunicipality", "is not a municipality in Nordland, Troms or Finnmark"));
        }
        String payingNumber = command.payingMunicipality() == null ? command.residenceMunicipality() : command.payingMunicipality();
        Optional<Municipality> paying = Municipality.findByCurrentOrFormerNumber(payingNumber);
        if (paying.isEmpty()) {
            errors.add(new StayException.Field("payingMunicipality", "is not a municipality in Nordland, Troms or Finnmark"));
        }
        Instant admittedAt = timeOrNow(command.admittedAt(), "admittedAt", errors);
        config.datePlausibility().check(new StayEvent.Admitted(admittedAt), OsloTime.today(clock))
                .forEach(found -> errors.add(new StayException.Field(found.field(), found.message())));
        if (!errors.isEmpty()) {
            throw StayException.invalid(errors);
        }

        Instant now = clock.instant();
        Stay stay = new Stay();
        stay.id = stayId;
        stay.patientIdentifierKind = patient.orElseThrow().kind().code();
        stay.patientIdentifier = patient.orElseThrow().value();
        stay.hospital = hospital;
        stay.ward = command.ward().strip();
        stay.serviceArea = command.serviceArea().code();
        stay.residenceMunicipality = residence.orElseThrow().number;
        stay.payingMunicipality = paying.orElseThrow().number;
        stay.status = StayStatus.ADMITTED.code();
        stay.admittedAt = admittedAt;
        stay.createdAt = now;
        stay.createdBy = caller.principal();
        stay.updatedAt = now;
        return stay;
    }

    private String hospitalFor(Caller caller, String requested, List<StayException.Field> errors) {
        if (caller.has(Roles.WARD) && !caller.actsForAllTenants()) {
            String own = StayAccess.ownHospital(caller);
            if (requested != null && !requested.equals(own)) {
                throw StayException.forbidden("You can register patients at your own hospital only.");
            }
            if (HospitalTrust.findById(own) == null) {
                throw StayException.forbidden("Your token names hospital " + own + ", which is not a hospital trust in Helse Nord; ask "
                        + "for a ward token that names your hospital trust's organisation number.");
            }
            return own;
        }
        if (requested == null) {
            errors.add(new StayException.Field("hospital", "is required: the hospital trust's organisation number"));
        } else if (HospitalTrust.findById(requested) == null) {
            errors.add(new StayException.Field("hospital", "is not a hospital trust in Helse Nord"));
        }
        return requested;
    }

    private Instant timeOrNow(Instant requested, String field, List<StayException.Field> errors) {
        Instant now = clock.instant();
        if (requested == null) {
            return now;
        }
        if (requested.isAfter(now.plus(config.allowedClockSkew()))) {
            errors.add(new StayException.Field(field, "lies in the future"));
        }
        return requested;
    }
}
