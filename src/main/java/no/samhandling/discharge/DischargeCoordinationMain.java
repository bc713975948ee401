package no.samhandling.discharge;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;

import java.lang.reflect.InvocationTargetException;

/**
 * Entry point. In dev mode it first starts the local infrastructure (embedded PostgreSQL, in-process
 * Kafka broker) when none is configured and no Docker engine answers. The {@code localdev} package and
 * its libraries are absent from the packaged service, hence the reflective call: in production this is
 * a plain {@code Quarkus.run}.
 */
@QuarkusMain
public final class DischargeCoordinationMain {

    private static final String LOCAL_INFRASTRUCTURE = "no.samhandling.discharge.localdev.LocalInfrastructure";

    DischargeCoordinationMain() {
    }

    public static void main(String... args) throws Exception {
        startLocalInfrastructureIfPresent();
        Quarkus.run(args);
    }

    private static void startLocalInfrastructureIfPresent() throws Exception {
        Class<?> localInfrastructure;
        try {
            localInfrastructure = Class.forName(LOCAL_INFRASTRUCTURE, true, DischargeCoordinationMain.class.getClassLoader());
        } catch (ClassNotFoundException | NoClassDefFoundError productionArtifact) {
            return;
        }
        try {
            localInfrastructure.getMethod("startUnlessConfigured").invoke(null);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof Exception cause) {
                throw cause;
            }
            throw e;
        }
    }
}
