package no.samhandling.discharge.reference;

import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import no.samhandling.discharge.reference.ReferenceViews.MunicipalityChange;
import no.samhandling.discharge.reference.ReferenceViews.MunicipalityDetail;
import no.samhandling.discharge.reference.ReferenceViews.MunicipalitySummary;
import no.samhandling.discharge.reference.ReferenceViews.PopulationChange;
import no.samhandling.discharge.reference.ReferenceViews.PopulationYearView;
import no.samhandling.discharge.security.Callers;
import no.samhandling.discharge.security.Roles;
import no.samhandling.discharge.web.IfMatch;
import no.samhandling.discharge.web.Page;
import no.samhandling.discharge.web.PageRequest;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/municipalities")
@Tag(name = "Reference data", description = "Municipalities (kommuner), health partnerships (helsefellesskap), population and daily rates (døgnpris)")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class MunicipalityResource {

    private final ReferenceDataService service;
    private final ReferenceAdministration administration;
    private final Callers callers;
    private final SecurityIdentity identity;

    MunicipalityResource(ReferenceDataService service, ReferenceAdministration administration, Callers callers, SecurityIdentity identity) {
        this.service = service;
        this.administration = administration;
        this.callers = callers;
        this.identity = identity;
    }

    @GET
    @Operation(summary = "List municipalities (kommuner)",
            description = "The 80 municipalities of Nordland, Troms and Finnmark, sorted by municipality number. "
                    + "Filter by health partnership (helsefellesskap) or hospital trust (helseforetak).")
    public Page<MunicipalitySummary> list(
            @QueryParam("healthPartnership") @Parameter(description = "Health partnership id, e.g. helsefellesskapet-troms-og-ofoten") String healthPartnership,
            @QueryParam("hospitalTrust") @Parameter(description = "Hospital trust organisation number, e.g. 983974899 (UNN)") String hospitalTrust,
            @BeanParam @Valid PageRequest page) {
        return service.municipalities(healthPartnership, hospitalTrust, page);
    }

    @GET
    @Path("/{number}")
    @Operation(summary = "One municipality (kommune) with its population series",
            description = "By municipality number (kommunenummer); a former number (e.g. 5401 for Tromsø in 2020-2023) finds today's municipality.")
    @APIResponse(responseCode = "200", description = "The municipality")
    @APIResponse(responseCode = "404", description = "No such municipality")
    public MunicipalityDetail get(
            @PathParam("number") @Pattern(regexp = "[0-9]{4}", message = "must be 4 digits, e.g. 1833") String number) {
        return service.municipality(number);
    }

    @PUT
    @Path("/{number}")
    @RolesAllowed(Roles.ADMIN)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Enter or change a municipality (kommune) - administrators",
            description = "Its name, county (fylke), local hospital area (lokalsykehusområde), hospital trust (helseforetak) and "
                    + "health partnership (helsefellesskap); the trust and partnership must exist. The same entry twice changes "
                    + "nothing the second time. Population figures follow with PUT /municipalities/{number}/population/{year}. Audited.")
    @APIResponse(responseCode = "200", description = "Municipality changed (or unchanged: the same entry again)", content = @Content(schema = @Schema(implementation = MunicipalitySummary.class)))
    @APIResponse(responseCode = "201", description = "Municipality entered", content = @Content(schema = @Schema(implementation = MunicipalitySummary.class)))
    @APIResponse(responseCode = "400", description = "Invalid entry, or an unknown hospital trust or partnership")
    public Response put(
            @PathParam("number") @Pattern(regexp = "[0-9]{4}", message = "must be 4 digits, e.g. 1833") String number,
            MunicipalityChange change,
            UriInfo uri) {
        return PutAnswer.of(administration.saveMunicipality(callers.current(), number, change), uri);
    }

    @PUT
    @Path("/{number}/population/{year}")
    @RolesAllowed(Roles.ADMIN)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Enter or correct a year's population (innbyggertall) - administrators",
            description = "Inhabitants on 1 January of the year by age group. Every age group is required; the total is their sum. "
                    + "Send If-Match with the version you read to be sure nobody changed the figures in the meantime.")
    @APIResponse(responseCode = "200", description = "Figures corrected")
    @APIResponse(responseCode = "201", description = "Figures entered for a year that had none")
    @APIResponse(responseCode = "400", description = "Invalid figures")
    @APIResponse(responseCode = "404", description = "No such municipality")
    @APIResponse(responseCode = "409", description = "Someone else changed the figures in the meantime")
    public Response putPopulation(
            @PathParam("number") @Pattern(regexp = "[0-9]{4}", message = "must be 4 digits, e.g. 1833") String number,
            @PathParam("year") int year,
            @HeaderParam("If-Match") @Parameter(description = "The version last read, e.g. \"0\"") String ifMatch,
            PopulationChange change,
            UriInfo uri) {
        ReferenceDataService.Saved<PopulationYearView> saved = service.savePopulation(number, year, change,
                IfMatch.version(ifMatch), identity.getPrincipal().getName());
        Response.ResponseBuilder response = saved.created()
                ? Response.created(uri.getBaseUriBuilder().path("municipalities").path(saved.view().municipalityNumber()).build())
                : Response.ok();
        return response.entity(saved.view()).tag(new jakarta.ws.rs.core.EntityTag(Long.toString(saved.view().version()))).build();
    }
}
