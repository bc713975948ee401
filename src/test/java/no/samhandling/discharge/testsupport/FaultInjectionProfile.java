package no.samhandling.discharge.testsupport;

import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.List;
import java.util.Map;

/**
 * The fault-injection tests' own Quarkus (a distinct profile restarts the service for them) on their own
 * {@link FaultInfrastructure}, without the shared one. Short timeouts so that a failure is seen, retried
 * and recovered from within seconds; the defaults are unchanged.
 */
public class FaultInjectionProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "discharge.messaging.inbound-first-back-off", "PT0.2S",
                "discharge.messaging.inbound-max-back-off", "PT1S",
                "discharge.messaging.relay-send-timeout", "PT2S",
                "discharge.messaging.relay-interval", "500ms",
                "quarkus.datasource.jdbc.acquisition-timeout", "PT2S");
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(FaultInfrastructure.class));
    }

    @Override
    public boolean disableGlobalTestResources() {
        return true;
    }
}
