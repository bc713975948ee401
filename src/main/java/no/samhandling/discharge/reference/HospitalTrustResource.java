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
import no.samhandling.discharge.reference.ReferenceViews.HospitalTrustChange;
import no.samhandling.discharge.reference.ReferenceViews.HospitalTrustView;
import no.samhandling.discharge.security.Callers;
import no.samhandling.discharge.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/hospital-trusts")
@Tag(name = "Reference data")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class HospitalTrustResource {

    private final ReferenceAdministration administration;
    private final Callers callers;

    HospitalTrustResource(ReferenceAdministration administration, Callers callers) {
        this.administration = administration;
        this.callers = callers;
    }

    @GET
    @Path("/{organisationNumber}")
    @Operation(summary = "One hospital trust (helseforetak)")
    @APIResponse(responseCode = "200", description = "The hospital trust")
    @APIResponse(responseCode = "404", description = "No such hospital trust")
    public HospitalTrustView get(@PathParam("organisationNumber") String organisationNumber) {
        return administration.hospitalTrust(organisationNumber);
    }

    @PUT
    @Path("/{organisationNumber}")
    @RolesAllowed(Roles.ADMIN)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Enter or rename a hospital trust (helseforetak) - administrators",
            description = "By its organisation number (organisasjonsnummer). The same entry twice changes nothing the second time. Audited.")
    @APIResponse(responseCode = "200", description = "Hospital trust renamed (or unchanged: the same entry again)", content = @Content(schema = @Schema(implementation = HospitalTrustView.class)))
    @APIResponse(responseCode = "201", description = "Hospital trust entered", content = @Content(schema = @Schema(implementation = HospitalTrustView.class)))
    @APIResponse(responseCode = "400", description = "Invalid organisation number or name")
    @APIResponse(responseCode = "409", description = "Another hospital trust has this name")
    public Response put(@PathParam("organisationNumber") String organisationNumber, HospitalTrustChange change, UriInfo uri) {
        return PutAnswer.of(administration.saveHospitalTrust(callers.current(), organisationNumber, change), uri);
    }
}
