package no.samhandling.discharge.messaging;

import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Message;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** A FHIR message as a Kafka record: keyed (never by personal data), with its content type and ids in headers. */
final class FhirRecords {

    private FhirRecords() {
    }

    static Message<String> record(String topic, String key, UUID messageId, String eventCode, String payload) {
        RecordHeaders headers = new RecordHeaders();
        headers.add("content-type", FhirNames.CONTENT_TYPE.getBytes(StandardCharsets.UTF_8));
        headers.add("message-id", messageId.toString().getBytes(StandardCharsets.UTF_8));
        headers.add("event-code", eventCode.getBytes(StandardCharsets.UTF_8));
        return Message.of(payload).addMetadata(OutgoingKafkaRecordMetadata.<String>builder()
                .withTopic(topic)
                .withKey(key)
                .withHeaders(headers)
                .build());
    }
}
