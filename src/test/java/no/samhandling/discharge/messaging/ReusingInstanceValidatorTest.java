package no.samhandling.discharge.messaging;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.validation.SingleValidationMessage;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.MessageHeader;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.StringType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The service's validator keeps its InstanceValidators across calls and skips best-practice hints; what
 * it rejects must be exactly what the stock HAPI validator rejects (the same errors, with the same
 * locations and texts), on valid and invalid messages alike, in any order and from several threads.
 */
class ReusingInstanceValidatorTest {

    private static final FhirContext FHIR = FhirContext.forR4Cached();
    private static final List<String> EXAMPLES = List.of("admission-notice", "discharge-ready-notice", "discharge-ready-withdrawn",
            "patient-discharged", "municipality-response", "acknowledgement-ok", "acknowledgement-fatal-error");

    private static FhirValidation stock;
    private static FhirValidation reusing;

    @BeforeAll
    static void validators() {
        stock = FhirValidation.withStockValidator(FHIR);
        reusing = FhirValidation.forService(FHIR);
    }

    /** A message as the service validates it: the text as received, and the profile of its event. */
    private record Case(String name, String json, Optional<String> profile) {

        List<SingleValidationMessage> errors(FhirValidation validation) {
            return validation.errors(json, profile);
        }
    }

    private static Case example(String name) throws IOException {
        return of(name, MessageExamplesTest.exampleText(name));
    }

    private static Case of(String name, String json) {
        return new Case(name, json, FhirValidation.profileOf(FHIR.newJsonParser().parseResource(Bundle.class, json)));
    }

    private static Case broken(String example, String how, Consumer<Bundle> change) throws IOException {
        Bundle bundle = MessageExamplesTest.example(example);
        change.accept(bundle);
        return of(example + ": " + how, FHIR.newJsonParser().encodeResourceToString(bundle));
    }

    private static Case brokenText(String example, String how, UnaryOperator<String> change) throws IOException {
        return of(example + ": " + how, change.apply(MessageExamplesTest.exampleText(example)));
    }

    private static Encounter encounter(Bundle bundle) {
        return (Encounter) bundle.getEntry().get(1).getResource();
    }

    private static List<Case> validCases() throws IOException {
        List<Case> cases = new ArrayList<>();
        for (String name : EXAMPLES) {
            cases.add(example(name));
        }
        return cases;
    }

    private static List<Case> invalidCases() throws IOException {
        return List.of(
                broken("discharge-ready-notice", "required extension missing",
                        b -> encounter(b).getExtension().removeIf(x -> x.getUrl().endsWith("/discharge-ready-declared"))),
                broken("municipality-response", "extension value of the wrong type",
                        b -> encounter(b).getExtensionByUrl(FhirNames.EXTENSION + "can-receive").setValue(new StringType("ja"))),
                broken("municipality-response", "extension in the wrong place",
                        b -> ((MessageHeader) b.getEntryFirstRep().getResource()).addExtension(FhirNames.EXTENSION + "can-receive",
                                new BooleanType(true))),
                broken("admission-notice", "no MessageHeader.source",
                        b -> ((MessageHeader) b.getEntryFirstRep().getResource()).setSource(null)),
                broken("patient-discharged", "discharge destination not in its CodeSystem",
                        b -> encounter(b).getHospitalization().getDischargeDisposition().getCodingFirstRep().setCode("moon")),
                broken("discharge-ready-withdrawn", "period ends before it starts",
                        b -> encounter(b).getPeriod().setEnd(new DateTimeType("1990-01-01T00:00:00Z").getValue())),
                broken("admission-notice", "telephone number without a system (invariant cpt-2)",
                        b -> ((Patient) b.getEntry().get(2).getResource()).addTelecom().setValue("75 12 00 00")),
                broken("discharge-ready-notice", "Encounter without status",
                        b -> encounter(b).setStatus(null)),
                brokenText("municipality-response", "misspelt element, which HAPI's parser would drop",
                        json -> json.replaceFirst("\"status\"", "\"statsu\": \"finished\", \"status\"")),
                new Case("patient-discharged: validated as a withdrawal", MessageExamplesTest.exampleText("patient-discharged"),
                        MessageProfiles.forEvent("discharge-ready-withdrawn")),
                broken("admission-notice", "no focus, profile declared on the Bundle as well",
                        b -> {
                            ((MessageHeader) b.getEntryFirstRep().getResource()).getFocus().clear();
                            b.getMeta().addProfile(MessageProfiles.forEvent("admission-notice").orElseThrow());
                        }),
                broken("municipality-response", "declares a profile nobody knows",
                        b -> b.getMeta().addProfile(FhirNames.EXTENSION + "no-such-profile")));
    }

