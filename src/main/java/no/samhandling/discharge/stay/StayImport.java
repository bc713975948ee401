package no.samhandling.discharge.stay;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import no.samhandling.discharge.security.Caller;
import no.samhandling.discharge.stay.StayCommands.RegisterStay;
import no.samhandling.discharge.stay.StayViews.ImportRequest;
import no.samhandling.discharge.stay.StayViews.ImportResult;
import no.samhandling.discharge.stay.StayViews.ImportStep;
import no.samhandling.discharge.stay.StayViews.ImportedStay;

import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalLong;
import java.util.UUID;

/**
 * Many stays at once, for loading history (a migration, or the national-scale benchmark): each stay is
 * registered and each of its events recorded by the very code a ward's or intake team's REST call runs
 * ({@link StayRegistration}, {@link StayEvents}), with the same checks, figures, outbox and audit, only
 * many stays in one transaction. One refused step refuses the whole batch, naming the stay and step.
 */
@ApplicationScoped
public class StayImport {

    public static final int MAX_STAYS = 500;
    /** A full batch takes far longer than one REST call; the default 60 s would roll back a large one on a busy machine. */
    public static final int TRANSACTION_TIMEOUT_SECONDS = 600;

    private final StayRegistration registration;
    private final StayEvents events;
    private final ImportSteps steps;
    private final Clock clock;
    private final EntityManager entityManager;
    private final PatientNumbers patients;

    StayImport(StayRegistration registration, StayEvents events, ImportSteps steps, Clock clock, EntityManager entityManager,
               PatientNumbers patients) {
        this.patients = patients;
        this.entityManager = entityManager;
        this.registration = registration;
        this.events = events;
        this.steps = steps;
        this.clock = clock;
    }

    @Transactional
    public ImportResult load(Caller caller, ImportRequest request) {
        if (request == null || request.stays() == null || request.stays().isEmpty() || request.stays().size() > MAX_STAYS) {
            throw StayException.invalid("stays", "must list 1 to " + MAX_STAYS + " stays");
        }
        // The batch registers stays after earlier stays' events have locked outbox keys and statistics rows: taking the
        // new patients' lock first keeps a batch from waiting for it while holding what its holder waits for.
        patients.lockForNewPatients();
        UUID[] ids = new UUID[request.stays().size()];
        long recorded = 0;
        for (int i : inLockOrder(request.stays())) {
            ImportedStay stay = request.stays().get(i);
            String where = "stays[" + i + "]";
            UUID id = register(caller, stay, where);
            ids[i] = id;
            List<ImportStep> stepsOfStay = ImportSteps.steps(stay);
            for (int j = 0; j < stepsOfStay.size(); j++) {
                step(caller, id, stepsOfStay.get(j), where + ".steps[" + j + "]");
                recorded++;
            }
            // A finished stay's rows are not read again: without this, every query of the next stays would flush-check them all.
            entityManager.flush();
            entityManager.clear();
        }
        return new ImportResult(ids.length, recorded, List.of(ids));
    }

    /**
     * The stays' order of processing: by paying municipality. Each event takes the outbox's lock on its
     * municipality's key until the batch commits; two batches taking those locks in different orders deadlock
     * (found by the national-scale benchmark), one order for all batches cannot.
     */
    private static List<Integer> inLockOrder(List<ImportedStay> stays) {
        return java.util.stream.IntStream.range(0, stays.size()).boxed()
                .sorted(Comparator.comparing((Integer i) -> payingMunicipality(stays.get(i))).thenComparing(i -> i))
                .toList();
    }

    private static String payingMunicipality(ImportedStay stay) {
        RegisterStay registration = stay == null ? null : stay.registration();
        if (registration == null) {
            return "";
        }
        String paying = registration.payingMunicipality() != null ? registration.payingMunicipality() : registration.residenceMunicipality();
        return paying == null ? "" : paying;
    }

    private UUID register(Caller caller, ImportedStay stay, String where) {
        RegisterStay command = steps.registration(stay, where);
        try {
            return registration.register(caller, command).id();
        } catch (StayException refused) {
            throw ImportSteps.located(refused, where + ".registration");
        }
    }

    private void step(Caller caller, UUID id, ImportStep step, String where) {
        try {
            switch (steps.read(step, where, clock.instant())) {
                case ImportSteps.Recorded recorded -> events.record(caller, id, OptionalLong.empty(), recorded.event(), null);
                case ImportSteps.Corrected correction -> {
                    UUID latest = StayEventRow.ofStay(id).stream().max(Comparator.comparingInt(row -> row.sequence)).orElseThrow().id;
                    events.correct(caller, id, latest, OptionalLong.empty(), correction.corrected(), correction.reason());
                }
            }
        } catch (StayException refused) {
            throw ImportSteps.located(refused, where);
        }
    }
}
