package no.samhandling.discharge.statistics;

import jakarta.ws.rs.QueryParam;
import no.samhandling.discharge.stay.ServiceArea;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** The query parameters every statistics answer takes: how to group, on which municipality, which ones, and the standard population. */
public class StatisticsScope {

    @QueryParam("groupBy")
    @Parameter(description = "Default municipality")
    GroupBy groupBy;

    @QueryParam("basis")
    @Parameter(description = "Paying (the bill, default) or residence municipality (SAMDATA's basis)")
    Basis basis;

    @QueryParam("healthPartnership")
    @Parameter(description = "Only this partnership's municipalities (its id)")
    String healthPartnership;

    @QueryParam("serviceArea")
    @Parameter(description = "Only this service area (somatikk, psykisk helsevern, TSB)")
    ServiceArea serviceArea;

    @QueryParam("standardPopulationYear")
    @Parameter(description = "The standard population of the age-standardised rates: the region's inhabitants on 1 January of this "
            + "year; default the latest year with figures for every municipality")
    Integer standardPopulationYear;

    GroupBy groupBy() {
        return groupBy == null ? GroupBy.MUNICIPALITY : groupBy;
    }

    Basis basis() {
        return basis == null ? Basis.PAYING : basis;
    }
}
