package no.samhandling.discharge.stay;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import no.samhandling.discharge.security.Callers;
import no.samhandling.discharge.security.Roles;
import no.samhandling.discharge.stay.StayViews.WorkListEntry;
import no.samhandling.discharge.web.Page;
import no.samhandling.discharge.web.PageRequest;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/municipalities/{number}/work-list")
@Tag(name = "Municipal work list", description = "The municipality's discharge-ready and soon-ready patients (arbeidsliste for tildelingskontoret)")
@Produces(MediaType.APPLICATION_JSON)
public class MunicipalWorkListResource {

    private final StayService stays;
    private final Callers callers;

    MunicipalWorkListResource(StayService stays, Callers callers) {
        this.stays = stays;
        this.callers = callers;
    }

    @GET
    @RolesAllowed({Roles.MUNICIPAL_INTAKE, Roles.INTEGRATION, Roles.ADMIN})
    @Operation(summary = "The municipality's work list (arbeidsliste)",
            description = "Patients the municipality pays for who are discharge-ready (longest waiting first), and admitted patients "
                    + "expected to be discharged within a week, with needs, expected dates and days waiting. "
                    + "An intake team sees its own municipality's list only.")
    public Page<WorkListEntry> workList(
            @PathParam("number") @Pattern(regexp = "[0-9]{4}", message = "must be 4 digits, e.g. 1833") String number,
            @BeanParam @Valid PageRequest page) {
        return stays.workList(callers.current(), number, page);
    }
}
