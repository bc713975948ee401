package no.samhandling.discharge.stay;

import ca.uhn.fhir.context.FhirContext;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import jakarta.inject.Inject;
import no.samhandling.discharge.localdev.LocalInfrastructure;
import no.samhandling.discharge.messaging.MessageStatus;
import no.samhandling.discharge.testsupport.FaultInfrastructure;
import no.samhandling.discharge.testsupport.FaultInjectionProfile;
import no.samhandling.discharge.testsupport.TestPatients;
import no.samhandling.discharge.testsupport.TestTokens;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.MessageHeader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fault injection on the real broker and database (issue 9, must-show 6), on infrastructure of this class's
 * own ({@link FaultInfrastructure}), stopped and restarted on the same ports with the same data.
 *
 * <p>(a) The Kafka broker stops while wards use the REST API and hospital systems send messages: the API
 * keeps answering; after the restart every outbox row is on its topic exactly once, in sequence order per
 * key, every inbound message has exactly one acknowledgement (one acknowledgement MessageHeader.id, one
 * inbox row; a record redelivered after the outage may be answered again from the inbox, byte for byte,
 * which is an outbox row of its own and counted apart), and no stay event is recorded twice.
 *
 * <p>(b) PostgreSQL stops while hospital systems send messages: they are retried, then answered
 * transient-error; the test, as a sender, resends each with the same MessageHeader.id and a new Bundle.id;
 * once the database is back every message is applied once and acknowledged ok once.
 *
 * <p>(c) PostgreSQL stops in the middle of a history import (after its COPYs, before the statistics and the commit):
 * the call is answered 503 database-unavailable (its outcome unknown to the caller) and nothing of it is stored; sent
 * again with the same Idempotency-Key, it loads once.
 *
 * <p>Waits are bounded; figures (recovery times, counts) are written to {@code target/reliability.json}
 * and never asserted.
 */
