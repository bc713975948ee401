package no.samhandling.discharge.reference;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/** The answer to an administrator's PUT: 201 with the entry's address when it created it, else 200. */
final class PutAnswer {

    private PutAnswer() {
    }

    static Response of(ReferenceDataService.Saved<?> saved, UriInfo uri) {
        Response.ResponseBuilder response = saved.created() ? Response.created(uri.getRequestUri()) : Response.ok();
        return response.entity(saved.view()).build();
    }
}
