package no.samhandling.discharge.reference;

import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import no.samhandling.discharge.reference.ReferenceViews.HealthPartnershipView;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

@Path("/health-partnerships")
@Tag(name = "Reference data")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class HealthPartnershipResource {

    private final ReferenceDataService service;

    HealthPartnershipResource(ReferenceDataService service) {
        this.service = service;
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
}
