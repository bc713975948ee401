package no.samhandling.discharge.reference;

import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import no.samhandling.discharge.reference.ReferenceViews.DailyRateChange;
import no.samhandling.discharge.reference.ReferenceViews.DailyRateList;
import no.samhandling.discharge.reference.ReferenceViews.DailyRateView;
import no.samhandling.discharge.security.Roles;
import no.samhandling.discharge.web.IfMatch;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/daily-rates")
@Tag(name = "Reference data")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class DailyRateResource {

    private final ReferenceDataService service;
    private final SecurityIdentity identity;

    DailyRateResource(ReferenceDataService service, SecurityIdentity identity) {
        this.service = service;
        this.identity = identity;
    }

    @GET
    @Operation(summary = "List daily rates (døgnpris) by year",
            description = "NOK the municipality pays the hospital per billable discharge-ready day, by calendar year, "
                    + "and the years since 2012 whose rate is not known yet.")
    public DailyRateList list() {
        return service.dailyRates();
    }

    @GET
    @Path("/{year}")
    @Operation(summary = "The daily rate (døgnpris) of one year")
    @APIResponse(responseCode = "200", description = "The rate; its ETag is the version to send in If-Match when correcting it",
            content = @Content(schema = @Schema(implementation = DailyRateView.class)))
    @APIResponse(responseCode = "404", description = "No rate entered for the year: costs for it are unknown")
    public Response get(@PathParam("year") int year) {
        DailyRateView rate = service.dailyRate(year);
        return Response.ok(rate).tag(new EntityTag(Long.toString(rate.version()))).build();
    }

    @PUT
    @Path("/{year}")
    @RolesAllowed(Roles.ADMIN)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Enter or correct a year's daily rate (døgnpris) - administrators",
            description = "From 2012 to next year. Send If-Match with the version you read to be sure nobody changed the rate in the meantime.")
    @APIResponse(responseCode = "200", description = "Rate corrected",
            content = @Content(schema = @Schema(implementation = DailyRateView.class)))
    @APIResponse(responseCode = "201", description = "Rate entered for a year that had none",
            content = @Content(schema = @Schema(implementation = DailyRateView.class)))
    @APIResponse(responseCode = "400", description = "Invalid rate or year")
    @APIResponse(responseCode = "409", description = "Someone else changed the rate in the meantime")
    public Response put(@PathParam("year") int year,
                        @HeaderParam("If-Match") @Parameter(description = "The version last read, e.g. \"0\"") String ifMatch,
                        DailyRateChange change,
                        UriInfo uri) {
        ReferenceDataService.Saved<DailyRateView> saved = service.saveDailyRate(year, change, IfMatch.version(ifMatch),
                identity.getPrincipal().getName());
        Response.ResponseBuilder response = saved.created()
                ? Response.created(uri.getRequestUri())
                : Response.ok();
        return response.entity(saved.view()).tag(new EntityTag(Long.toString(saved.view().version()))).build();
    }
}
