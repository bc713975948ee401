package no.samhandling.discharge.web;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Documents the error contract once for every operation: each 4xx/5xx answer is an RFC 9457
 * {@code application/problem+json} body, and every authenticated operation can answer 401 and 403.
 */
public class ProblemResponsesFilter implements OASFilter {

    private static final String PROBLEM_REF = "#/components/schemas/Problem";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        Schema problem = openAPI.getComponents().getSchemas().get("Problem");
        if (problem != null) {
            problem.setDescription(problem.getDescription() + "\n\nProblem types:\n" + Arrays.stream(ProblemType.values())
                    .map(t -> "- `" + t.type() + "` (" + t.status().getStatusCode() + "): " + t.title())
                    .collect(Collectors.joining("\n")));
        }
        if (openAPI.getPaths() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().values().forEach(item ->
                item.getOperations().values().forEach(ProblemResponsesFilter::addProblemResponses));
    }

    private static void addProblemResponses(Operation operation) {
        if (operation.getResponses() == null) {
            return;
        }
        if (operation.getSecurity() != null && !operation.getSecurity().isEmpty()) {
            addIfMissing(operation, "401", "No valid bearer token");
            addIfMissing(operation, "403", "The token's role does not give access");
        }
        addIfMissing(operation, "500", "Unexpected error, with an incident id to quote");
        Map<String, APIResponse> responses = operation.getResponses().getAPIResponses();
        responses.forEach((code, response) -> {
            if (code.startsWith("4") || code.startsWith("5")) {
                response.setContent(problemContent());
            }
        });
    }

    private static void addIfMissing(Operation operation, String code, String description) {
        if (!operation.getResponses().hasAPIResponse(code)) {
            operation.getResponses().addAPIResponse(code, OASFactory.createAPIResponse().description(description));
        }
    }

    private static Content problemContent() {
        return OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE,
                OASFactory.createMediaType().schema(OASFactory.createSchema().ref(PROBLEM_REF)));
    }
}
