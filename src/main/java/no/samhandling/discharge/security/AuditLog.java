package no.samhandling.discharge.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.util.Collection;
import java.util.UUID;

/**
 * Writes the audit trail. Called inside the transaction of the read or write it records, so a change
 * and its audit row are committed together.
 */
@ApplicationScoped
public class AuditLog {

    private final Clock clock;

    AuditLog(Clock clock) {
        this.clock = clock;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void record(Caller caller, String action, UUID stayId) {
        AuditEntry entry = new AuditEntry();
        entry.at = clock.instant();
        entry.principal = caller.principal();
        entry.role = caller.primaryRole();
        entry.tenant = caller.tenant();
        entry.action = action;
        entry.stayId = stayId;
        entry.persist();
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void record(Caller caller, String action, Collection<UUID> stayIds) {
        stayIds.forEach(id -> record(caller, action, id));
    }
}
