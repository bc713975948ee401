package no.samhandling.discharge.web;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** Settings of the REST edge ({@code discharge.web.*}); see README's configuration table. */
@ConfigMapping(prefix = "discharge.web")
public interface WebConfig {

    /**
     * How long a POST's answer is kept for a retry with the same Idempotency-Key; a retry after this is a
     * new request. Clients retry within minutes; a day leaves room for one that was offline overnight.
     */
    @WithDefault("P1D")
    Duration idempotencyRetention();
}
