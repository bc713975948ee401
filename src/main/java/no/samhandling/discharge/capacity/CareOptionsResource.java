package no.samhandling.discharge.capacity;

import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
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
import no.samhandling.discharge.capacity.CareOptionViews.ChooseOption;
import no.samhandling.discharge.capacity.CareOptionViews.ChosenView;
import no.samhandling.discharge.capacity.CareOptionViews.StayOptions;
import no.samhandling.discharge.capacity.CareOptionViews.WorkListOptions;
import no.samhandling.discharge.security.Caller;
import no.samhandling.discharge.security.Callers;
import no.samhandling.discharge.security.Roles;
import no.samhandling.discharge.stay.StayStatus;
import no.samhandling.discharge.web.Idempotency;
import no.samhandling.discharge.web.Page;
import no.samhandling.discharge.web.PageRequest;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.UUID;

@Path("/municipalities/{number}/work-list")
@Tag(name = "Matching", description = "Where the municipality's discharge-ready patients can go (BEON, laveste effektive omsorgsnivå): "
        + "its receiving capacity and the bed pools it takes part in, matched to each patient's stated needs")
@Produces(MediaType.APPLICATION_JSON)
public class CareOptionsResource {

    private static final String NUMBER = "Municipality number (kommunenummer), e.g. 1833 for Rana";
    private static final String ORDER = "Options that meet the stated needs, the lowest effective care level first (home care, "
            + "short-term bed, rehabilitation bed, KAD, nursing home), then the soonest day within the next two weeks, stale "
            + "figures last; from the municipality's published receiving capacity (less places chosen since) and the free beds "
            + "of the pools it takes part in, within its quota. ";

    private final CareOptionsService options;
    private final Idempotency idempotency;
    private final Callers callers;

    CareOptionsResource(CareOptionsService options, Idempotency idempotency, Callers callers) {
        this.options = options;
        this.idempotency = idempotency;
        this.callers = callers;
    }

    @GET
    @Path("/options")
    @RolesAllowed({Roles.MUNICIPAL_INTAKE, Roles.INTEGRATION, Roles.ADMIN})
    @Operation(summary = "The work list with each patient's best options (tildeling: hvor kan pasienten reise)",
            description = "The work list as GET …/work-list pages it (longest waiting first), each patient with the options that fit. "
                    + ORDER + "An intake team sees its own municipality's list only. Every patient shown is audit-logged.")
    @APIResponse(responseCode = "200", description = "One page of the work list with options")
    @APIResponse(responseCode = "403", description = "Another municipality's work list, or not your role")
    public Page<WorkListOptions> workList(
            @PathParam("number") @Parameter(description = NUMBER) @Pattern(regexp = "[0-9]{4}", message = "must be 4 digits, e.g. 1833") String number,
            @QueryParam("status") @Parameter(description = "Only patients with this status", schema = @Schema(implementation = StayStatus.class))
            String status,
            @BeanParam @Valid PageRequest page) {
        return options.forWorkList(callers.current(), number, StayStatus.ofQuery(status), page);
    }

    @GET
    @Path("/{stayId}/options")
    @RolesAllowed({Roles.MUNICIPAL_INTAKE, Roles.INTEGRATION, Roles.ADMIN})
    @Operation(summary = "Where one patient can go (omsorgsnivå og ledig plass)",
            description = ORDER + "With the need as read from the stated needs. Audit-logged.")
    @APIResponse(responseCode = "200", description = "The patient's options",
            content = @Content(schema = @Schema(implementation = StayOptions.class)))
    @APIResponse(responseCode = "403", description = "Another municipality's work list, or not your role")
    @APIResponse(responseCode = "404", description = "No such patient on the municipality's work list")
    public StayOptions stay(
            @PathParam("number") @Parameter(description = NUMBER) @Pattern(regexp = "[0-9]{4}", message = "must be 4 digits, e.g. 1833") String number,
            @PathParam("stayId") @Parameter(description = "The patient's stay (opphold)") UUID stayId) {
        return options.forWorkListEntry(callers.current(), number, stayId);
    }

    @POST
    @Path("/{stayId}/options/choice")
    @Transactional
    @RolesAllowed({Roles.MUNICIPAL_INTAKE, Roles.INTEGRATION, Roles.ADMIN})
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Choose an option: answer the hospital that the municipality can receive the patient (§ 11, tildel plass)",
            description = "A bed-pool option gives a bed of the pool to the patient from the day until discharge (the first bed free "
                    + "from that day, by label, unless bedId names one), which is also the § 11 answer. A receiving-capacity option "
                    + "answers \"can receive\" from the day, offering the place; the place counts as taken until the municipality "
                    + "publishes again. Either way the hospital hears it as any answer. Only once the hospital has sent the "
                    + "discharge-ready notice, and until the municipality has answered it can receive. Idempotency-Key makes a "
                    + "retry harmless.")
    @APIResponse(responseCode = "201", description = "The choice and the answer",
            content = @Content(schema = @Schema(implementation = ChosenView.class)))
    @APIResponse(responseCode = "400", description = "A field missing for the source, or a day outside the two weeks searched")
    @APIResponse(responseCode = "403", description = "Another municipality's patient list, a pool the municipality does not take part "
            + "in, or not your role")
    @APIResponse(responseCode = "404", description = "No such patient on the work list, or no such pool or bed")
    @APIResponse(responseCode = "409", description = "The option is gone (no free place or bed, no quota left), its figures are stale, "
            + "it does not meet the stated needs, or the patient cannot be answered now")
    public Response choose(
            @PathParam("number") @Parameter(description = NUMBER) @Pattern(regexp = "[0-9]{4}", message = "must be 4 digits, e.g. 1833") String number,
            @PathParam("stayId") @Parameter(description = "The patient's stay (opphold)") UUID stayId,
            @Valid @NotNull ChooseOption command,
            @HeaderParam(Idempotency.HEADER) @Parameter(description = "Any unique value per intended choice (e.g. a UUID): a retry with "
                    + "the same key gets the first answer and changes nothing") String idempotencyKey) {
        Caller caller = callers.current();
        return idempotency.once(new Idempotency.Sender(caller.principal(), caller.tenantClaims()), idempotencyKey, command,
                () -> new Idempotency.Answer(201, options.choose(caller, number, stayId, command), null));
    }
}
