package no.samhandling.discharge.statistics;

import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import no.samhandling.discharge.security.Callers;
import no.samhandling.discharge.security.Roles;
import no.samhandling.discharge.statistics.InterventionViews.InterventionEffect;
import no.samhandling.discharge.statistics.InterventionViews.InterventionView;
import no.samhandling.discharge.statistics.InterventionViews.RecordIntervention;
import no.samhandling.discharge.stay.ServiceArea;
import no.samhandling.discharge.web.Idempotency;
import no.samhandling.discharge.web.IfMatch;
import no.samhandling.discharge.web.Page;
import no.samhandling.discharge.web.PageRequest;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.UUID;

@Path("/interventions")
@Tag(name = "Interventions", description = "Measures (tiltak) a municipality or health partnership took against discharge-ready days, "
        + "and the figures before and after them")
@Produces(MediaType.APPLICATION_JSON)
public class InterventionResource {

    private static final String IF_MATCH = "The measure's version as last read: refused (409) if someone changed it since";

    private final InterventionService interventions;
    private final Idempotency idempotency;
    private final Callers callers;

    InterventionResource(InterventionService interventions, Idempotency idempotency, Callers callers) {
        this.interventions = interventions;
        this.idempotency = idempotency;
        this.callers = callers;
    }

    @POST
    @Transactional
    @RolesAllowed(Roles.ADMIN)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Record a measure (registrer tiltak) - administrators",
            description = "A municipality's or a health partnership's measure from a start date, e.g. 'Mottaksteam startet' in Rana from "
                    + "2022-01-01, so boards can compare the figures before and after it. The same municipality or partnership, title "
                    + "and start twice is 409. Audited.")
    @APIResponse(responseCode = "201", description = "The measure; its ETag is the version",
            content = @Content(schema = @Schema(implementation = InterventionView.class)))
    @APIResponse(responseCode = "400", description = "Neither or both of municipality and partnership, unknown ones, no title, a start "
            + "before 2012 or more than a year ahead")
    @APIResponse(responseCode = "409", description = "Already recorded, or the Idempotency-Key was used for another request")
    public Response create(@Valid @NotNull RecordIntervention command,
                           @HeaderParam(Idempotency.HEADER) @Parameter(description = "Any unique value per intended measure (e.g. a UUID): "
                                   + "a retry with the same key gets the first answer and records nothing more") String idempotencyKey,
                           UriInfo uri) {
        return idempotency.once(new Idempotency.Sender(callers.current().principal(), ""), idempotencyKey, command, () -> {
            InterventionView created = interventions.create(callers.current(), command);
            return new Idempotency.Answer(201, created, uri.getBaseUriBuilder().path("interventions").path(created.id().toString()).build());
        });
    }

    @GET
    @RolesAllowed({Roles.BOARD, Roles.ADMIN, Roles.INTEGRATION})
    @Operation(summary = "Measures (tiltak) of municipalities and partnerships - boards",
            description = "Latest start first. municipality= gives the municipality's own measures and its partnership's; "
                    + "healthPartnership= the partnership's own and its municipalities'. No personal data.")
    @APIResponse(responseCode = "400", description = "Unknown municipality or partnership")
    public Page<InterventionView> list(
            @QueryParam("municipality") @Parameter(description = "Municipality number (kommunenummer), a former one too") String municipality,
            @QueryParam("healthPartnership") @Parameter(description = "Health partnership id") String healthPartnership,
            @BeanParam @Valid PageRequest page) {
        return interventions.list(blankToNull(municipality), blankToNull(healthPartnership), page);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.BOARD, Roles.ADMIN, Roles.INTEGRATION})
    @Operation(summary = "One measure (tiltak)")
    @APIResponse(responseCode = "200", description = "The measure; its ETag is the version",
            content = @Content(schema = @Schema(implementation = InterventionView.class)))
    @APIResponse(responseCode = "404", description = "No such measure, or it was deleted")
    public Response get(@PathParam("id") UUID id) {
        InterventionView view = interventions.read(id);
        return Response.ok(view).tag(Long.toString(view.version())).build();
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed(Roles.ADMIN)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Correct a measure (rett tiltak) - administrators", description = "Replaces what was recorded. Audited.")
    @APIResponse(responseCode = "200", description = "The measure as it now stands",
            content = @Content(schema = @Schema(implementation = InterventionView.class)))
    @APIResponse(responseCode = "400", description = "As for recording one")
    @APIResponse(responseCode = "404", description = "No such measure, or it was deleted")
    @APIResponse(responseCode = "409", description = "Changed by someone else since the version in If-Match, or the same measure exists")
    public Response update(@PathParam("id") UUID id, @Valid @NotNull RecordIntervention command,
                           @HeaderParam("If-Match") @Parameter(description = IF_MATCH) String ifMatch) {
        InterventionView view = interventions.update(callers.current(), id, IfMatch.version(ifMatch), command);
        return Response.ok(view).tag(Long.toString(view.version())).build();
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Delete a measure (slett tiltak) - administrators",
            description = "It is no longer listed; who deleted it and when is kept. Deleting it again changes nothing. Audited.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", description = "No such measure")
    @APIResponse(responseCode = "409", description = "Changed by someone else since the version in If-Match")
    public Response delete(@PathParam("id") UUID id, @HeaderParam("If-Match") @Parameter(description = IF_MATCH) String ifMatch) {
        interventions.delete(callers.current(), id, IfMatch.version(ifMatch));
        return Response.noContent().build();
    }

    @GET
    @Path("/{id}/effect")
    @RolesAllowed({Roles.BOARD, Roles.ADMIN, Roles.INTEGRATION})
    @Operation(summary = "What changed after the measure (effekt av tiltak) - boards",
            description = "The figures of the measure's municipality or partnership for the months from its start date (after) and for as "
                    + "many days just before it (before): discharge-ready days and billable days per 1000 inhabitants (crude), "
                    + "discharge-ready days, billable days, patients, stays and days per stay, each with the change after − before, in "
                    + "per cent of before, and in a sentence ('Utskrivningsklare døgn per 1000 innbyggere: 49,5 → 20,4 (−59 %)'). An after "
                    + "period not over yet ends today (partial: true), and the before period is then as short. For board members "
                    + "counts are hidden as in the statistics (fewer than 5 patients, and what would give such a count away).")
    @APIResponse(responseCode = "200", description = "Before, after and the change",
            content = @Content(schema = @Schema(implementation = InterventionEffect.class)))
    @APIResponse(responseCode = "400", description = "months not 1 to 120")
    @APIResponse(responseCode = "404", description = "No such measure, or it was deleted")
    @APIResponse(responseCode = "409", description = "The measure starts after today: nothing to compare yet")
    public InterventionEffect effect(
            @PathParam("id") UUID id,
            @QueryParam("months") @Parameter(description = "Length of each period in months, 1 to 120 (default 12)") Integer months,
            @QueryParam("basis") @Parameter(description = "Paying (the bill, default) or residence municipality") Basis basis,
            @QueryParam("serviceArea") ServiceArea serviceArea) {
        boolean board = !callers.current().actsForAllTenants();
        return interventions.effect(id, months == null ? 12 : months, basis == null ? Basis.PAYING : basis, serviceArea, board);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