@QuarkusTest
@TestProfile(FaultInjectionProfile.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultInjectionTest {

    private static final String NORDLANDSSYKEHUSET = "983974910";
    private static final String[] MUNICIPALITIES = {"1804", "1833", "1868"};
    private static final Duration RECOVERY_BOUND = Duration.ofSeconds(60);
    private static final Map<String, Object> FIGURES = new ConcurrentHashMap<>();

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    AgroalDataSource dataSource;

    private KafkaProducer<String, String> hospitalSystem;

    @BeforeEach
    void connect() {
        hospitalSystem = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                // A sender's client buffers while the broker is away and delivers once it is back.
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 120_000,
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000,
                ProducerConfig.MAX_BLOCK_MS_CONFIG, 60_000));
    }

    @AfterEach
    void disconnect() {
        hospitalSystem.close(Duration.ofSeconds(5));
    }

    @AfterAll
    static void writeFigures() throws IOException {
        String json = FIGURES.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> "  \"" + e.getKey() + "\": " + (e.getValue() instanceof String s ? "\"" + s + "\"" : e.getValue()))
                .collect(Collectors.joining(",\n", "{\n", "\n}\n"));
        Path file = Path.of("target", "reliability.json");
        Files.createDirectories(file.getParent());
        Files.writeString(file, json);
        System.out.println("Reliability figures (target/reliability.json):\n" + json);
    }

    @Test
    @Order(1)
    void brokerStoppedWhileCommandsAndMessagesFlowThenRestartedLosesAndDuplicatesNothing() throws Exception {
        LocalInfrastructure infrastructure = FaultInfrastructure.current();
        String ward = TestTokens.ward(NORDLANDSSYKEHUSET);
        Map<UUID, Integer> expectedEvents = new LinkedHashMap<>();
        List<UUID> inbound = new ArrayList<>();
        int restCommands = 0;

        // Warm-up: the first message after the start is acknowledged (validator and consumers ready).
        inbound.add(sendAdmission(expectedEvents));
        awaitCondition("warm-up message acknowledged", Duration.ofSeconds(120), () -> inboxCount(inbound) == 1);

        // Broker up: wards register stays and send admission notices; hospital systems send admissions.
        List<UUID> before = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            UUID stay = register(ward, MUNICIPALITIES[i % MUNICIPALITIES.length], i);
            admissionNotice(ward, stay);
            restCommands += 2;
            before.add(stay);
            expectedEvents.put(stay, 2);
        }
        for (int i = 0; i < 6; i++) {
            inbound.add(sendAdmission(expectedEvents));
        }
        hospitalSystem.flush();

        Instant stopping = Instant.now();
        infrastructure.stopKafka();
        Instant stopped = Instant.now();

        // Broker down: the REST API keeps answering; the hospital system's client buffers its messages.
        int answeredWhileDown = 0;
        for (UUID stay : before) {
            post(ward, stay, "discharge-readiness", StayApi.declaration("2025-03-03T09:00:00+01:00"), 200);
            post(ward, stay, "discharge-ready-notice", Map.of("sentAt", "2025-03-03T10:00:00+01:00"), 200);
            expectedEvents.merge(stay, 2, Integer::sum);
            answeredWhileDown += 2;
        }
        for (int i = 0; i < 6; i++) {
            UUID stay = register(ward, MUNICIPALITIES[i % MUNICIPALITIES.length], 10 + i);
            admissionNotice(ward, stay);
            expectedEvents.put(stay, 2);
            answeredWhileDown += 2;
        }
        restCommands += answeredWhileDown;
        // The hospital system keeps sending: its client waits for the broker (on a thread of its own, as a
        // sender's send blocks for metadata while the broker is away) and delivers once the broker is back.
        List<UUID> sentWhileDown = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            sentWhileDown.add(prepareAdmission(expectedEvents));
        }
        inbound.addAll(sentWhileDown);
        Thread sender = Thread.ofPlatform().name("hospital-system-sender").start(() -> sentWhileDown.forEach(this::deliver));
        // Long enough for the relay to have tried (and timed out on) the waiting messages several times.
        Thread.sleep(Duration.ofSeconds(8));
        assertThat(unpublishedOutbox()).as("messages wait in the outbox while the broker is away").isPositive();

        Instant restarting = Instant.now();
        infrastructure.startKafka();
        Instant restarted = Instant.now();
        sender.join(RECOVERY_BOUND.toMillis());
        awaitCondition("every inbound message handled and every outbox message published", RECOVERY_BOUND,
                () -> inboxCount(inbound) == inbound.size() && unpublishedOutbox() == 0);
        Instant recovered = Instant.now();

        TopicCheck check = checkTopicsAgainstOutbox();
        Map<UUID, List<ConsumerRecord<String, String>>> acks = acknowledgementsOf(check.records("hospital.fhir.out"), inbound);
        int resentAcks = 0;
        for (UUID message : inbound) {
            List<ConsumerRecord<String, String>> answers = acks.getOrDefault(message, List.of());
            assertThat(answers).as("acknowledgements of %s", message).isNotEmpty();
            assertThat(answers.stream().map(r -> header(r.value()).getIdElement().getIdPart()).distinct())
                    .as("one acknowledgement MessageHeader.id for %s", message).hasSize(1);
            assertThat(answers.stream().map(ConsumerRecord::value).distinct())
                    .as("an acknowledgement sent again is the same, byte for byte").hasSize(1);
            assertThat(header(answers.getFirst().value()).getResponse().getCode()).isEqualTo(MessageHeader.ResponseType.OK);
            resentAcks += answers.size() - 1;
        }
        assertThat(inboxRowsPerMessage(inbound)).as("one inbox row per inbound message").containsOnly(1L);
        assertEffectsOnce(expectedEvents);

        FIGURES.put("kafka.restCommands", restCommands);
        FIGURES.put("kafka.restCommandsAnsweredWhileBrokerDown", answeredWhileDown);
        FIGURES.put("kafka.inboundMessages", inbound.size());
        FIGURES.put("kafka.inboundMessagesSentWhileBrokerDown", sentWhileDown.size());
        FIGURES.put("kafka.outboxRows", check.outboxRows());
        FIGURES.put("kafka.recordsOnOutTopics", check.recordCount());
        FIGURES.put("kafka.outboxRowsLost", 0);
        FIGURES.put("kafka.outboxRowsDuplicated", 0);
        FIGURES.put("kafka.acknowledgementsResentFromInbox", resentAcks);
        FIGURES.put("kafka.stayEvents", expectedEvents.values().stream().mapToInt(Integer::intValue).sum());
        FIGURES.put("kafka.brokerStopSeconds", seconds(stopping, stopped));
        FIGURES.put("kafka.brokerDownSeconds", seconds(stopped, restarting));
        FIGURES.put("kafka.brokerRestartSeconds", seconds(restarting, restarted));
        FIGURES.put("kafka.recoverySecondsAfterBrokerUp", seconds(restarted, recovered));
    }

    @Test
    @Order(2)
    void databaseStoppedMidStreamThenRestartedAppliesEveryMessageOnce() throws Exception {
        LocalInfrastructure infrastructure = FaultInfrastructure.current();
        Map<UUID, Integer> expectedEvents = new LinkedHashMap<>();
        Map<UUID, String> sent = new LinkedHashMap<>();
        Map<UUID, UUID> stays = new HashMap<>();

        for (int i = 0; i < 4; i++) {
            send(sent, stays, expectedEvents);
        }
        hospitalSystem.flush();
        Instant stopping = Instant.now();
        infrastructure.stopPostgres();
        Instant stopped = Instant.now();
        for (int i = 0; i < 8; i++) {
            send(sent, stays, expectedEvents);
            Thread.sleep(250);
        }
        hospitalSystem.flush();
        Thread.sleep(Duration.ofSeconds(6));
        Instant restarting = Instant.now();
        infrastructure.startPostgres();
        Instant restarted = Instant.now();

        // The sender: resend after transient-error with the same MessageHeader.id and a new Bundle.id, until ok.
        Set<String> answeredAcks = new HashSet<>();
        int resends = 0;
        int transientErrors = 0;
        Map<UUID, List<ConsumerRecord<String, String>>> acks = Map.of();
        KafkaCompanion kafka = new KafkaCompanion(bootstrapServers);
        ConsumerTask<String, String> out = kafka.consumeStrings().fromTopics("hospital.fhir.out");
        try {
            long deadline = System.nanoTime() + RECOVERY_BOUND.toNanos();
            while (System.nanoTime() < deadline) {
                acks = acknowledgementsOf(out.getRecords(), sent.keySet());
                boolean allOk = true;
                for (UUID message : sent.keySet()) {
                    List<ConsumerRecord<String, String>> answers = acks.getOrDefault(message, List.of());
                    boolean ok = answers.stream().anyMatch(r -> code(r) == MessageHeader.ResponseType.OK);
                    allOk &= ok;
                    for (ConsumerRecord<String, String> answer : answers) {
                        String ackId = header(answer.value()).getIdElement().getIdPart();
                        if (code(answer) == MessageHeader.ResponseType.TRANSIENTERROR && answeredAcks.add(ackId)) {
                            transientErrors++;
                            resends++;
                            resend(sent.get(message), stays.get(message));
                        }
                    }
                }
                if (allOk) {
                    break;
                }
                Thread.sleep(200);
            }
        } finally {
            out.stop();
            kafka.close();
        }
        Instant recovered = Instant.now();
        awaitCondition("every outbox message published", RECOVERY_BOUND, () -> unpublishedOutbox() == 0);

        for (UUID message : sent.keySet()) {
            List<ConsumerRecord<String, String>> answers = acks.getOrDefault(message, List.of());
            List<ConsumerRecord<String, String>> ok = answers.stream().filter(r -> code(r) == MessageHeader.ResponseType.OK).toList();
            assertThat(ok).as("acknowledged ok: %s", message).isNotEmpty();
            assertThat(ok.stream().map(r -> header(r.value()).getIdElement().getIdPart()).distinct())
                    .as("one ok acknowledgement MessageHeader.id for %s", message).hasSize(1);
            assertThat(answers).as("never refused: %s", message).noneMatch(r -> code(r) == MessageHeader.ResponseType.FATALERROR);
        }
        assertThat(inboxRowsPerMessage(sent.keySet())).as("one inbox row per inbound message").containsOnly(1L);
        assertEffectsOnce(expectedEvents);
        TopicCheck check = checkTopicsAgainstOutbox();
        // The REST API answers again.
        register(TestTokens.ward(NORDLANDSSYKEHUSET), "1804", 99);

        FIGURES.put("postgres.inboundMessages", sent.size());
        FIGURES.put("postgres.inboundMessagesSentWhileDatabaseDown", 8);
        FIGURES.put("postgres.transientErrorAnswers", transientErrors);
        FIGURES.put("postgres.resendsBySender", resends);
        FIGURES.put("postgres.messagesLost", 0);
        FIGURES.put("postgres.effectsDuplicated", 0);
        FIGURES.put("postgres.outboxRowsAllTests", check.outboxRows());
        FIGURES.put("postgres.databaseStopSeconds", seconds(stopping, stopped));
        FIGURES.put("postgres.databaseDownSeconds", seconds(stopped, restarting));
        FIGURES.put("postgres.databaseRestartSeconds", seconds(restarting, restarted));
        FIGURES.put("postgres.recoverySecondsAfterDatabaseUp", seconds(restarted, recovered));
    }

    @Test
    @Order(3)
    void databaseStoppedDuringAHistoryImportAnswers503AndStoresNothingOfIt() throws Exception {
        LocalInfrastructure infrastructure = FaultInfrastructure.current();
        String ward = "Historikk under stans " + UUID.randomUUID();
        List<Map<String, Object>> stays = StayImportTest.seededStays(31L, 6).stream().map(script -> {
            Map<String, Object> registration = new LinkedHashMap<>(script.registration());
            registration.put("ward", ward);
            return Map.<String, Object>of("registration", registration, "steps", script.steps());
        }).toList();
        String key = UUID.randomUUID().toString();
        DuringHistoryImport.next(infrastructure::stopPostgres);
        try {
            given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON).header("Idempotency-Key", key).body(Map.of("stays", stays))
                    .when().post("/stays/history-imports")
                    .then().statusCode(503).contentType("application/problem+json")
                    .body("type", org.hamcrest.Matchers.endsWith("/problems/database-unavailable"))
                    .body("detail", org.hamcrest.Matchers.containsString("may or may not have been stored"));
        } finally {
            infrastructure.startPostgres();
        }
        awaitCondition("the database answers again", RECOVERY_BOUND, () -> staysOfWard(ward) >= 0);
        assertThat(staysOfWard(ward)).as("stays of the interrupted import").isZero();
        // The same call with the same key once the database is back: the idempotency record rolled back with the import
        // (one transaction), so it loads it all, once; sent yet again, it repeats that answer and loads nothing more.
        String loaded = given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON).header("Idempotency-Key", key)
                .body(Map.of("stays", stays)).when().post("/stays/history-imports").then().statusCode(201).extract().asString();
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON).header("Idempotency-Key", key)
                .body(Map.of("stays", stays)).when().post("/stays/history-imports").then().statusCode(201)
                .header("Idempotent-Replayed", "true").body(org.hamcrest.Matchers.equalTo(loaded));
        assertThat(staysOfWard(ward)).isEqualTo(stays.size());
    }

    /** The stays of a ward, -1 while the database does not answer. */
    private long staysOfWard(String ward) {
        try (Connection connection = dataSource.getConnection();
             java.sql.PreparedStatement count = connection.prepareStatement("SELECT count(*) FROM stay WHERE ward = ?")) {
            count.setString(1, ward);
            try (ResultSet r = count.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        } catch (SQLException down) {
            return -1;
        }
    }

    // --- inbound messages, as a hospital system sends them ---------------------------------------------------

    private final Map<UUID, ProducerRecord<String, String>> prepared = new ConcurrentHashMap<>();

    private UUID prepareAdmission(Map<UUID, Integer> expectedEvents) {
        Map<UUID, String> payloads = new LinkedHashMap<>();
        Map<UUID, UUID> stays = new HashMap<>();
        UUID messageId = admission(payloads, stays, expectedEvents);
        prepared.put(messageId, new ProducerRecord<>("hospital.fhir.in", stays.get(messageId).toString(), payloads.get(messageId)));
        return messageId;
    }

    private void deliver(UUID messageId) {
        try {
            hospitalSystem.send(prepared.remove(messageId)).get(RECOVERY_BOUND.toSeconds(), TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("the hospital system could not deliver " + messageId, e);
        }
    }

    private UUID sendAdmission(Map<UUID, Integer> expectedEvents) {
        Map<UUID, String> sent = new LinkedHashMap<>();
        Map<UUID, UUID> stays = new HashMap<>();
        send(sent, stays, expectedEvents);
        return sent.keySet().iterator().next();
    }

    /** An admission notice for a new stay (admitted and admission-notice-sent: two events). */
    private void send(Map<UUID, String> sent, Map<UUID, UUID> stays, Map<UUID, Integer> expectedEvents) {
        UUID messageId = admission(sent, stays, expectedEvents);
        hospitalSystem.send(new ProducerRecord<>("hospital.fhir.in", stays.get(messageId).toString(), sent.get(messageId)));
    }

    private UUID admission(Map<UUID, String> sent, Map<UUID, UUID> stays, Map<UUID, Integer> expectedEvents) {
        UUID stay = UUID.randomUUID();
        UUID messageId = UUID.randomUUID();
        Instant admitted = Instant.parse("2025-03-01T09:00:00Z");
        StayMessageFacts facts = new StayMessageFacts(messageId, StayMessageEvent.ADMISSION_NOTICE, MessageStatus.NEW, null, Instant.now(),
                stay, "urn:oid:2.16.578.1.12.4.1.4.1", TestPatients.fodselsnummer(), NORDLANDSSYKEHUSET, "Medisinsk avdeling", "somatic",
                MUNICIPALITIES[sent.size() % MUNICIPALITIES.length], admitted,
                new StayEvent.AdmissionNoticeSent(Instant.parse("2025-03-01T11:00:00Z"), LocalDate.of(2025, 3, 6), "Hjemmesykepleie", false),
                null);
        String payload = FhirContext.forR4Cached().newJsonParser().encodeResourceToString(StayMessageBuilder.bundle(facts));
        sent.put(messageId, payload);
        stays.put(messageId, stay);
        expectedEvents.put(stay, 2);
        return messageId;
    }

    /** The same message again after transient-error: the same MessageHeader.id, a new Bundle.id. */
    private void resend(String payload, UUID stay) throws Exception {
        Bundle bundle = FhirContext.forR4Cached().newJsonParser().parseResource(Bundle.class, payload);
        bundle.setId(UUID.randomUUID().toString());
        hospitalSystem.send(new ProducerRecord<>("hospital.fhir.in", stay.toString(),
                FhirContext.forR4Cached().newJsonParser().encodeResourceToString(bundle))).get(30, TimeUnit.SECONDS);
    }

    // --- REST, as a ward uses it ---------------------------------------------------------------------------

    private static UUID register(String ward, String municipality, int n) {
        return UUID.fromString(given().auth().oauth2(ward).contentType(ContentType.JSON)
                .body(Map.of("patientIdentifier", TestPatients.fodselsnummer(), "ward", "Medisinsk sengepost 5B",
                        "serviceArea", "somatic", "residenceMunicipality", municipality,
                        "admittedAt", "2025-03-01T%02d:00:00+01:00".formatted(n % 24)))
                .when().post("/stays").then().statusCode(201).extract().path("id"));
    }

    private static void admissionNotice(String ward, UUID stay) {
        post(ward, stay, "admission-notice", Map.of("sentAt", "2025-03-02T12:00:00+01:00", "expectedNeeds", "Hjemmesykepleie"), 200);
    }

    private static void post(String ward, UUID stay, String command, Map<String, ?> body, int status) {
        given().auth().oauth2(ward).contentType(ContentType.JSON).body(body)
                .when().post("/stays/" + stay + "/" + command).then().statusCode(status);
    }

    // --- what the topics hold against the outbox -----------------------------------------------------------

    private record OutboxRow(UUID messageId, String topic, String key, long sequence) {
    }

    private record TopicCheck(int outboxRows, int recordCount, Map<String, List<ConsumerRecord<String, String>>> byTopic) {
        List<ConsumerRecord<String, String>> records(String topic) {
            return byTopic.getOrDefault(topic, List.of());
        }
    }

    /**
     * Every outbox row is on its topic exactly once (a MessageHeader.id on as many records as it has outbox
     * rows: more than one only for an acknowledgement sent again from the inbox), and the records of each key
     * are in the order of the rows' sequence.
     */
    private TopicCheck checkTopicsAgainstOutbox() throws Exception {
        List<OutboxRow> rows = outboxRows();
        Map<String, List<OutboxRow>> rowsByTopic = rows.stream().collect(Collectors.groupingBy(OutboxRow::topic));
        Map<String, List<ConsumerRecord<String, String>>> byTopic = new HashMap<>();
        int recordCount = 0;
        try (KafkaCompanion kafka = new KafkaCompanion(bootstrapServers)) {
            for (Map.Entry<String, List<OutboxRow>> topic : rowsByTopic.entrySet()) {
                List<ConsumerRecord<String, String>> records = readAll(kafka, topic.getKey(), topic.getValue().size());
                byTopic.put(topic.getKey(), records);
                recordCount += records.size();
                // transient-error answers go straight to Kafka (the outbox is in the database that failed)
                records = records.stream().filter(r -> !(r.key() != null && isTransientError(r))).toList();
                Map<UUID, Long> onTopic = records.stream().collect(Collectors.groupingBy(FaultInjectionTest::messageId, Collectors.counting()));
                Map<UUID, Long> inOutbox = topic.getValue().stream().collect(Collectors.groupingBy(OutboxRow::messageId, Collectors.counting()));
                assertThat(onTopic).as("records per MessageHeader.id on %s, against the outbox rows", topic.getKey()).isEqualTo(inOutbox);
                Map<String, List<UUID>> keyOrderOnTopic = records.stream().collect(Collectors.groupingBy(ConsumerRecord::key, LinkedHashMap::new,
                        Collectors.mapping(FaultInjectionTest::messageId, Collectors.toList())));
                Map<String, List<UUID>> keyOrderInOutbox = topic.getValue().stream()
                        .sorted((a, b) -> Long.compare(a.sequence(), b.sequence()))
                        .collect(Collectors.groupingBy(OutboxRow::key, LinkedHashMap::new, Collectors.mapping(OutboxRow::messageId, Collectors.toList())));
                assertThat(keyOrderOnTopic).as("order per key on %s", topic.getKey()).isEqualTo(keyOrderInOutbox);
            }
        }
        return new TopicCheck(rows.size(), recordCount, byTopic);
    }

    /** All records of a topic, in offset order per partition: at least {@code expected}, then whatever else comes within a second. */
    private static List<ConsumerRecord<String, String>> readAll(KafkaCompanion kafka, String topic, int expected) throws InterruptedException {
        ConsumerTask<String, String> task = kafka.consumeStrings().fromTopics(topic);
        try {
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (task.count() < expected && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            Thread.sleep(Duration.ofSeconds(2));
            return task.getRecords().stream()
                    .sorted((a, b) -> a.partition() != b.partition() ? Integer.compare(a.partition(), b.partition()) : Long.compare(a.offset(), b.offset()))
                    .toList();
        } finally {
            task.stop();
        }
    }

    private static boolean isTransientError(ConsumerRecord<String, String> record) {
        MessageHeader header = header(record.value());
        return header.hasResponse() && header.getResponse().getCode() == MessageHeader.ResponseType.TRANSIENTERROR;
    }

    private static UUID messageId(ConsumerRecord<String, String> record) {
        return UUID.fromString(new String(record.headers().lastHeader("message-id").value(), StandardCharsets.UTF_8));
    }

    private static Map<UUID, List<ConsumerRecord<String, String>>> acknowledgementsOf(List<ConsumerRecord<String, String>> records,
                                                                                     java.util.Collection<UUID> inbound) {
        Set<String> wanted = inbound.stream().map(UUID::toString).collect(Collectors.toSet());
        Map<UUID, List<ConsumerRecord<String, String>>> acks = new HashMap<>();
        for (ConsumerRecord<String, String> record : records) {
            MessageHeader header = header(record.value());
            if (header.hasResponse() && wanted.contains(header.getResponse().getIdentifier())) {
                acks.computeIfAbsent(UUID.fromString(header.getResponse().getIdentifier()), k -> new ArrayList<>()).add(record);
            }
        }
        return acks;
    }

    private static MessageHeader.ResponseType code(ConsumerRecord<String, String> record) {
        return header(record.value()).getResponse().getCode();
    }

    private static MessageHeader header(String json) {
        return (MessageHeader) FhirContext.forR4Cached().newJsonParser().parseResource(Bundle.class, json).getEntryFirstRep().getResource();
    }

    // --- the database ----------------------------------------------------------------------------------------

    /** Each stay has exactly the events its commands and messages made, none twice. */
    private void assertEffectsOnce(Map<UUID, Integer> expectedEvents) throws SQLException {
        Map<UUID, Integer> events = new HashMap<>();
        Map<UUID, Integer> distinctTypes = new HashMap<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement(
                     "SELECT stay_id, count(*), count(DISTINCT type) FROM stay_event WHERE stay_id = ANY (?) GROUP BY stay_id")) {
            query.setArray(1, connection.createArrayOf("uuid", expectedEvents.keySet().toArray()));
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    events.put(rows.getObject(1, UUID.class), rows.getInt(2));
                    distinctTypes.put(rows.getObject(1, UUID.class), rows.getInt(3));
                }
            }
        }
        assertThat(events).as("stay events per stay").isEqualTo(expectedEvents);
        assertThat(distinctTypes).as("no event type twice on a stay").isEqualTo(expectedEvents);
    }

    private List<OutboxRow> outboxRows() throws SQLException {
        List<OutboxRow> rows = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement(
                     "SELECT message_id, topic, message_key, sequence, published_at FROM outbox_message ORDER BY sequence");
             ResultSet result = query.executeQuery()) {
            while (result.next()) {
                assertThat(result.getObject("published_at")).as("outbox row %s published", result.getObject(1)).isNotNull();
                rows.add(new OutboxRow(result.getObject(1, UUID.class), result.getString(2), result.getString(3), result.getLong(4)));
            }
        }
        return rows;
    }

    private long unpublishedOutbox() {
        return count("SELECT count(*) FROM outbox_message WHERE published_at IS NULL", null);
    }

    private long inboxCount(java.util.Collection<UUID> messages) {
        return count("SELECT count(DISTINCT message_id) FROM inbox_message WHERE message_id = ANY (?)", messages);
    }

    private List<Long> inboxRowsPerMessage(java.util.Collection<UUID> messages) throws SQLException {
        List<Long> counts = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement(
                     "SELECT m, (SELECT count(*) FROM inbox_message WHERE message_id = m) FROM unnest(?) AS m")) {
            query.setArray(1, connection.createArrayOf("varchar", messages.stream().map(UUID::toString).toArray()));
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    counts.add(rows.getLong(2));
                }
            }
        }
        return counts;
    }

    private long count(String sql, java.util.Collection<UUID> messages) {
        try (Connection connection = dataSource.getConnection(); PreparedStatement query = connection.prepareStatement(sql)) {
            if (messages != null) {
                query.setArray(1, connection.createArrayOf("varchar", messages.stream().map(UUID::toString).toArray()));
            }
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        } catch (SQLException e) {
            return -1;
        }
    }

    private static void awaitCondition(String what, Duration bound, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + bound.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(what + ": not within " + bound.toSeconds() + " s");
            }
            Thread.sleep(200);
        }
    }

    private static double seconds(Instant from, Instant to) {
        return Math.round(Duration.between(from, to).toMillis() / 100.0) / 10.0;
    }
}
