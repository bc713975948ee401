package no.samhandling.discharge.messaging;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** A FHIR message as a Kafka record: keyed (never by personal data), with its content type and ids in headers. */
final class FhirRecords {

    private FhirRecords() {
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
