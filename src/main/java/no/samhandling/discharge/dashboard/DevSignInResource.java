package no.samhandling.discharge.dashboard;

import io.quarkus.arc.profile.IfBuildProfile;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.net.URI;

/**
 * DEV MODE AND TESTS ONLY: the page where a developer signs in to the dashboard as a board member or an
 * administrator, without Keycloak. Not built into the packaged service ({@code @IfBuildProfile}), and not in the
 * API contract.
 */
@Path("/dev")
@IfBuildProfile(anyOf = {"dev", "test"})
public class DevSignInResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance signIn(String error);
    }

    private final DevSignIn signIn;

    DevSignInResource(DevSignIn signIn) {
        this.signIn = signIn;
    }

    @GET
    @Path("/dashboard-sign-in")
    @Produces(MediaType.TEXT_HTML)
    @Operation(hidden = true)
    public TemplateInstance form() {
        return Templates.signIn(null);
    }

    @POST
    @Path("/dashboard-sign-in")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    @Operation(hidden = true)
    public Response signIn(@FormParam("role") String role) {
        if (role == null || !DevSignIn.ROLES.contains(role)) {
            return Response.status(400).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                    .entity(Templates.signIn("Velg en rolle: styremedlem eller administrator.").render()).build();
        }
        NewCookie cookie = new NewCookie.Builder(DevSignIn.COOKIE).value(signIn.tokenFor(role)).path("/").httpOnly(true)
                .sameSite(NewCookie.SameSite.STRICT).maxAge((int) DevSignIn.VALID_FOR.toSeconds()).build();
        return Response.seeOther(URI.create("/dashboard")).cookie(cookie).build();
    }

    @GET
    @Path("/dashboard-sign-out")
    @Operation(hidden = true)
    public Response signOut() {
        NewCookie expired = new NewCookie.Builder(DevSignIn.COOKIE).value("").path("/").httpOnly(true).maxAge(0).build();
        return Response.seeOther(URI.create(DevSignIn.SIGN_IN_PATH)).cookie(expired).build();
    }
}
