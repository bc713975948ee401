package no.samhandling.discharge.messaging;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The project's definitions ({@code src/main/resources/fhir/definitions/index.txt}) and the message
 * profiles among them: an event has one if the index lists {@code StructureDefinition-message-<event>.json}.
 * A capability adds the profiles of its messages by adding their files to the index; nothing here changes.
 */
public final class MessageProfiles {

    static final String DEFINITIONS = "/fhir/definitions/";

    /** The profile of acknowledgements, whatever event they answer. */
    public static final String ACKNOWLEDGEMENT = FhirNames.EXTENSION + "message-acknowledgement";

    private static final List<String> FILES = Arrays.stream(read(DEFINITIONS + "index.txt").split("\\s+"))
            .filter(file -> !file.isBlank()).toList();

    private MessageProfiles() {
    }

    /** The profile of the whole message (a Bundle) for an event, if the project defines one. */
    public static Optional<String> forEvent(String eventCode) {
        return eventCode != null && FILES.contains("StructureDefinition-message-" + eventCode + ".json")
                ? Optional.of(FhirNames.EXTENSION + "message-" + eventCode) : Optional.empty();
    }

    static List<String> definitionFiles() {
        return FILES;
    }

    static String read(String resource) {
        try (InputStream in = MessageProfiles.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
