package no.samhandling.discharge.bench;

import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Where validation spends its CPU: JFR execution samples taken while the work runs, counted per method
 * on the stack (inclusive) and per method at the top of the stack (self).
 */
final class ValidatorProfile {

    record Share(String what, double percent) {
    }

    record Result(long samples, List<Share> steps, List<Share> inclusive, List<Share> self) {
    }

    /** Named steps of validating one message, each the methods (Class.method prefixes) that make it up. */
    static final Map<String, List<String>> STEPS = new LinkedHashMap<>();

    static {
        STEPS.put("Building an InstanceValidator (constructor)", List.of("org.hl7.fhir.validation.instance.InstanceValidator.<init>"));
        STEPS.put("… of which loading the OID table (OIDUtilities, CSV)", List.of("org.hl7.fhir.utilities.OIDUtilities."));
        STEPS.put("… of which a new FHIRPath engine", List.of("org.hl7.fhir.r5.fhirpath.FHIRPathEngine.<init>"));
        STEPS.put("HAPI parse of the message (JSON → Bundle)", List.of("ca.uhn.fhir.parser.BaseParser.parseResource"));
        STEPS.put("HAPI encode for the validator (Bundle → JSON)", List.of("ca.uhn.fhir.parser.BaseParser.encodeResourceToString"));
        STEPS.put("Validator's own parse (element model)", List.of("org.hl7.fhir.r5.elementmodel.JsonParser.parse"));
        STEPS.put("Validation proper (InstanceValidator.validateResource)", List.of("org.hl7.fhir.validation.instance.InstanceValidator.validateResource"));
        STEPS.put("… of which FHIRPath invariants", List.of("org.hl7.fhir.validation.instance.InstanceValidator.checkInvariant"));
        STEPS.put("… of which codes and terminology", List.of("org.hl7.fhir.validation.instance.InstanceValidator.checkCodeableConcept",
                "org.hl7.fhir.validation.instance.InstanceValidator.checkCoding", "org.hl7.fhir.validation.instance.InstanceValidator.checkPrimitiveBinding"));
    }

    private ValidatorProfile() {
    }

    static Result profile(Runnable work, Path file) throws Exception {
        try (Recording recording = new Recording()) {
            recording.enable("jdk.ExecutionSample").withPeriod(Duration.ofMillis(2));
            recording.start();
            work.run();
            recording.stop();
            recording.dump(file);
        }
        Map<String, Long> inclusive = new HashMap<>();
        Map<String, Long> self = new HashMap<>();
        Map<String, Long> steps = new HashMap<>();
        long samples = 0;
        for (RecordedEvent event : RecordingFile.readAllEvents(file)) {
            if (!event.getEventType().getName().equals("jdk.ExecutionSample") || event.getStackTrace() == null) {
                continue;
            }
            List<RecordedFrame> frames = event.getStackTrace().getFrames();
            if (frames.isEmpty() || frames.stream().noneMatch(f -> name(f).startsWith("no.samhandling.discharge.bench.Ceilings"))) {
                continue;
            }
            samples++;
            self.merge(name(frames.getFirst()), 1L, Long::sum);
            Set<String> seen = new HashSet<>();
            for (RecordedFrame frame : frames) {
                String method = name(frame);
                if ((method.startsWith("org.hl7.") || method.startsWith("ca.uhn.")) && seen.add(method)) {
                    inclusive.merge(method, 1L, Long::sum);
                }
            }
            for (Map.Entry<String, List<String>> step : STEPS.entrySet()) {
                if (seen.stream().anyMatch(method -> step.getValue().stream().anyMatch(method::startsWith))) {
                    steps.merge(step.getKey(), 1L, Long::sum);
                }
            }
        }
        Files.deleteIfExists(file);
        long total = samples;
        List<Share> stepShares = STEPS.keySet().stream().map(step -> new Share(step, 100.0 * steps.getOrDefault(step, 0L) / total)).toList();
        return new Result(samples, stepShares, top(inclusive, total, 15), top(self, total, 10));
    }

    private static List<Share> top(Map<String, Long> counts, long total, int limit) {
        return counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .limit(limit)
                .map(e -> new Share(e.getKey(), 100.0 * e.getValue() / total))
                .toList();
    }

    private static String name(RecordedFrame frame) {
        return frame.getMethod().getType().getName() + "." + frame.getMethod().getName();
    }
}
