package no.samhandling.discharge.web;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** The {@code page} and {@code size} query parameters every list takes. */
public class PageRequest {

    @QueryParam("page")
    @DefaultValue("0")
    @Min(0)
    @Parameter(description = "Page number, from 0")
    int page;

    @QueryParam("size")
    @DefaultValue("50")
    @Min(1)
    @Max(500)
    @Parameter(description = "Items per page, 1 to 500")
    int size;

    /** A page asked for in code rather than by query parameters. */
    public static PageRequest of(int page, int size) {
        PageRequest request = new PageRequest();
        request.page = page;
        request.size = size;
        return request;
    }

    public int page() {
        return page;
    }

    public int size() {
        return size;
    }
}
