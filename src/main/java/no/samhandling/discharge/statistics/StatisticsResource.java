package no.samhandling.discharge.statistics;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
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
    private final DischargeReadyDayTrend trend;
    private final SecurityIdentity identity;
    private final Clock clock;

    StatisticsResource(DischargeReadyDays statistics, StatisticsAnswers answers, DischargeReadyDayTrend trend, SecurityIdentity identity,
                       Clock clock) {
        this.statistics = statistics;
        this.answers = answers;
        this.trend = trend;
        this.identity = identity;
        this.clock = clock;
    }

    @GET
    @Path("/discharge-ready-days")
    @Produces({MediaType.APPLICATION_JSON, CSV})
    @Operation(summary = "Discharge-ready days, billable days and their cost per group and per 1000 inhabitants - boards",
            description = "Per municipality, health partnership, hospital trust (its catchment municipalities) or the whole region, on the "
                    + "paying or the residence municipality, for a year, quarter or month (period=) or any range (from, to): "
                    + "discharge-ready days (overliggerdøgn), billable days (betalingsdøgn), stays and patients with discharge-ready "
                    + "days in the range, mean days per stay, the billed amount (each billable day at its own year's daily rate, døgnpris; "
                    + "null with unknownRateYears where a rate is unknown), the real cost in hospital beds and in municipal beds side by "
                    + "side (realCost; the definition is in the answer), the rates per 1000 inhabitants, crude and directly "
                    + "age-standardised (the denominator and the standard population are stated in the answer), and the same for the "
                    + "previous range of the same length, with the change; with byServiceArea=true each group also per service area "
                    + "(somatikk, psykisk helsevern, TSB). A period still running counts up to today. "
                    + "Board members: a group's counts are suppressed (null, suppressed: true) when fewer than 5 patients had "
                    + "discharge-ready days in the range, and so is the group with the next fewest patients wherever a total would "
                    + "otherwise give a suppressed count away (a partnership minus its other members); the same within a group's service "
                    + "areas. That protects each range's table on its own: days add up over time, so a longer or overlapping "
                    + "range's days minus those shown for its parts can give a hidden count away. "
                    + "A rate from fewer than 10 000 inhabitants or fewer than 20 stays is flagged unstableRate with the reason. "
                    + "No personal data. CSV (Accept: text/csv or format=csv): one row per group for a "
                    + "Norwegian spreadsheet: separator ';', decimal comma, UTF-8 with a byte order mark, header in Norwegian bokmål, "
                    + "suppressed cells as '< 5'.")
    @APIResponse(responseCode = "200", description = "The figures",
            content = {@Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DischargeReadyDayStatistics.class)),
                    @Content(mediaType = CSV, schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING))})
    @APIResponse(responseCode = "400", description = "Invalid range, period, grouping, partnership or standard population year")
    public Response dischargeReadyDays(
            @BeanParam StatisticsScope scope,
            @QueryParam("period") @Parameter(description = "A whole year, quarter or month instead of from-to: with year= (default this "
                    + "year) and quarter= (1-4) or month= (1-12), default the one today lies in") Interval period,
            @QueryParam("year") @Parameter(description = "The year of period=") Integer year,
            @QueryParam("quarter") @Parameter(description = "The quarter (1-4) of period=quarter") Integer quarter,
            @QueryParam("month") @Parameter(description = "The month (1-12) of period=month") Integer month,
            @QueryParam("from") @Parameter(description = "First day (YYYY-MM-DD); default 1 January this year") String from,
            @QueryParam("to") @Parameter(description = "Last day, inclusive (YYYY-MM-DD); default today") String to,
            @QueryParam("byServiceArea") @Parameter(description = "Also each group's figures per service area (serviceAreas); default false")
            Boolean byServiceArea,
            @QueryParam("format") @Parameter(description = "csv gives the CSV whatever the Accept header says") Format format,
            @Context HttpHeaders headers) {
        LocalDate today = OsloTime.today(clock);
        List<Problem.FieldError> errors = new ArrayList<>();
        DateRange range = period == null ? range(from, to, today, errors) : period(period, year, quarter, month, from, to, today, errors);
        if (period == null) {
            refuseWithoutPeriod(errors, "year", year);
            refuseWithoutPeriod(errors, "quarter", quarter);
            refuseWithoutPeriod(errors, "month", month);
        }
        String partnership = partnership(scope.healthPartnership, errors);
        int standardYear = standardYear(scope.standardPopulationYear, errors);
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        DischargeReadyDayStatistics answer = answers.answer(new DischargeReadyDays.Query(scope.groupBy(), scope.basis(), range, period,
                partnership, scope.serviceArea, Boolean.TRUE.equals(byServiceArea), standardYear, suppress()));
        if (wantsCsv(format, headers)) {
            return csv(StatisticsCsv.of(answer), "overliggerdogn-" + range.from() + "-" + range.to() + ".csv");
        }
        return Response.ok(answer, MediaType.APPLICATION_JSON_TYPE).build();
    }

    @GET
    @Path("/discharge-ready-days/trend")
    @Produces({MediaType.APPLICATION_JSON, CSV})
    @Operation(summary = "Discharge-ready days per group month by month, quarter by quarter or year by year - boards",
            description = "A series per municipality, health partnership, hospital trust or the whole region: for each month, quarter or "
                    + "year from the one 'from' lies in through the one 'to' lies in, the discharge-ready days (overliggerdøgn), billable "
                    + "days (betalingsdøgn) and their rates per 1000 inhabitants, crude and directly age-standardised (denominator and "
                    + "standard population stated in the answer), on the paying or the residence municipality. The interval still "
                    + "running counts up to today. Board members: an interval of a group is suppressed (null, suppressed: true) exactly "
                    + "when the answer of /statistics/discharge-ready-days for the interval's range hides it (fewer than 5 patients, or "
                    + "hidden so that such a count cannot be worked out from a total). That protects each interval's table on its own, not "
                    + "the intervals against each other: days add up over time, so a year's days minus its shown months can give a "
                    + "hidden month's days away. No personal data. CSV (Accept: text/csv or format=csv): one row per group and "
                    + "interval for a Norwegian spreadsheet, as the table's CSV: separator ';', decimal comma, UTF-8 with a byte order "
                    + "mark, header in Norwegian bokmål, suppressed cells as '< 5'.")
    @APIResponse(responseCode = "200", description = "The series",
            content = {@Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = StatisticsViews.Trend.class)),
                    @Content(mediaType = CSV, schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING))})
    @APIResponse(responseCode = "400", description = "Invalid range, interval, grouping, partnership or standard population year")
    public Response trend(
            @BeanParam StatisticsScope scope,
            @QueryParam("interval") @Parameter(description = "Default month") Interval interval,
            @QueryParam("from") @Parameter(description = "A day in the first interval (YYYY-MM-DD); default 1 January this year") String from,
            @QueryParam("to") @Parameter(description = "A day in the last interval (YYYY-MM-DD); default today") String to,
            @QueryParam("format") @Parameter(description = "csv gives the CSV whatever the Accept header says") Format format,
            @Context HttpHeaders headers) {
        LocalDate today = OsloTime.today(clock);
        List<Problem.FieldError> errors = new ArrayList<>();
        DateRange range = range(from, to, today, errors);
        String partnership = partnership(scope.healthPartnership, errors);
        int standardYear = standardYear(scope.standardPopulationYear, errors);
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        StatisticsViews.Trend series = trend.query(new DischargeReadyDayTrend.Query(scope.groupBy(), scope.basis(),
                interval == null ? Interval.MONTH : interval, range, partnership, scope.serviceArea, standardYear, suppress()));
        if (wantsCsv(format, headers)) {
            return csv(TrendCsv.of(series), "overliggerdogn-utvikling-" + series.from() + "-" + series.to() + ".csv");
        }
        return Response.ok(series, MediaType.APPLICATION_JSON_TYPE).build();
    }

    private static boolean wantsCsv(Format format, HttpHeaders headers) {
        return format == Format.CSV || (format == null && prefersCsv(headers));
    }

    private static Response csv(String body, String fileName) {
        return Response.ok(body.getBytes(StandardCharsets.UTF_8), CSV + "; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"" + fileName + "\"").build();
    }

    private boolean suppress() {
        return !identity.hasRole(Roles.ADMIN) && !identity.hasRole(Roles.INTEGRATION);
    }

    private static DateRange range(String from, String to, LocalDate today, List<Problem.FieldError> errors) {
        LocalDate start = date("from", from, today.withDayOfYear(1), errors);
        LocalDate end = date("to", to, today, errors);
        if (start == null || end == null) {
            return null;
        }
        if (end.isBefore(start)) {
            errors.add(new Problem.FieldError("to", "must not be before from"));
        } else if (end.isAfter(start.plusYears(20))) {
            errors.add(new Problem.FieldError("to", "the range may be at most 20 years"));
        }
        return new DateRange(start, end);
    }

    private static DateRange period(Interval period, Integer year, Integer quarter, Integer month, String from, String to, LocalDate today,
                                    List<Problem.FieldError> errors) {
        if (from != null || to != null) {
            errors.add(new Problem.FieldError(from != null ? "from" : "to", "give either period= or from and to, not both"));
        }
        if (quarter != null && period != Interval.QUARTER) {
            errors.add(new Problem.FieldError("quarter", "only with period=quarter"));
        }
        if (month != null && period != Interval.MONTH) {
            errors.add(new Problem.FieldError("month", "only with period=month"));
        }
        int y = year == null ? today.getYear() : year;
        if (y < 2012 || y > today.getYear() + 1) {
            errors.add(new Problem.FieldError("year", "must be 2012 (the scheme's first year) to " + (today.getYear() + 1)));
            return null;
        }
        Integer number = period == Interval.QUARTER ? quarter : month;
        try {
            return period.of(y, number == null ? period.numberOf(today) : number);
        } catch (IllegalArgumentException e) {
            errors.add(new Problem.FieldError(period.code(), e.getMessage()));
            return null;
        }
    }

    private static void refuseWithoutPeriod(List<Problem.FieldError> errors, String field, Integer value) {
        if (value != null) {
            errors.add(new Problem.FieldError(field, "only with period= (year, quarter or month)"));
        }
    }

    private String partnership(String healthPartnership, List<Problem.FieldError> errors) {
        String partnership = healthPartnership == null || healthPartnership.isBlank() ? null : healthPartnership.strip();
        if (partnership != null && !statistics.partnershipExists(partnership)) {
            errors.add(new Problem.FieldError("healthPartnership", "unknown health partnership (see GET /health-partnerships)"));
        }
        return partnership;
    }

    private int standardYear(Integer asked, List<Problem.FieldError> errors) {
        List<Integer> complete = statistics.standardPopulationYears();
        var year = StatisticsReference.standardYear(complete, asked == null ? java.util.OptionalInt.empty() : java.util.OptionalInt.of(asked));
        if (year.isEmpty()) {
            errors.add(new Problem.FieldError("standardPopulationYear", complete.isEmpty()
                    ? "no year has population figures for every municipality: enter them (PUT /municipalities/{number}/population/{year})"
                    : "must be a year with population figures for every municipality: " + complete));
            return 0;
        }
        return year.get();
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
