package no.samhandling.discharge.messaging;

import io.smallrye.common.annotation.Identifier;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Future;

/**
 * The Kafka producer of the outbox relay: idempotent, every write acknowledged by all in-sync replicas,
 * so a retried send is neither duplicated nor reordered within its partition. A plain Kafka producer
 * rather than a messaging channel: its sends complete on Kafka's own thread, outside the relay's
 * database transaction, which a channel's context propagation would otherwise carry along.
 */
@ApplicationScoped
public class OutboxProducer {

    private final KafkaProducer<String, String> producer;

    /** Creating the producer does not connect: it reaches the broker on the first send. */
    @Inject
    OutboxProducer(@Identifier("default-kafka-broker") Map<String, Object> kafkaConfig, MessagingConfig messaging) {
        this.producer = new KafkaProducer<>(config(kafkaConfig, messaging.relaySendTimeout()));
    }

    Future<RecordMetadata> send(ProducerRecord<String, String> record) {
        return producer.send(record);
    }

    private static Map<String, Object> config(Map<String, Object> kafkaConfig, Duration sendTimeout) {
        Map<String, Object> config = new HashMap<>(kafkaConfig);
        config.put(ProducerConfig.CLIENT_ID_CONFIG, "outbox-relay");
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) Duration.ofSeconds(30).toMillis());
        config.put(ProducerConfig.LINGER_MS_CONFIG, 1);
        // A send waits for the topic's metadata at most this long, inside the relay's transaction.
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, (int) sendTimeout.toMillis());
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) Duration.ofSeconds(10).toMillis());
        return config;
    }

    /**
     * On shutdown, wait briefly for what is in flight, then stop: what was not acknowledged stays
     * unpublished in the outbox and leaves from the next instance. (Waiting longer kept a stopped
     * service's producer reconnecting to a broker that was gone.)
     */
    @PreDestroy
    void close() {
        producer.close(Duration.ofSeconds(2));
    }
}
