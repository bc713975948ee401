package no.samhandling.discharge.reference;

import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import no.samhandling.discharge.reference.ReferenceViews.HealthPartnershipChange;
import no.samhandling.discharge.reference.ReferenceViews.HealthPartnershipView;
import no.samhandling.discharge.security.Callers;
import no.samhandling.discharge.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

@Path("/health-partnerships")
@Tag(name = "Reference data")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class HealthPartnershipResource {

    private final ReferenceDataService service;
    private final ReferenceAdministration administration;
    private final Callers callers;

    HealthPartnershipResource(ReferenceDataService service, ReferenceAdministration administration, Callers callers) {
        this.service = service;
        this.administration = administration;
        this.callers = callers;
    }

    @GET
    @Operation(summary = "List health partnerships (helsefellesskap) with their member municipalities",
            description = "Sorted by name. The four partnerships of Helse Nord: one per hospital trust's area.")
    public List<HealthPartnershipView> list() {
        return service.healthPartnerships();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One health partnership (helsefellesskap) with its member municipalities")
    @APIResponse(responseCode = "200", description = "The partnership")
    @APIResponse(responseCode = "404", description = "No such partnership")
    public HealthPartnershipView get(@PathParam("id") String id) {
        return service.healthPartnership(id);
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed(Roles.ADMIN)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Enter or rename a health partnership (helsefellesskap) - administrators",
            description = "Its id is lower-case words joined by '-'. Members join with PUT /municipalities/{number}. "
                    + "The same entry twice changes nothing the second time. Audited.")
    @APIResponse(responseCode = "200", description = "Partnership renamed (or unchanged: the same entry again)", content = @Content(schema = @Schema(implementation = HealthPartnershipView.class)))
    @APIResponse(responseCode = "201", description = "Partnership entered", content = @Content(schema = @Schema(implementation = HealthPartnershipView.class)))
    @APIResponse(responseCode = "400", description = "Invalid id or name")
    @APIResponse(responseCode = "409", description = "Another partnership has this name")
    public Response put(@PathParam("id") String id, HealthPartnershipChange change, UriInfo uri) {
        return PutAnswer.of(administration.savePartnership(callers.current(), id, change), uri);
    }
}
