package no.samhandling.discharge.stay;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import no.samhandling.discharge.security.Callers;
import no.samhandling.discharge.security.Roles;
import no.samhandling.discharge.stay.StayFigureStore.Recomputation;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The administrator's explicit recomputation of stored figures after a change of the counting rules' configuration. */
@Path("/stays/figures")
@Tag(name = "Stays")
@Produces(MediaType.APPLICATION_JSON)
public class StayFiguresResource {

    private final StayFigureStore figures;
    private final Callers callers;

    StayFiguresResource(StayFigureStore figures, Callers callers) {
        this.figures = figures;
        this.callers = callers;
    }

    @POST
    @Path("/recomputation")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Recompute stored figures by the counting rules configured now",
            description = "A stay's figures keep the counting rules they were made by (rulesVersion): a change of the configuration "
                    + "(e.g. discharge.stay.admission-notice-deadline) applies to new stays only, until an administrator recomputes. "
                    + "Every stay counted by other rules is recomputed from its corrected history; each is audited (recompute-figures).")
    public Recomputation recompute() {
        return figures.recompute(callers.current());
    }
}
