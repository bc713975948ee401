package no.samhandling.discharge.messaging;

import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Message;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** A FHIR message as a Kafka record: keyed (never by personal data), with its content type and ids in headers. */
final class FhirRecords {

    private FhirRecords() {
    }

    static Message<String> record(String topic, String key, UUID messageId, String eventCode, String payload) {
        return Message.of(payload).addMetadata(OutgoingKafkaRecordMetadata.<String>builder()
                .withTopic(topic)
                .withKey(key)
                .withHeaders(headers(messageId, eventCode))
                .build());
    }

    static ProducerRecord<String, String> producerRecord(String topic, String key, UUID messageId, String eventCode, String payload) {
        return new ProducerRecord<>(topic, null, key, payload, headers(messageId, eventCode));
    }

    private static RecordHeaders headers(UUID messageId, String eventCode) {
        RecordHeaders headers = new RecordHeaders();
        headers.add("content-type", FhirNames.CONTENT_TYPE.getBytes(StandardCharsets.UTF_8));
        headers.add("message-id", messageId.toString().getBytes(StandardCharsets.UTF_8));
        headers.add("event-code", eventCode.getBytes(StandardCharsets.UTF_8));
        return headers;
    }
}
