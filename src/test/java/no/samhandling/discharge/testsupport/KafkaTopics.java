package no.samhandling.discharge.testsupport;

import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.eclipse.microprofile.config.ConfigProvider;

import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;

/**
 * The real broker of a {@code @QuarkusTest} (the one its configuration names) as the other systems use it: send a
 * record to a topic, read a topic from the start until enough wanted records have arrived. Each call connects and
 * closes again, so a test keeps no client between its steps.
 */
public final class KafkaTopics {

    private static final Duration TIMEOUT = Duration.ofSeconds(40);

    private KafkaTopics() {
    }

    public static void send(String topic, String key, String payload) {
        send(new ProducerRecord<>(topic, key, payload));
    }

    public static void send(ProducerRecord<String, String> record) {
        try (KafkaCompanion kafka = connect()) {
            kafka.produceStrings().fromRecords(record).awaitCompletion();
        }
    }

    public static ConsumerRecord<String, String> awaitOne(String topic, Predicate<ConsumerRecord<String, String>> wanted) {
        return await(topic, wanted, 1).getFirst();
    }

    public static List<ConsumerRecord<String, String>> await(String topic, Predicate<ConsumerRecord<String, String>> wanted, int count) {
        try (KafkaCompanion kafka = connect()) {
            ConsumerTask<String, String> records = kafka.consumeStrings().fromTopics(topic);
            try {
                long deadline = System.nanoTime() + TIMEOUT.toNanos();
                while (System.nanoTime() < deadline) {
                    List<ConsumerRecord<String, String>> found = records.getRecords().stream()
                            .filter(r -> r.key() != null).filter(wanted).toList();
                    if (found.size() >= count) {
                        return found;
                    }
                    Thread.sleep(200);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                records.stop();
            }
        }
        throw new AssertionError("fewer than " + count + " matching records on " + topic + " within " + TIMEOUT.toSeconds() + " s");
    }

    private static KafkaCompanion connect() {
        return new KafkaCompanion(ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class));
    }
}
