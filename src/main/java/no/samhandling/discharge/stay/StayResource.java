package no.samhandling.discharge.stay;

import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import no.samhandling.discharge.security.Caller;
import no.samhandling.discharge.security.Callers;
import no.samhandling.discharge.security.Roles;
import no.samhandling.discharge.stay.StayCommands.AdmissionNotice;
import no.samhandling.discharge.stay.StayCommands.Cancellation;
import no.samhandling.discharge.stay.StayCommands.Correction;
import no.samhandling.discharge.stay.StayCommands.Discharge;
import no.samhandling.discharge.stay.StayCommands.DischargeReadiness;
import no.samhandling.discharge.stay.StayCommands.DischargeReadyNotice;
import no.samhandling.discharge.stay.StayCommands.MunicipalityResponse;
import no.samhandling.discharge.stay.StayCommands.RegisterStay;
import no.samhandling.discharge.stay.StayCommands.Withdrawal;
import no.samhandling.discharge.stay.StayViews.StaySummary;
import no.samhandling.discharge.stay.StayViews.StayView;
import no.samhandling.discharge.web.IfMatch;
import no.samhandling.discharge.web.Idempotency;
import no.samhandling.discharge.web.Idempotency.Answer;
import no.samhandling.discharge.web.Page;
import no.samhandling.discharge.web.PageRequest;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Clock;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * What hospital wards do with a stay, and the municipality's answer. Each POST records one event of the
 * stay and answers with the stay's new state. {@code Idempotency-Key} makes a retry harmless;
 * {@code If-Match} with the stay's version refuses a change based on an outdated view.
 */
@Path("/stays")
@Tag(name = "Stays", description = "Hospital stays (opphold) and discharge-ready patients (utskrivningsklare pasienter)")
@Produces(MediaType.APPLICATION_JSON)
public class StayResource {

    private static final String IDEMPOTENCY_DESCRIPTION = "Any unique value per intended change (e.g. a UUID): a retry with the same key gets the first answer and changes nothing";
    private static final String IF_MATCH_DESCRIPTION = "The stay's version as last read: the change is refused (409) if someone changed the stay since";

    private final StayRegistration registration;
    private final StayEvents stays;
    private final StayQueries queries;
    private final Idempotency idempotency;
    private final Callers callers;
    private final Clock clock;

    StayResource(StayRegistration registration, StayEvents stays, StayQueries queries, Idempotency idempotency, Callers callers, Clock clock) {
        this.registration = registration;
        this.stays = stays;
        this.queries = queries;
        this.idempotency = idempotency;
        this.callers = callers;
        this.clock = clock;
    }

