package no.samhandling.discharge.testsupport;

import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;

/** Reads a topic of the real broker from the start until enough wanted records have arrived. */
public final class KafkaTopics {

    private static final Duration TIMEOUT = Duration.ofSeconds(40);

    private KafkaTopics() {
    }

    public static List<ConsumerRecord<String, String>> await(KafkaCompanion kafka, String topic,
                                                            Predicate<ConsumerRecord<String, String>> wanted, int count) {
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
        throw new AssertionError("fewer than " + count + " matching records on " + topic + " within " + TIMEOUT.toSeconds() + " s");
    }
}
