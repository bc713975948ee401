package no.samhandling.discharge.statistics;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import no.samhandling.discharge.security.Roles;
import no.samhandling.discharge.statistics.StatisticsViews.DischargeReadyDayStatistics;
import no.samhandling.discharge.stay.ServiceArea;
import no.samhandling.discharge.time.OsloTime;
import no.samhandling.discharge.web.Problem;
import no.samhandling.discharge.web.ProblemException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

@Path("/statistics")
@Tag(name = "Statistics")
@RolesAllowed({Roles.BOARD, Roles.ADMIN, Roles.INTEGRATION})
public class StatisticsResource {

    static final String CSV = "text/csv";

    private final DischargeReadyDays statistics;
    private final StatisticsAnswers answers;
    private final SecurityIdentity identity;
    private final Clock clock;

    StatisticsResource(DischargeReadyDays statistics, StatisticsAnswers answers, SecurityIdentity identity, Clock clock) {
        this.statistics = statistics;
        this.answers = answers;
        this.identity = identity;
        this.clock = clock;
    }

    @GET
    @Path("/discharge-ready-days")
    @Produces({MediaType.APPLICATION_JSON, CSV})
    @Operation(summary = "Discharge-ready days, billable days and their cost per group and per 1000 inhabitants - boards",
            description = "Per municipality, health partnership, hospital trust (its catchment municipalities) or the whole region, on the "
                    + "paying or the residence municipality: discharge-ready days, billable days, stays and patients with discharge-ready "
                    + "days in the range, the billed amount (each billable day at its own year's daily rate; null with unknownRateYears "
                    + "where a rate is unknown), the crude rates per 1000 inhabitants (the denominator is stated in the answer), and the "
                    + "same for the previous range of the same length, with the change. A period still running counts up to today. "
                    + "Board members: a group's counts are suppressed (null, suppressed: true) when fewer than 5 patients had "
                    + "discharge-ready days in the range, and so is the group with the next fewest patients wherever a total would "
                    + "otherwise give a suppressed count away (a partnership minus its other members). A rate from fewer than 10 000 "
                    + "inhabitants or fewer than 20 stays is flagged unstableRate with the reason. No personal data. CSV (Accept: text/csv or format=csv): one row per group for a "
                    + "Norwegian spreadsheet: separator ';', decimal comma, UTF-8 with a byte order mark, header in Norwegian bokmål, "
                    + "suppressed cells as '< 5'.")
    @APIResponse(responseCode = "200", description = "The figures",
            content = {@Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DischargeReadyDayStatistics.class)),
                    @Content(mediaType = CSV, schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING))})
    @APIResponse(responseCode = "400", description = "Invalid range, grouping or partnership")
    public Response dischargeReadyDays(
            @QueryParam("groupBy") @Parameter(description = "Default municipality") GroupBy groupBy,
            @QueryParam("from") @Parameter(description = "First day (YYYY-MM-DD); default 1 January this year") String from,
            @QueryParam("to") @Parameter(description = "Last day, inclusive (YYYY-MM-DD); default today") String to,
            @QueryParam("basis") @Parameter(description = "Paying (the bill, default) or residence municipality (SAMDATA's basis)") Basis basis,
            @QueryParam("healthPartnership") @Parameter(description = "Only this partnership's municipalities (its id)") String healthPartnership,
            @QueryParam("serviceArea") ServiceArea serviceArea,
            @QueryParam("format") @Parameter(description = "csv gives the CSV whatever the Accept header says") Format format,
            @Context HttpHeaders headers) {
        LocalDate today = OsloTime.today(clock);
        List<Problem.FieldError> errors = new ArrayList<>();
        LocalDate start = date("from", from, today.withDayOfYear(1), errors);
        LocalDate end = date("to", to, today, errors);
        if (start != null && end != null) {
            if (end.isBefore(start)) {
                errors.add(new Problem.FieldError("to", "must not be before from"));
            } else if (end.isAfter(start.plusYears(20))) {
                errors.add(new Problem.FieldError("to", "the range may be at most 20 years"));
            }
        }
        String partnership = healthPartnership == null || healthPartnership.isBlank() ? null : healthPartnership.strip();
        if (partnership != null && !statistics.partnershipExists(partnership)) {
            errors.add(new Problem.FieldError("healthPartnership", "unknown health partnership (see GET /health-partnerships)"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        boolean suppress = !identity.hasRole(Roles.ADMIN) && !identity.hasRole(Roles.INTEGRATION);
        DischargeReadyDayStatistics answer = answers.answer(groupBy == null ? GroupBy.MUNICIPALITY : groupBy,
                basis == null ? Basis.PAYING : basis, start, end, partnership, serviceArea, suppress);
        if (format == Format.CSV || (format == null && prefersCsv(headers))) {
            return Response.ok(StatisticsCsv.of(answer).getBytes(StandardCharsets.UTF_8), CSV + "; charset=UTF-8")
                    .header("Content-Disposition", "attachment; filename=\"overliggerdogn-" + start + "-" + end + ".csv\"").build();
        }
        return Response.ok(answer, MediaType.APPLICATION_JSON_TYPE).build();
    }

    private static boolean prefersCsv(HttpHeaders headers) {
        for (MediaType type : headers.getAcceptableMediaTypes()) {
            if (type.isWildcardType()) {
                return false;
            }
            if (type.isCompatible(MediaType.valueOf(CSV))) {
                return true;
            }
            if (type.isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
                return false;
            }
        }
        return false;
    }

    private static LocalDate date(String field, String value, LocalDate otherwise, List<Problem.FieldError> errors) {
        if (value == null || value.isBlank()) {
            return otherwise;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            errors.add(new Problem.FieldError(field, "must be a date (YYYY-MM-DD)"));
            return null;
        }
    }
}
