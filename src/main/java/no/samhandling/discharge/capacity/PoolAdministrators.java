package no.samhandling.discharge.capacity;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import no.samhandling.discharge.security.Caller;
import no.samhandling.discharge.security.Roles;
import no.samhandling.discharge.web.ProblemException;
import no.samhandling.discharge.web.ProblemType;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.Optional;
import java.util.UUID;

/**
 * Who may manage a pool's beds: administrators and integrations every pool's, a pool administrator
 * ({@code pool-admin}) the pool its token names in the {@code pool} claim, and nobody else.
 */
@ApplicationScoped
class PoolAdministrators {

    static final String POOL_CLAIM = "pool";

    private final SecurityIdentity identity;

    PoolAdministrators(SecurityIdentity identity) {
        this.identity = identity;
    }

    /** The pool the caller's token names, if any. */
    Optional<UUID> administeredPool() {
        if (identity.getPrincipal() instanceof JsonWebToken token && token.getClaim(POOL_CLAIM) != null) {
            try {
                return Optional.of(UUID.fromString(token.getClaim(POOL_CLAIM).toString().replace("\"", "")));
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    void requireManager(Caller caller, UUID poolId) {
        if (caller.actsForAllTenants()) {
            return;
        }
        if (caller.has(Roles.POOL_ADMIN) && administeredPool().filter(poolId::equals).isPresent()) {
            return;
        }
        throw new ProblemException(ProblemType.FORBIDDEN, caller.has(Roles.POOL_ADMIN)
                ? "A pool administrator manages the beds of the pool named in their login only."
                : "Only the pool's administrator (pool-admin) or an administrator manages its beds.");
    }
}
