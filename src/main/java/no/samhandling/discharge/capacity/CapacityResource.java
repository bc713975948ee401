package no.samhandling.discharge.capacity;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import no.samhandling.discharge.capacity.CapacityCommands.PublishCapacity;
import no.samhandling.discharge.capacity.CapacityViews.CapacityView;
import no.samhandling.discharge.capacity.CapacityViews.FigureView;
import no.samhandling.discharge.capacity.UtilisationViews.MunicipalUtilisationView;
import no.samhandling.discharge.security.Callers;
import no.samhandling.discharge.security.Roles;
import no.samhandling.discharge.web.Page;
import no.samhandling.discharge.web.PageRequest;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.LocalDate;

@Path("/municipalities/{number}/capacity")
@Tag(name = "Receiving capacity", description = "What a municipality can receive (mottakskapasitet): free places per care level "
        + "(omsorgsnivå) and day, published by the municipal intake team (tildelingskontoret)")
@Produces(MediaType.APPLICATION_JSON)
public class CapacityResource {

    private static final String NUMBER = "Municipality number (kommunenummer), e.g. 1833 for Rana";

    private final CapacityService capacity;
    private final UtilisationService utilisation;
    private final Callers callers;

    CapacityResource(CapacityService capacity, UtilisationService utilisation, Callers callers) {
        this.capacity = capacity;
        this.utilisation = utilisation;
        this.callers = callers;
    }

    @POST
    @RolesAllowed({Roles.MUNICIPAL_INTAKE, Roles.INTEGRATION, Roles.ADMIN})
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Publish free places (meld ledig kapasitet)",
            description = "Free places per care level from a day, optionally through a later day (at most 31 days). The figures "
                    + "replace what was shown for those days; earlier publications stay in the history. An intake team publishes "
                    + "for its own municipality only. Municipal systems may send a capacity-update message instead.")
    @APIResponse(responseCode = "201", description = "The municipality's capacity for the days published",
            content = @Content(schema = @Schema(implementation = CapacityView.class)))
    @APIResponse(responseCode = "400", description = "Figures that do not add up, a care level twice, or a range of days that is wrong")
    @APIResponse(responseCode = "404", description = "No such municipality")
    public Response publish(@PathParam("number") @Parameter(description = NUMBER)
                            @Pattern(regexp = "[0-9]{4}", message = "must be 4 digits, e.g. 1833") String number,
                            @Valid @NotNull PublishCapacity command, UriInfo uri) {
        CapacityView view = capacity.publish(callers.current(), number, command);
        return Response.created(uri.getBaseUriBuilder().path("municipalities").path(view.municipality()).path("capacity")
                .queryParam("from", view.from()).queryParam("through", view.through()).build()).entity(view).build();
    }

    @GET
    @RolesAllowed({Roles.MUNICIPAL_INTAKE, Roles.BOARD, Roles.INTEGRATION, Roles.ADMIN})
    @Operation(summary = "Current free places (ledig kapasitet)",
            description = "For each care level and day, the figures published last, who published them and when; figures older "
                    + "than the configured number of days are marked stale. Two weeks from today unless from and through say "
                    + "otherwise (at most 92 days). An intake team sees its own municipality; boards see every municipality.")
    @APIResponse(responseCode = "200", description = "The municipality's capacity",
            content = @Content(schema = @Schema(implementation = CapacityView.class)))
    @APIResponse(responseCode = "400", description = "A range of days that is wrong")
    @APIResponse(responseCode = "404", description = "No such municipality")
    public CapacityView current(@PathParam("number") @Parameter(description = NUMBER)
                                @Pattern(regexp = "[0-9]{4}", message = "must be 4 digits, e.g. 1833") String number,
                                @QueryParam("from") @Parameter(description = "First day, e.g. 2025-03-10 (default today)") LocalDate from,
                                @QueryParam("through") @Parameter(description = "Last day (default 13 days after from)") LocalDate through) {
        return capacity.current(callers.current(), number, from, through);
    }

    @GET
    @Path("/history")
    @RolesAllowed({Roles.MUNICIPAL_INTAKE, Roles.BOARD, Roles.INTEGRATION, Roles.ADMIN})
    @Operation(summary = "Every figure ever published (historikk)",
            description = "Newest publication first, each with who published it, when, and whether it is stale now.")
    @APIResponse(responseCode = "200", description = "The published figures")
    @APIResponse(responseCode = "400", description = "Unknown care level")
    @APIResponse(responseCode = "404", description = "No such municipality")
    public Page<FigureView> history(@PathParam("number") @Parameter(description = NUMBER)
                                    @Pattern(regexp = "[0-9]{4}", message = "must be 4 digits, e.g. 1833") String number,
                                    @QueryParam("careLevel") @Parameter(description = "Only this care level, e.g. short-term-bed") String careLevel,
                                    @QueryParam("date") @Parameter(description = "Only figures for this day") LocalDate date,
                                    @BeanParam @Valid PageRequest page) {
        return capacity.history(callers.current(), number, careLevel, date, page);
    }

    @GET
    @Path("/bed-pools")
    @RolesAllowed({Roles.MUNICIPAL_INTAKE, Roles.BOARD, Roles.INTEGRATION, Roles.ADMIN})
    @Operation(summary = "The municipality's use of bed pools (kommunens bruk av sengepooler)",
            description = "The bed pools it takes part in: their beds, occupied and free bed-days per day and for the period added up, "
                    + "with the occupancy in percent, and per pool the bed-days the municipality's patients had and its quotas with the "
                    + "bed-days booked and left. Two weeks from today unless from and through say otherwise (at most 92 days). Counts only, "
                    + "no personal data. An intake team sees its own municipality; boards see every municipality.")
    @APIResponse(responseCode = "200", description = "The municipality's use of bed pools",
            content = @Content(schema = @Schema(implementation = MunicipalUtilisationView.class)))
    @APIResponse(responseCode = "400", description = "A range of days that is wrong")
    @APIResponse(responseCode = "403", description = "Another municipality's intake team")
    @APIResponse(responseCode = "404", description = "No such municipality")
    public MunicipalUtilisationView bedPools(@PathParam("number") @Parameter(description = NUMBER)
                                             @Pattern(regexp = "[0-9]{4}", message = "must be 4 digits, e.g. 1833") String number,
                                             @QueryParam("from") @Parameter(description = "First day, e.g. 2025-03-01 (default today)") LocalDate from,
                                             @QueryParam("through") @Parameter(description = "Last day (default 13 days after from)") LocalDate through) {
        return utilisation.municipality(callers.current(), number, from, through);
    }
}
