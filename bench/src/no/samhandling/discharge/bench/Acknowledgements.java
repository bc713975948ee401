package no.samhandling.discharge.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Reads the service's acknowledgements ({@code hospital.fhir.out}, {@code municipality.fhir.out}) and
 * notes, for each message the benchmark sent, when its acknowledgement arrived and with which code.
 * Forwarded messages on the same topics (no MessageHeader.response) are counted and otherwise ignored.
 */
final class Acknowledgements implements AutoCloseable {

    record Answer(long receivedNanos, String code) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, Long> sentNanos = new ConcurrentHashMap<>();
    private final Map<String, Answer> answers = new ConcurrentHashMap<>();
    private final AtomicInteger forwarded = new AtomicInteger();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Thread reader;

    Acknowledgements(String bootstrapServers, List<TopicPartition> partitions) {
        KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, "5",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false"));
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position);
        reader = new Thread(() -> read(consumer), "acknowledgement-reader");
        reader.start();
    }

    /** Call just before sending: the acknowledgement's latency is measured from here. */
    void sending(String messageId) {
        sentNanos.put(messageId, System.nanoTime());
    }

    private void read(KafkaConsumer<String, String> consumer) {
        try (consumer) {
            while (running.get()) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(50))) {
                    long now = System.nanoTime();
                    try {
                        JsonNode response = JSON.readTree(record.value()).at("/entry/0/resource/response");
                        if (response.isMissingNode()) {
                            forwarded.incrementAndGet();
                        } else {
                            answers.putIfAbsent(response.get("identifier").asText(), new Answer(now, response.get("code").asText()));
                        }
                    } catch (Exception e) {
                        throw new IllegalStateException("Unreadable record on " + record.topic(), e);
                    }
                }
            }
        }
    }

    /** Waits until every one of the messages is acknowledged; false on timeout. */
    boolean awaitAll(List<String> messageIds, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (String id : messageIds) {
            while (!answers.containsKey(id)) {
                if (System.nanoTime() > deadline) {
                    return false;
                }
                Thread.sleep(2);
            }
        }
        return true;
    }

    /** Latencies in milliseconds, in the order of the ids; messages without an answer are left out. */
    List<Double> latenciesMillis(List<String> messageIds) {
        List<Double> latencies = new ArrayList<>();
        for (String id : messageIds) {
            Answer answer = answers.get(id);
            Long sent = sentNanos.get(id);
            if (answer != null && sent != null) {
                latencies.add((answer.receivedNanos() - sent) / 1_000_000.0);
            }
        }
        return latencies;
    }

    long lastAnswerNanos(List<String> messageIds) {
        return messageIds.stream().map(answers::get).filter(a -> a != null).mapToLong(Answer::receivedNanos).max().orElseThrow();
    }

    /** How many of the messages were answered with each code. */
    Map<String, Long> codes(List<String> messageIds) {
        Map<String, Long> codes = new java.util.TreeMap<>();
        for (String id : messageIds) {
            Answer answer = answers.get(id);
            codes.merge(answer == null ? "(none)" : answer.code(), 1L, Long::sum);
        }
        return codes;
    }

    int forwardedMessages() {
        return forwarded.get();
    }

    @Override
    public void close() throws InterruptedException {
        running.set(false);
        reader.join();
    }
}
