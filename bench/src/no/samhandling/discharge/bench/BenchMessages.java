package no.samhandling.discharge.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * Realistic inbound messages: the message guide's own examples (5-resource Bundles of 2–4.5 kB), each
 * with a fresh MessageHeader.id and Bundle.id, for a stay of its own with a patient of its own, living in
 * one of fourteen municipalities of Helse Nord. Per stay,
 * the hospital sends an admission notice and a discharge-ready notice, the municipality answers that it
 * can receive the patient, and the hospital reports the discharge.
 */
final class BenchMessages {

    static final String HOSPITAL_IN = "hospital.fhir.in";
    static final String MUNICIPALITY_IN = "municipality.fhir.in";

    /** One message to send: where, with which key, and the id its acknowledgement will answer. */
    record Outgoing(String topic, String key, String messageId, String event, String json) {
    }

    /** The four messages of one stay, in the order they must be applied. */
    record StayMessages(Outgoing admission, Outgoing dischargeReady, Outgoing municipalityResponse, Outgoing discharged) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String EXAMPLE_MUNICIPALITY = "1833";
    /** Municipalities of Helse Nord the stays belong to: the municipality's messages are keyed by its number. */
    private static final List<String> MUNICIPALITIES = List.of("1804", "1806", "1813", "1820", "1824", "1832", "1833", "1837", "1841",
            "1860", "1865", "1870", "5501", "5503");
    private final JsonNode admission = example("admission-notice");
    private final JsonNode dischargeReady = example("discharge-ready-notice");
    private final JsonNode response = example("municipality-response");
    private final JsonNode discharged = example("patient-discharged");
    private final Random random;

    BenchMessages(long seed) {
        this.random = new Random(seed);
    }

    List<StayMessages> stays(int count) {
        List<StayMessages> stays = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String stayId = UUID.randomUUID().toString();
            String patient = fodselsnummer();
            String municipality = MUNICIPALITIES.get(random.nextInt(MUNICIPALITIES.size()));
            stays.add(new StayMessages(
                    message(admission, HOSPITAL_IN, stayId, stayId, patient, municipality),
                    message(dischargeReady, HOSPITAL_IN, stayId, stayId, patient, municipality),
                    message(response, MUNICIPALITY_IN, municipality, stayId, patient, municipality),
                    message(discharged, HOSPITAL_IN, stayId, stayId, patient, municipality)));
        }
        return stays;
    }

    private static Outgoing message(JsonNode example, String topic, String key, String stayId, String patient, String municipality) {
        ObjectNode bundle = example.deepCopy();
        replaceMunicipality(bundle, municipality);
        shiftDates(bundle);
        String messageId = UUID.randomUUID().toString();
        bundle.put("id", UUID.randomUUID().toString());
        for (JsonNode entry : bundle.withArray("entry")) {
            ObjectNode resource = (ObjectNode) entry.get("resource");
            switch (resource.get("resourceType").asText()) {
                case "MessageHeader" -> ((ObjectNode) entry).put("fullUrl", "urn:uuid:" + messageId);
                case "Encounter" -> ((ObjectNode) resource.withArray("identifier").get(0)).put("value", stayId);
                case "Patient" -> ((ObjectNode) resource.withArray("identifier").get(0)).put("value", patient);
                default -> {
                }
            }
        }
        String event = bundle.at("/entry/0/resource/eventCoding/code").asText();
        return new Outgoing(topic, key, messageId, event, bundle.toString());
    }

    /**
     * The examples' dates (March 2025) moved to the last two weeks, as a hospital sends them (§ 10: the
     * notice goes the same day): a period open since March 2025 would have over 600 discharge-ready days,
     * which the service stores and rewrites on every event, and the benchmark would measure that instead.
     */
    private static final long DAYS_SHIFT = java.time.temporal.ChronoUnit.DAYS.between(LocalDate.of(2025, 3, 1),
            LocalDate.now(java.time.ZoneId.of("Europe/Oslo")).minusDays(14));
    private static final java.util.regex.Pattern DATE = java.util.regex.Pattern.compile("^(\\d{4}-\\d{2}-\\d{2})(T.*)?$");

    private static void shiftDates(JsonNode node) {
        if (node instanceof ObjectNode object) {
            object.properties().forEach(field -> {
                java.util.regex.Matcher date = field.getValue().isTextual() ? DATE.matcher(field.getValue().asText()) : null;
                if (date != null && date.matches()) {
                    object.put(field.getKey(), LocalDate.parse(date.group(1)).plusDays(DAYS_SHIFT) + (date.group(2) == null ? "" : date.group(2)));
                } else {
                    shiftDates(field.getValue());
                }
            });
        } else if (node.isArray()) {
            node.forEach(BenchMessages::shiftDates);
        }
    }

    /** The examples' municipality (Rana, 1833) becomes the stay's, wherever it is named. */
    private static void replaceMunicipality(JsonNode node, String municipality) {
        if (node instanceof ObjectNode object) {
            object.properties().forEach(field -> {
                String text = field.getValue().isTextual() ? field.getValue().asText() : null;
                if (EXAMPLE_MUNICIPALITY.equals(text) || ("urn:kommunenummer:" + EXAMPLE_MUNICIPALITY).equals(text)) {
                    object.put(field.getKey(), text.replace(EXAMPLE_MUNICIPALITY, municipality));
                } else {
                    replaceMunicipality(field.getValue(), municipality);
                }
            });
        } else if (node.isArray()) {
            node.forEach(element -> replaceMunicipality(element, municipality));
        }
    }

    private static JsonNode example(String name) {
        try (InputStream in = BenchMessages.class.getResourceAsStream("/fhir/examples/" + name + ".json")) {
            if (in == null) {
                throw new IllegalStateException("Example " + name + " not on the class path (target/classes)");
            }
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A valid fødselsnummer (two mod-11 check digits) of someone born 1930–1999. */
    private String fodselsnummer() {
        while (true) {
            LocalDate born = LocalDate.of(1930 + random.nextInt(70), 1, 1).plusDays(random.nextInt(365));
            int individual = random.nextInt(500);
            String digits = "%02d%02d%02d%03d".formatted(born.getDayOfMonth(), born.getMonthValue(), born.getYear() % 100, individual);
            int k1 = checkDigit(digits, new int[] {3, 7, 6, 1, 8, 9, 4, 5, 2});
            if (k1 == 10) {
                continue;
            }
            int k2 = checkDigit(digits + k1, new int[] {5, 4, 3, 2, 7, 6, 5, 4, 3, 2});
            if (k2 == 10) {
                continue;
            }
            return digits + k1 + k2;
        }
    }

    private static int checkDigit(String digits, int[] weights) {
        int sum = 0;
        for (int i = 0; i < weights.length; i++) {
            sum += (digits.charAt(i) - '0') * weights[i];
        }
        int rest = 11 - sum % 11;
        return rest == 11 ? 0 : rest;
    }
}
