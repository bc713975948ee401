package no.samhandling.discharge.bench;

import ca.uhn.fhir.context.FhirContext;
import no.samhandling.discharge.messaging.FhirValidation;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.hl7.fhir.r4.model.Bundle;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/** What each step costs on its own, with nothing else running: the ceilings the service is measured against. */
final class Ceilings {

    private static final FhirContext FHIR = FhirContext.forR4Cached();

    private Ceilings() {
    }

    /** Messages per second a plain Kafka consumer reads from the start of the partitions. */
    static double plainConsumer(String bootstrapServers, List<TopicPartition> partitions, int expected) {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false"))) {
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long start = System.nanoTime();
            int read = 0;
            long bytes = 0;
            while (read < expected) {
                for (var record : consumer.poll(Duration.ofMillis(100))) {
                    read++;
                    bytes += record.value().length();
                }
                if (System.nanoTime() - start > Duration.ofMinutes(2).toNanos()) {
                    throw new IllegalStateException("Read only " + read + " of " + expected);
                }
            }
            if (bytes == 0) {
                throw new IllegalStateException("Empty records");
            }
            return read / seconds(System.nanoTime() - start);
        }
    }

    /** Messages per second HAPI parses into a Bundle. */
    static double parse(List<String> payloads, int threads) throws Exception {
        return perSecond(payloads, threads, json -> FHIR.newJsonParser().parseResource(Bundle.class, json));
    }

    /** Messages per second through the service's validation steps: parse (for the event), validate the text against base R4 and the event's profile. */
    static double validate(FhirValidation validation, List<String> payloads, int threads, AtomicInteger invalid) throws Exception {
        return perSecond(payloads, threads, json -> {
            Bundle bundle = FHIR.newJsonParser().parseResource(Bundle.class, json);
            if (!validation.errors(json, FhirValidation.profileOf(bundle)).isEmpty()) {
                invalid.incrementAndGet();
            }
        });
    }

    private static double perSecond(List<String> payloads, int threads, Consumer<String> step) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Callable<Void>> work = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int first = t;
                work.add(() -> {
                    for (int i = first; i < payloads.size(); i += threads) {
                        step.accept(payloads.get(i));
                    }
                    return null;
                });
            }
            long start = System.nanoTime();
            for (Future<Void> done : pool.invokeAll(work)) {
                done.get();
            }
            return payloads.size() / seconds(System.nanoTime() - start);
        } finally {
            pool.shutdownNow();
        }
    }

    static double seconds(long nanos) {
        return nanos / 1e9;
    }
}
