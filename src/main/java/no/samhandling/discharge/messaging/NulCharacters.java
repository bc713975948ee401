package no.samhandling.discharge.messaging;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The NUL character (U+0000) in an inbound message's texts: PostgreSQL cannot store it (SQLSTATE 22021), so
 * the message is refused where it arrives, each place named, as REST refuses such a field.
 */
final class NulCharacters {

    static final String TEXT = "contains the NUL character (\\u0000), which cannot be stored: remove it";

    private NulCharacters() {
    }

    static boolean in(String text) {
        return text != null && text.indexOf('\u0000') >= 0;
    }

    /** Each text holding the character, as a FHIRPath from the message's root, e.g. {@code Bundle.entry[1].resource.extension[3].valueString}. */
    static List<String> places(JsonNode message) {
        List<String> places = new ArrayList<>();
        collect(message, message.path("resourceType").asText("Bundle"), places);
        return places;
    }

    private static void collect(JsonNode node, String path, List<String> places) {
        if (node.isTextual() && in(node.textValue())) {
            places.add(path);
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                collect(node.get(i), path + "[" + i + "]", places);
            }
        } else if (node.isObject()) {
            for (Map.Entry<String, JsonNode> element : node.properties()) {
                collect(element.getValue(), path + "." + element.getKey(), places);
            }
        }
    }
}
