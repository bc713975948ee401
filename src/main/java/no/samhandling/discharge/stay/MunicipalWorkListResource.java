package no.samhandling.discharge.stay;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import no.samhandling.discharge.security.Callers;
import no.samhandling.discharge.security.Roles;
import no.samhandling.discharge.stay.StayViews.WorkListEntry;
import no.samhandling.discharge.web.Page;
import no.samhandling.discharge.web.PageRequest;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/municipalities/{number}/work-list")
@Tag(name = "Municipal work list", description = "The municipality's discharge-ready and soon-ready patients (arbeidsliste for tildelingskontoret)")
@Produces(MediaType.APPLICATION_JSON)
public class MunicipalWorkListResource {

    private final WorkList stays;
    private final Callers callers;

    MunicipalWorkListResource(WorkList stays, Callers callers) {
        this.stays = stays;
        this.callers = callers;
    }

    @GET
    @RolesAllowed({Roles.MUNICIPAL_INTAKE, Roles.INTEGRATION, Roles.ADMIN})
    @Operation(summary = "The municipality's work list (arbeidsliste)",
            description = "Patients the municipality pays for who are discharge-ready (longest waiting first), and admitted patients "
                    + "whose expected discharge date lies within discharge.stay.soon-ready-within-days (7) days from today, with needs, "
                    + "expected dates, days waiting, the current period's answer, billing and billed amount so far. "
                    + "An intake team sees its own municipality's list only.")
    public Page<WorkListEntry> workList(
            @PathParam("number") @Pattern(regexp = "[0-9]{4}", message = "must be 4 digits, e.g. 1833") String number,
            @QueryParam("status") @Parameter(description = "Only patients with this status",
                    schema = @Schema(implementation = StayStatus.class)) String status,
            @BeanParam @Valid PageRequest page) {
        return stays.workList(callers.current(), number, StayStatus.ofQuery(status), page);
    }
}