    @Test
    void theCorpusHoldsValidAndInvalidMessages() throws IOException {
        for (Case valid : validCases()) {
            assertThat(valid.errors(stock)).as(valid.name()).isEmpty();
        }
        for (Case invalid : invalidCases()) {
            assertThat(invalid.errors(stock)).as(invalid.name()).isNotEmpty();
        }
    }

    @Test
    void sameErrorsAsTheStockValidatorInAnyOrderAndAgain() throws IOException {
        List<Case> cases = allCases();
        Map<String, List<String>> expected = stockErrors(cases);
        // Valid after invalid, invalid after valid, each several times over one reused InstanceValidator.
        for (int round = 0; round < 3; round++) {
            List<Case> order = new ArrayList<>(cases);
            Collections.shuffle(order, new Random(round));
            for (Case c : order) {
                assertThat(described(c.errors(reusing))).as(c.name() + " in round " + round).isEqualTo(expected.get(c.name()));
            }
        }
    }

    @Test
    void oneThreadBuildsOneInstanceValidatorPerHundredMessages() throws IOException {
        FhirValidation fresh = FhirValidation.forService(FHIR);
        Case message = example("admission-notice");
        for (int i = 0; i < ReusingInstanceValidator.USES; i++) {
            message.errors(fresh);
        }
        assertThat(fresh.instanceValidatorsBuilt()).as("one for the first hundred").isEqualTo(1);
        message.errors(fresh);
        assertThat(fresh.instanceValidatorsBuilt()).as("retired after a hundred: it holds on to what it saw").isEqualTo(2);
    }

    @Test
    void sameErrorsFromSeveralThreadsAtOnce() throws Exception {
        List<Case> cases = allCases();
        Map<String, List<String>> expected = stockErrors(cases);
        FhirValidation shared = FhirValidation.forService(FHIR);
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            List<Callable<Void>> work = new ArrayList<>();
            for (int thread = 0; thread < 4; thread++) {
                List<Case> order = new ArrayList<>(cases);
                Collections.shuffle(order, new Random(100 + thread));
                work.add(() -> {
                    for (Case c : order) {
                        assertThat(described(c.errors(shared))).as(c.name()).isEqualTo(expected.get(c.name()));
                    }
                    return null;
                });
            }
            for (Future<Void> done : threads.invokeAll(work)) {
                done.get();
            }
            assertThat(shared.instanceValidatorsBuilt()).as("at most one per thread that validated at once").isBetween(1, 4);
        } finally {
            threads.shutdownNow();
        }
    }

    private static List<Case> allCases() throws IOException {
        List<Case> cases = new ArrayList<>(validCases());
        cases.addAll(invalidCases());
        return cases;
    }

    /** What the stock validator finds in each case, by the case's name. */
    private static Map<String, List<String>> stockErrors(List<Case> cases) {
        Map<String, List<String>> errors = new HashMap<>();
        for (Case c : cases) {
            errors.put(c.name(), described(c.errors(stock)));
        }
        return errors;
    }

    private static List<String> described(List<SingleValidationMessage> findings) {
        return findings.stream()
                .map(m -> m.getSeverity() + " " + m.getLocationString() + " " + m.getMessageId() + " " + m.getMessage())
                .toList();
    }
}
