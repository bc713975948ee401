package no.samhandling.discharge.reference;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import no.samhandling.discharge.reference.ReferenceDataService.Saved;
import no.samhandling.discharge.reference.ReferenceViews.HealthPartnershipChange;
import no.samhandling.discharge.reference.ReferenceViews.HealthPartnershipView;
import no.samhandling.discharge.reference.ReferenceViews.HospitalTrustChange;
import no.samhandling.discharge.reference.ReferenceViews.HospitalTrustView;
import no.samhandling.discharge.reference.ReferenceViews.MunicipalityChange;
import no.samhandling.discharge.reference.ReferenceViews.MunicipalitySummary;
import no.samhandling.discharge.security.AuditLog;
import no.samhandling.discharge.security.Caller;
import no.samhandling.discharge.web.ProblemException;
import no.samhandling.discharge.web.ProblemType;

import java.util.ArrayList;
import java.util.List;

/**
 * An administrator enters or changes partnerships, hospital trusts and municipalities (a new municipality
 * after a merger, or the synthetic ones of a national-scale benchmark). Each PUT is idempotent: the same
 * entry twice leaves the same row and answers the same view. Each is audited.
 */
@ApplicationScoped
public class ReferenceAdministration {

    private static final int AUDIT_ACTION_MAX_LENGTH = 60;

    private final AuditLog audit;

    ReferenceAdministration(AuditLog audit) {
        this.audit = audit;
    }

    @Transactional
    public Saved<HealthPartnershipView> savePartnership(Caller caller, String id, HealthPartnershipChange change) {
        String name = change == null ? null : change.name();
        ReferenceDataService.rejectInvalid(ReferenceEntryRules.partnership(id, name));
        String stripped = name.strip();
        refuseNameOfAnother(HealthPartnership.count("name = ?1 and id <> ?2", stripped, id), "health partnership", stripped);
        HealthPartnership partnership = HealthPartnership.findById(id);
        boolean created = partnership == null;
        if (created) {
            partnership = new HealthPartnership();
            partnership.id = id;
            partnership.members = new ArrayList<>();
        }
        partnership.name = stripped;
        partnership.persistAndFlush();
        record(caller, "set-health-partnership:" + id);
        return new Saved<>(HealthPartnershipView.of(partnership), created);
    }

    @Transactional
    public Saved<HospitalTrustView> saveHospitalTrust(Caller caller, String organisationNumber, HospitalTrustChange change) {
        String name = change == null ? null : change.name();
        ReferenceDataService.rejectInvalid(ReferenceEntryRules.hospitalTrust(organisationNumber, name));
        String stripped = name.strip();
        refuseNameOfAnother(HospitalTrust.count("name = ?1 and organisationNumber <> ?2", stripped, organisationNumber),
                "hospital trust", stripped);
        HospitalTrust trust = HospitalTrust.findById(organisationNumber);
        boolean created = trust == null;
        if (created) {
            trust = new HospitalTrust();
            trust.organisationNumber = organisationNumber;
        }
        trust.name = stripped;
        trust.persistAndFlush();
        record(caller, "set-hospital-trust:" + organisationNumber);
        return new Saved<>(HospitalTrustView.of(trust), created);
    }

    @Transactional
    public HospitalTrustView hospitalTrust(String organisationNumber) {
        return HospitalTrust.<HospitalTrust>findByIdOptional(organisationNumber).map(HospitalTrustView::of)
                .orElseThrow(() -> ProblemException.notFound("No hospital trust (helseforetak) has the organisation number "
                        + organisationNumber + "."));
    }

    @Transactional
    public Saved<MunicipalitySummary> saveMunicipality(Caller caller, String number, MunicipalityChange change) {
        MunicipalityChange entry = change == null ? new MunicipalityChange(null, null, null, null, null) : change;
        List<ReferenceDataError> errors = new ArrayList<>(ReferenceEntryRules.municipality(number, entry.name(), entry.county(),
                entry.localHospitalArea(), entry.hospitalTrust(), entry.healthPartnership()));
        HospitalTrust trust = entry.hospitalTrust() == null ? null : HospitalTrust.findById(entry.hospitalTrust());
        if (entry.hospitalTrust() != null && trust == null && errors.stream().noneMatch(e -> e.field().equals("hospitalTrust"))) {
            errors.add(new ReferenceDataError("hospitalTrust", "is not a known hospital trust: enter it first with PUT /hospital-trusts/"
                    + entry.hospitalTrust()));
        }
        HealthPartnership partnership = entry.healthPartnership() == null ? null : HealthPartnership.findById(entry.healthPartnership());
        if (entry.healthPartnership() != null && !entry.healthPartnership().isBlank() && partnership == null) {
            errors.add(new ReferenceDataError("healthPartnership", "is not a known health partnership: enter it first with "
                    + "PUT /health-partnerships/{id}"));
        }
        if (MunicipalityFormerNumber.findById(number) != null) {
            errors.add(new ReferenceDataError("number", "is a former number of another municipality; change that municipality under "
                    + "its current number"));
        }
        ReferenceDataService.rejectInvalid(errors);
        Municipality municipality = Municipality.findById(number);
        boolean created = municipality == null;
        if (created) {
            municipality = new Municipality();
            municipality.number = number;
            municipality.formerNumbers = new ArrayList<>();
        }
        municipality.name = entry.name().strip();
        municipality.county = entry.county().strip();
        municipality.localHospitalArea = entry.localHospitalArea().strip();
        municipality.hospitalTrust = trust;
        municipality.healthPartnership = partnership;
        municipality.partnershipMembershipConfirmed = true;
        municipality.persistAndFlush();
        record(caller, "set-municipality:" + number);
        return new Saved<>(MunicipalitySummary.of(municipality), created);
    }

    private void record(Caller caller, String action) {
        audit.record(caller, action.length() > AUDIT_ACTION_MAX_LENGTH ? action.substring(0, AUDIT_ACTION_MAX_LENGTH) : action,
                (java.util.UUID) null);
    }

    private static void refuseNameOfAnother(long others, String what, String name) {
        if (others > 0) {
            throw new ProblemException(ProblemType.CONFLICT, "Another " + what + " already has the name " + name
                    + ": names are unique. Use that one's id, or choose another name.");
        }
    }
}
