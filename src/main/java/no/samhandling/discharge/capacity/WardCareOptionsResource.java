package no.samhandling.discharge.capacity;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import no.samhandling.discharge.capacity.CareOptionViews.StayOptions;
import no.samhandling.discharge.security.Callers;
import no.samhandling.discharge.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.UUID;

@Path("/stays/{id}/care-options")
@Tag(name = "Matching")
@Produces(MediaType.APPLICATION_JSON)
public class WardCareOptionsResource {

    private final CareOptionsService options;
    private final Callers callers;

    WardCareOptionsResource(CareOptionsService options, Callers callers) {
        this.options = options;
        this.callers = callers;
    }

    @GET
    @RolesAllowed({Roles.WARD, Roles.INTEGRATION, Roles.ADMIN})
    @Operation(summary = "Where capacity exists for the ward's patient (ledig kapasitet for pasienten)",
            description = "For a stay of the ward's own hospital: the care levels, days, pools and free places of the patient's "
                    + "paying municipality that meet the stated needs, the lowest effective care level first (BEON), then the "
                    + "soonest day within the next two weeks, stale figures last. Counts only: no other patient's data. The "
                    + "municipality decides and answers. Audit-logged.")
    @APIResponse(responseCode = "200", description = "The patient's options",
            content = @Content(schema = @Schema(implementation = StayOptions.class)))
    @APIResponse(responseCode = "403", description = "Not a ward (an intake team has its work list's options)")
    @APIResponse(responseCode = "404", description = "No such stay visible to you")
    public StayOptions get(@PathParam("id") @Parameter(description = "The stay (opphold)") UUID id) {
        return options.forStay(callers.current(), id);
    }
}
