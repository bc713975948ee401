package no.samhandling.discharge.security;

import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import no.samhandling.discharge.web.Page;
import no.samhandling.discharge.web.PageRequest;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Instant;
import java.util.UUID;

@Path("/audit-log")
@Tag(name = "Audit log", description = "Who read or changed personal data (tilgangslogg)")
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {

    @Schema(name = "AuditEntry", description = "One read or write of personal data")
    public record AuditEntryView(long id, Instant at, String principal, String role,
                                 @Schema(description = "The caller's hospital (organisation number) or municipality number") String tenant,
                                 @Schema(example = "read-stay") String action,
                                 UUID stayId) {
    }

    @GET
    @Transactional
    @Operation(summary = "Read the audit log (tilgangslogg) - administrators",
            description = "Newest first. Filter by stay to see everyone who read or changed it.")
    public Page<AuditEntryView> list(@QueryParam("stayId") @Parameter(description = "Only entries about this stay") UUID stayId,
                                     @BeanParam @Valid PageRequest page) {
        var query = stayId == null
                ? AuditEntry.<AuditEntry>findAll(Sort.descending("id"))
                : AuditEntry.<AuditEntry>find("stayId = :stay", Sort.descending("id"), Parameters.with("stay", stayId));
        query.page(io.quarkus.panache.common.Page.of(page.page(), page.size()));
        return Page.of(query.list(), page, query.count(),
                e -> new AuditEntryView(e.id, e.at, e.principal, e.role, e.tenant, e.action, e.stayId));
    }
}