    @POST
    @Transactional
    @RolesAllowed({Roles.WARD, Roles.INTEGRATION, Roles.ADMIN})
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Register an admitted patient (registrer innlagt pasient)",
            description = "Starts a stay on the ward. A ward can register patients at its own hospital only.")
    @APIResponse(responseCode = "201", description = "The stay", content = @Content(schema = @Schema(implementation = StayView.class)))
    @APIResponse(responseCode = "400", description = "Invalid patient identifier, municipality or time")
    public Response register(@Valid @NotNull RegisterStay command,
                             @HeaderParam(Idempotency.HEADER) @Parameter(description = IDEMPOTENCY_DESCRIPTION) String idempotencyKey,
                             UriInfo uri) {
        return idempotency.once(sender(), idempotencyKey, command, () -> {
            StayView stay = registration.register(callers.current(), command);
            return new Answer(201, stay, uri.getBaseUriBuilder().path("stays").path(stay.id().toString()).build());
        });
    }

    @GET
    @RolesAllowed({Roles.WARD, Roles.INTEGRATION, Roles.ADMIN})
    @Operation(summary = "List the ward's stays (pasientoversikt)",
            description = "Newest admission first, with status, days waiting and billable days so far. "
                    + "A ward token sees its own hospital's stays only.")
    public Page<StaySummary> list(
            @QueryParam("status") @Parameter(description = "Only stays with this status") StayStatus status,
            @QueryParam("hospital") @Parameter(description = "Administrators and integrations: only this hospital trust (organisation number)") String hospital,
            @BeanParam @Valid PageRequest page) {
        return queries.list(callers.current(), hospital, status, page);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.WARD, Roles.MUNICIPAL_INTAKE, Roles.INTEGRATION, Roles.ADMIN})
    @Operation(summary = "One stay with its figures and full history",
            description = "Visible to the hospital's wards and to the paying municipality's intake team. Every read is audit-logged.")
    @APIResponse(responseCode = "200", description = "The stay; its ETag is the version",
            content = @Content(schema = @Schema(implementation = StayView.class)))
    @APIResponse(responseCode = "404", description = "No such stay visible to you")
    public Response get(@PathParam("id") UUID id) {
        StayView stay = queries.read(callers.current(), id);
        return Response.ok(stay).tag(Long.toString(stay.version())).build();
    }

    @POST
    @Path("/{id}/admission-notice")
    @Transactional
    @RolesAllowed({Roles.WARD, Roles.INTEGRATION, Roles.ADMIN})
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Send the admission notice (§ 8, melding om innlagt pasient)",
            description = "Within 24 hours of admission when the patient is expected to need municipal services; send again when the expected date or needs change.")
    @APIResponse(responseCode = "200", description = "The stay's new state", content = @Content(schema = @Schema(implementation = StayView.class)))
    @APIResponse(responseCode = "404", description = "No such stay visible to you")
    @APIResponse(responseCode = "409", description = "Not possible in the stay's state, or changed by someone else")
    public Response admissionNotice(@PathParam("id") UUID id, @Valid @NotNull AdmissionNotice command,
                                    @HeaderParam(Idempotency.HEADER) @Parameter(description = IDEMPOTENCY_DESCRIPTION) String idempotencyKey,
                                    @HeaderParam("If-Match") @Parameter(description = IF_MATCH_DESCRIPTION) String ifMatch) {
        return recorded(idempotencyKey, command, () -> stays.record(callers.current(), id, IfMatch.version(ifMatch),
                StayCommandMapping.admissionNotice(command, clock.instant())));
    }

    @POST
    @Path("/{id}/discharge-readiness")
    @Transactional
    @RolesAllowed({Roles.WARD, Roles.INTEGRATION, Roles.ADMIN})
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Declare the patient discharge-ready (§ 9, utskrivningsklar)",
            description = "By a doctor, or in mental health and addiction care a doctor or psychologist, with the assessment documented. "
                    + "Then send the discharge-ready notice the same day.")
    @APIResponse(responseCode = "200", description = "The stay's new state", content = @Content(schema = @Schema(implementation = StayView.class)))
    @APIResponse(responseCode = "404", description = "No such stay visible to you")
    @APIResponse(responseCode = "409", description = "Not possible in the stay's state (e.g. discharged, or already discharge-ready)")
    public Response declareDischargeReady(@PathParam("id") UUID id, @Valid @NotNull DischargeReadiness command,
                                          @HeaderParam(Idempotency.HEADER) @Parameter(description = IDEMPOTENCY_DESCRIPTION) String idempotencyKey,
                                          @HeaderParam("If-Match") @Parameter(description = IF_MATCH_DESCRIPTION) String ifMatch) {
        return recorded(idempotencyKey, command, () -> stays.record(callers.current(), id, IfMatch.version(ifMatch),
                StayCommandMapping.declaration(command, clock.instant())));
    }

    @POST
    @Path("/{id}/discharge-ready-notice")
    @Transactional
    @RolesAllowed({Roles.WARD, Roles.INTEGRATION, Roles.ADMIN})
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Notify the municipality that the patient is discharge-ready (§ 10)",
            description = "Payment liability starts on the date of this notice when §§ 8-10 are met.")
    @APIResponse(responseCode = "200", description = "The stay's new state", content = @Content(schema = @Schema(implementation = StayView.class)))
    @APIResponse(responseCode = "404", description = "No such stay visible to you")
    @APIResponse(responseCode = "409", description = "The patient is not declared discharge-ready, or the municipality was already notified")
    public Response dischargeReadyNotice(@PathParam("id") UUID id, DischargeReadyNotice command,
                                         @HeaderParam(Idempotency.HEADER) @Parameter(description = IDEMPOTENCY_DESCRIPTION) String idempotencyKey,
                                         @HeaderParam("If-Match") @Parameter(description = IF_MATCH_DESCRIPTION) String ifMatch) {
        DischargeReadyNotice notice = command == null ? new DischargeReadyNotice(null) : command;
        return recorded(idempotencyKey, notice, () -> stays.record(callers.current(), id, IfMatch.version(ifMatch),
                StayCommandMapping.notice(notice, clock.instant())));
    }

    @POST
    @Path("/{id}/municipality-response")
    @Transactional
    @RolesAllowed({Roles.MUNICIPAL_INTAKE, Roles.INTEGRATION, Roles.ADMIN})
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Answer as the municipality: can or cannot receive the patient (§ 11)",
            description = "When it cannot yet, say when an offer is expected (expectedReadyOn), and answer again when it can. "
                    + "Payment liability ends on the date it can receive the patient.")
    @APIResponse(responseCode = "200", description = "The stay's new state", content = @Content(schema = @Schema(implementation = StayView.class)))
    @APIResponse(responseCode = "400", description = "Invalid answer")
    @APIResponse(responseCode = "404", description = "No such stay visible to you")
    @APIResponse(responseCode = "409", description = "No discharge-ready notice has been sent to answer")
    public Response municipalityResponse(@PathParam("id") UUID id, @Valid @NotNull MunicipalityResponse command,
                                         @HeaderParam(Idempotency.HEADER) @Parameter(description = IDEMPOTENCY_DESCRIPTION) String idempotencyKey,
                                         @HeaderParam("If-Match") @Parameter(description = IF_MATCH_DESCRIPTION) String ifMatch) {
        return recorded(idempotencyKey, command, () -> stays.record(callers.current(), id, IfMatch.version(ifMatch),
                StayCommandMapping.answer(command, clock.instant())));
    }

    @POST
    @Path("/{id}/withdrawal")
    @Transactional
    @RolesAllowed({Roles.WARD, Roles.INTEGRATION, Roles.ADMIN})
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Withdraw the discharge-ready declaration (avmelding)",
            description = "The patient fell ill again: the discharge-ready period ends; a new one needs a new declaration and notice.")
    @APIResponse(responseCode = "200", description = "The stay's new state", content = @Content(schema = @Schema(implementation = StayView.class)))
    @APIResponse(responseCode = "404", description = "No such stay visible to you")
    @APIResponse(responseCode = "409", description = "The patient is not discharge-ready")
    public Response withdraw(@PathParam("id") UUID id, @Valid @NotNull Withdrawal command,
                             @HeaderParam(Idempotency.HEADER) @Parameter(description = IDEMPOTENCY_DESCRIPTION) String idempotencyKey,
                             @HeaderParam("If-Match") @Parameter(description = IF_MATCH_DESCRIPTION) String ifMatch) {
        return recorded(idempotencyKey, command, () -> stays.record(callers.current(), id, IfMatch.version(ifMatch),
                StayCommandMapping.withdrawal(command, clock.instant())));
    }

    @POST
    @Path("/{id}/discharge")
    @Transactional
    @RolesAllowed({Roles.WARD, Roles.INTEGRATION, Roles.ADMIN})
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Discharge the patient (utskriving)", description = "With where the patient went.")
    @APIResponse(responseCode = "200", description = "The stay's new state", content = @Content(schema = @Schema(implementation = StayView.class)))
    @APIResponse(responseCode = "404", description = "No such stay visible to you")
    @APIResponse(responseCode = "409", description = "Already discharged")
    public Response discharge(@PathParam("id") UUID id, @Valid @NotNull Discharge command,
                              @HeaderParam(Idempotency.HEADER) @Parameter(description = IDEMPOTENCY_DESCRIPTION) String idempotencyKey,
                              @HeaderParam("If-Match") @Parameter(description = IF_MATCH_DESCRIPTION) String ifMatch) {
        return recorded(idempotencyKey, command, () -> stays.record(callers.current(), id, IfMatch.version(ifMatch),
                StayCommandMapping.discharge(command, clock.instant())));
    }

    @POST
    @Path("/{id}/events/{eventId}/correction")
    @Transactional
    @RolesAllowed({Roles.WARD, Roles.MUNICIPAL_INTAKE, Roles.INTEGRATION, Roles.ADMIN})
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Correct an event (korrigering)",
            description = "Send the event's fields again, corrected, with the reason. The figures are recomputed from the corrected history. "
                    + "Wards correct the hospital's events, intake teams the municipality's answers.")
    @APIResponse(responseCode = "200", description = "The stay's new state", content = @Content(schema = @Schema(implementation = StayView.class)))
    @APIResponse(responseCode = "400", description = "The corrected fields are invalid")
    @APIResponse(responseCode = "404", description = "No such stay or event in force")
    @APIResponse(responseCode = "409", description = "The corrected history would be impossible")
    public Response correct(@PathParam("id") UUID id, @PathParam("eventId") UUID eventId, @Valid @NotNull Correction command,
                            @HeaderParam(Idempotency.HEADER) @Parameter(description = IDEMPOTENCY_DESCRIPTION) String idempotencyKey,
                            @HeaderParam("If-Match") @Parameter(description = IF_MATCH_DESCRIPTION) String ifMatch) {
        return recorded(idempotencyKey, command, () -> stays.correct(callers.current(), id, eventId, IfMatch.version(ifMatch),
                command.corrected(), command.reason()));
    }

    @POST
    @Path("/{id}/events/{eventId}/cancellation")
    @Transactional
    @RolesAllowed({Roles.WARD, Roles.MUNICIPAL_INTAKE, Roles.INTEGRATION, Roles.ADMIN})
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Cancel an event registered by mistake (annullering)",
            description = "The event stays in the history, marked as cancelled; the figures are recomputed without it.")
    @APIResponse(responseCode = "200", description = "The stay's new state", content = @Content(schema = @Schema(implementation = StayView.class)))
    @APIResponse(responseCode = "404", description = "No such stay or event in force")
    @APIResponse(responseCode = "409", description = "The history without the event would be impossible")
    public Response cancel(@PathParam("id") UUID id, @PathParam("eventId") UUID eventId, @Valid @NotNull Cancellation command,
                           @HeaderParam(Idempotency.HEADER) @Parameter(description = IDEMPOTENCY_DESCRIPTION) String idempotencyKey,
                           @HeaderParam("If-Match") @Parameter(description = IF_MATCH_DESCRIPTION) String ifMatch) {
        return recorded(idempotencyKey, command, () -> stays.cancel(callers.current(), id, eventId, IfMatch.version(ifMatch), command.reason()));
    }

    private Response recorded(String idempotencyKey, Object command, Supplier<StayView> change) {
        return idempotency.once(sender(), idempotencyKey, command, () -> new Answer(200, change.get(), null));
    }

    /** Whose Idempotency-Key it is: the token's user and the tenant its claims name. */
    private Idempotency.Sender sender() {
        return senderOf(callers.current());
    }

    static Idempotency.Sender senderOf(Caller caller) {
        return new Idempotency.Sender(caller.principal(), caller.tenantClaims());
    }
}
