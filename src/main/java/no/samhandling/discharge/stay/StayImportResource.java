package no.samhandling.discharge.stay;

import io.quarkus.narayana.jta.runtime.TransactionConfiguration;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import no.samhandling.discharge.security.Caller;
import no.samhandling.discharge.security.Callers;
import no.samhandling.discharge.security.Roles;
import no.samhandling.discharge.stay.StayViews.ImportRequest;
import no.samhandling.discharge.web.Idempotency;
import no.samhandling.discharge.web.Idempotency.Answer;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The two bulk loads of stays: as if each step were a REST call now, or as history that has already happened. */
@Path("/stays")
@Tag(name = "Stays")
@Transactional
@RolesAllowed(Roles.ADMIN)
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class StayImportResource {

    private final StayImport imports;
    private final StayHistoryImport historyImports;
    private final Idempotency idempotency;
    private final Callers callers;

    StayImportResource(StayImport imports, StayHistoryImport historyImports, Idempotency idempotency, Callers callers) {
        this.imports = imports;
        this.historyImports = historyImports;
        this.idempotency = idempotency;
        this.callers = callers;
    }

    @POST
    @Path("imports")
    @TransactionConfiguration(timeout = StayImport.TRANSACTION_TIMEOUT_SECONDS)
    @Operation(summary = "Load many stays with their history at once (historikk) - administrators",
            description = "For loading history, e.g. from an earlier system: up to 500 stays per call, each registered and each of its events "
                    + "recorded exactly as the REST calls of wards and intake teams would (same checks, figures, messages and audit), "
                    + "in one transaction. One refused step refuses the whole call; the problem names the stay and step (stays[i].steps[j]).")
    @APIResponse(responseCode = "201", description = "All stays loaded",
            content = @Content(schema = @Schema(implementation = StayViews.ImportResult.class)))
    @APIResponse(responseCode = "400", description = "A stay or step is invalid; nothing was loaded")
    @APIResponse(responseCode = "409", description = "A step is impossible in its stay's history; nothing was loaded")
    public Response load(ImportRequest request,
                         @HeaderParam(Idempotency.HEADER) @Parameter(description = "Any unique value per batch: a retry with the same key "
                                 + "gets the first answer and loads nothing twice") String idempotencyKey) {
        Caller caller = callers.current();
        return idempotency.once(StayResource.senderOf(caller), idempotencyKey, request,
                () -> new Answer(201, imports.load(caller, request), null));
    }

    @POST
    @Path("history-imports")
    @TransactionConfiguration(timeout = StayHistoryImport.TRANSACTION_TIMEOUT_SECONDS)
    @Operation(summary = "Import of earlier stays (historikk, import av tidligere opphold), fast - administrators",
            description = "For loading the history of stays that are over or still waiting, e.g. from an earlier system or journal extract: "
                    + "up to " + StayHistoryImport.MAX_STAYS + " stays per call, in the same shape as POST /stays/imports. Every stay and "
                    + "step passes the same checks as the REST calls of wards and intake teams (§ 11, plausible dates, the order of events, "
                    + "corrections), and the overliggerdøgn (discharge-ready days), billable or not, are counted by the same rules as "
                    + "there. Only what has happened: every time must lie in the past (a stay still waiting for the municipality is "
                    + "allowed, its period stays open). No messages are sent to municipalities or hospitals - those exchanges took place "
                    + "at the time - and each stay gets one audit row (import-history). Later changes are announced as usual, but "
                    + "an imported event was never sent by this service: a later correction of one is sent as a new message of its "
                    + "kind (with the corrected content), a cancellation of one sends nothing. One refused step refuses the whole "
                    + "call; the problem names the stay and step (stays[i].steps[j]). The Idempotency-Key header is required: a "
                    + "batch sent twice must not be loaded twice.")
    @APIResponse(responseCode = "201", description = "All stays loaded",
            content = @Content(schema = @Schema(implementation = StayViews.ImportResult.class)))
    @APIResponse(responseCode = "400", description = "A stay or step is invalid (or not in the past), or the Idempotency-Key header is "
            + "missing; nothing was loaded")
    @APIResponse(responseCode = "409", description = "A step is impossible in its stay's history, or the Idempotency-Key was used for "
            + "another request; nothing was loaded")
    @APIResponse(responseCode = "503", description = "The database was lost during the call: the batch may or may not have been loaded. "
            + "Send it again with the same Idempotency-Key: it is then loaded once, or the first answer is repeated")
    public Response loadHistory(ImportRequest request,
                                @HeaderParam(Idempotency.HEADER) @Parameter(required = true, description = "Required: any unique value "
                                        + "per batch. A retry with the same key gets the first answer and loads nothing twice") String idempotencyKey) {
        Caller caller = callers.current();
        // Idempotency writes its record in this transaction, the import's: committed together or not at all, so a retry
        // after an unknown outcome (the connection lost during COMMIT) either finds the record or finds nothing loaded.
        return idempotency.required(StayResource.senderOf(caller), idempotencyKey, request,
                () -> new Answer(201, historyImports.load(caller, request), null));
    }
}
