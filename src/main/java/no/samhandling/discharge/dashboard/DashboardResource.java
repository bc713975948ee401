package no.samhandling.discharge.dashboard;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.inject.Instance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import no.samhandling.discharge.security.Roles;
import no.samhandling.discharge.statistics.Basis;
import no.samhandling.discharge.time.OsloTime;
import no.samhandling.discharge.web.Problem;
import no.samhandling.discharge.web.ProblemException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The board dashboard (styringsdashbord): discharge-ready days and their cost per municipality of a health
 * partnership, as pages for a browser. Signed in with the OIDC code flow in production (tenant {@code dashboard});
 * in dev mode and tests with {@link DevSignIn}.
 */
@Path("/dashboard")
@Tag(name = "Dashboard", description = "The board dashboard (styringsdashbord) in the browser: HTML pages and the CSV of what they "
        + "show; their errors are pages in Norwegian too")
@RolesAllowed({Roles.BOARD, Roles.ADMIN})
public class DashboardResource {

    private static final Logger LOG = Logger.getLogger(DashboardResource.class);
    static final String CSV = "text/csv";
    static final String PROBLEM_PAGE_TITLE = "Kan ikke vise dashbordet";

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance dashboard(DashboardPage page);

        static native TemplateInstance problem(String title, String detail, List<String> errors);
    }

    private final DashboardFigures figures;
    private final SecurityIdentity identity;
    private final Clock clock;
    private final Instance<DevSignIn> devSignIn;

    DashboardResource(DashboardFigures figures, SecurityIdentity identity, Clock clock, Instance<DevSignIn> devSignIn) {
        this.figures = figures;
        this.identity = identity;
        this.clock = clock;
        this.devSignIn = devSignIn;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "The board dashboard (styringsdashbord) in the browser - boards",
            description = "A page for health partnership boards (helsefellesskap) and their secretaries: pick a partnership or the whole "
                    + "region, a year, the basis (paying or residence municipality) and the rate (crude or age-standardised). Shows the "
                    + "municipalities sorted by discharge-ready days (overliggerdøgn) per 1000 inhabitants with the change from the "
                    + "previous period and a bar each, a monthly trend with interventions (tiltak) marked, billed and real costs in "
                    + "hospital and municipal beds, and the denominator and definitions. Counts of fewer than 5 patients show as '< 5' "
                    + "for board members. Norwegian bokmål, Norwegian number and date formats. Signed in with OIDC (Keycloak) in "
                    + "production; a bearer token works too.")
    @APIResponse(responseCode = "200", description = "The page", content = @Content(mediaType = MediaType.TEXT_HTML,
            schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING)))
    @APIResponse(responseCode = "400", description = "Unknown partnership or a year outside 2012 to this year")
    public TemplateInstance page(
            @QueryParam("healthPartnership") @Parameter(description = "A health partnership's id; empty for the whole region") String healthPartnership,
            @QueryParam("year") @Parameter(description = "Default this year (up to today)") Integer year,
            @QueryParam("basis") @Parameter(description = "Paying (the bill, default) or residence municipality (SAMDATA's)") Basis basis,
            @QueryParam("rate") @Parameter(description = "Crude (default) or age-standardised rate per 1000") Rate rate) {
        LocalDate today = OsloTime.today(clock);
        DashboardSelection selection = selection(healthPartnership, year, basis, rate, today);
        return Templates.dashboard(figures.page(selection, today, suppress(), signOutPath()));
    }

    @GET
    @Path("/table.csv")
    @Produces(CSV)
    @Operation(summary = "The dashboard's table as CSV (what is on the screen) - boards",
            description = "The municipalities of the dashboard's selection in the order shown, for a Norwegian spreadsheet: separator ';', "
                    + "decimal comma, UTF-8 with a byte order mark, header in Norwegian bokmål, hidden cells '< 5', unknown ones empty.")
    @APIResponse(responseCode = "200", description = "The table", content = @Content(mediaType = CSV,
            schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING)))
    @APIResponse(responseCode = "400", description = "Unknown partnership or a year outside 2012 to this year")
    public Response table(@QueryParam("healthPartnership") String healthPartnership, @QueryParam("year") Integer year,
                          @QueryParam("basis") Basis basis, @QueryParam("rate") Rate rate) {
        LocalDate today = OsloTime.today(clock);
        DashboardSelection selection = selection(healthPartnership, year, basis, rate, today);
        String csv = DashboardCsv.of(figures.municipalities(selection, today, suppress()), selection.rate(), selection.from(),
                selection.to(today));
        String scope = selection.wholeRegion() ? "helse-nord" : selection.healthPartnership();
        return Response.ok(csv.getBytes(StandardCharsets.UTF_8), CSV + "; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"overliggerdogn-" + scope + "-" + selection.year() + ".csv\"").build();
    }

    private DashboardSelection selection(String healthPartnership, Integer year, Basis basis, Rate rate, LocalDate today) {
        List<Problem.FieldError> errors = new ArrayList<>();
        int chosenYear = year == null ? today.getYear() : year;
        if (chosenYear < DashboardSelection.FIRST_YEAR || chosenYear > today.getYear()) {
            errors.add(new Problem.FieldError("year", "must be a year from " + DashboardSelection.FIRST_YEAR + " to " + today.getYear()));
        }
        String partnership = healthPartnership == null || healthPartnership.isBlank() ? null : healthPartnership.strip();
        if (partnership != null && !figures.partnershipExists(partnership)) {
            errors.add(new Problem.FieldError("healthPartnership", "unknown health partnership (see GET /health-partnerships)"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return new DashboardSelection(partnership, chosenYear, basis == null ? Basis.PAYING : basis, rate == null ? Rate.CRUDE : rate);
    }

    /** Board members see no count of fewer than 5 patients; administrators see them, as in the statistics API. */
    private boolean suppress() {
        return !identity.hasRole(Roles.ADMIN);
    }

    private String signOutPath() {
        return devSignIn.isResolvable() ? DevSignIn.SIGN_OUT_PATH : "/dashboard/sign-out";
    }

    @ServerExceptionMapper
    Response invalidSelection(ProblemException e) {
        List<String> errors = e.errors().stream().map(error -> fieldLabel(error.field()) + ": " + error.message()).toList();
        return html(e.type().status().getStatusCode(), Templates.problem(PROBLEM_PAGE_TITLE, "Valget kan ikke vises. Rett det og prøv igjen.",
                errors));
    }

    /** An unreadable query parameter (e.g. basis=foo), which JAX-RS wraps in a 404. */
    @ServerExceptionMapper
    Response unreadableParameter(NotFoundException e) {
        if (e.getCause() instanceof ProblemException invalid) {
            return invalidSelection(invalid);
        }
        return html(404, Templates.problem("Finnes ikke", "Det er ingenting på denne adressen.", List.of()));
    }

    /** Not signed in: to the dev sign-in where there is one; in production the OIDC code flow has redirected before this. */
    @ServerExceptionMapper
    Response notSignedIn(UnauthorizedException e) {
        if (devSignIn.isResolvable()) {
            return Response.seeOther(URI.create(DevSignIn.SIGN_IN_PATH)).build();
        }
        return html(401, Templates.problem("Logg inn", "Du er ikke logget inn. Åpne dashbordet på nytt for å logge inn.", List.of()));
    }

    @ServerExceptionMapper
    Response wrongRole(ForbiddenException e) {
        return html(403, Templates.problem("Ingen tilgang", "Dashbordet er for styremedlemmer i helsefellesskapene og administratorer. "
                + "Rollen din gir ikke tilgang.", List.of()));
    }

    /** The statistics could not be read (the database is away or failed): a page that says so, the cause in the log. */
    @ServerExceptionMapper
    Response statisticsUnavailable(IllegalStateException e) {
        String incident = UUID.randomUUID().toString();
        LOG.errorf(e, "Dashboard figures could not be read, incident %s", incident);
        return html(503, Templates.problem("Tallene kan ikke hentes nå", "Statistikken svarer ikke akkurat nå. Prøv igjen om litt; "
                + "oppgi hendelse " + incident + " hvis du kontakter brukerstøtte.", List.of()));
    }

    private static Response html(int status, TemplateInstance page) {
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).entity(page.render()).build();
    }

    private static String fieldLabel(String field) {
        return switch (field) {
            case "year" -> "År";
            case "healthPartnership" -> "Helsefellesskap";
            case "basis" -> "Grunnlag";
            case "rate" -> "Rate";
            default -> field;
        };
    }
}
