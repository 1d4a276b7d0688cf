package org.backstrong.input;

import java.util.Map;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.headers.Header;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * Documents the error answers in /q/openapi: the ones every operation shares by how it is
 * declared (roles, path ids, inputs), and the problem-details body of every 4xx and 5xx, which a
 * service's exception mapper gives them all. Answers particular to one operation are declared on
 * its resource method; this fills in their body. Each service extends it with its own wording and
 * the headers its operations refer to, and registers it with {@code @OpenApiFilter}.
 */
public abstract class ProblemDocumentation implements OASFilter {

    static final String PROBLEM_SCHEMA = "Problem";

    private final String notFound;
    private final String fieldExample;

    /**
     * @param notFound what a 404 means for this service's ids
     * @param fieldExample a field this service's problems name, for the schema's description
     */
    protected ProblemDocumentation(String notFound, String fieldExample) {
        this.notFound = notFound;
        this.fieldExample = fieldExample;
    }

    /** The headers the service's resource methods refer to with {@code @Header(ref = ...)}. */
    protected abstract void addHeaders(Components components);

    /** A header component whose value is a string of the given format, or of none. */
    protected static Header stringHeader(String description, String format) {
        Schema schema = OASFactory.createSchema().addType(Schema.SchemaType.STRING);
        return OASFactory.createHeader()
                .description(description)
                .schema(format == null ? schema : schema.format(format));
    }

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        openAPI.getComponents().addSchema(PROBLEM_SCHEMA, problemSchema(fieldExample));
        addHeaders(openAPI.getComponents());
        openAPI.getPaths()
                .getPathItems()
                .forEach(
                        (path, item) -> item.getOperations().forEach((method, operation) -> document(path, operation)));
    }

    private void document(String path, Operation operation) {
        APIResponses responses = operation.getResponses();
        boolean secured =
                operation.getSecurity() != null && !operation.getSecurity().isEmpty();
        if (secured) {
            // Refused before the request reaches the service's code: no body, a Bearer challenge.
            responses.addAPIResponse(
                    "401",
                    OASFactory.createAPIResponse()
                            .description("No valid bearer token")
                            .addHeader(
                                    "WWW-Authenticate",
                                    OASFactory.createHeader()
                                            .description("Bearer, with the reason when a token was sent")
                                            .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING))));
            responses.addAPIResponse(
                    "403",
                    problem("The caller's roles do not allow this" + " (the role check answers without a body)"));
        }
        if (path.contains("{")) {
            putIfAbsent(responses, "404", notFound);
        }
        if (operation.getRequestBody() != null || hasCheckedParameter(operation)) {
            putIfAbsent(responses, "400", "Invalid input: `field` names the parameter or body field");
        }
        if (operation.getRequestBody() != null) {
            putIfAbsent(responses, "415", "The body is not application/json");
        }
        for (Map.Entry<String, APIResponse> response :
                responses.getAPIResponses().entrySet()) {
            if (response.getKey().matches("[45]\\d\\d")
                    && !"401".equals(response.getKey())
                    && response.getValue().getContent() == null) {
                response.getValue().content(problemContent());
            }
        }
    }

    /**
     * A query or header parameter, or a path parameter with a pattern: what the service checks and
     * answers 400 for. A path id it only looks up answers 404 when it is wrong, a UUID too (JAX-RS).
     */
    private static boolean hasCheckedParameter(Operation operation) {
        return operation.getParameters() != null
                && operation.getParameters().stream()
                        .anyMatch(parameter -> parameter.getIn() != Parameter.In.PATH
                                || (parameter.getSchema() != null
                                        && parameter.getSchema().getPattern() != null));
    }

    private static void putIfAbsent(APIResponses responses, String status, String description) {
        if (!responses.hasAPIResponse(status)) {
            responses.addAPIResponse(status, problem(description));
        }
    }

    private static APIResponse problem(String description) {
        return OASFactory.createAPIResponse().description(description).content(problemContent());
    }

    private static org.eclipse.microprofile.openapi.models.media.Content problemContent() {
        return OASFactory.createContent()
                .addMediaType(
                        Problem.MEDIA_TYPE,
                        OASFactory.createMediaType()
                                .schema(OASFactory.createSchema().ref(PROBLEM_SCHEMA)));
    }

    /** RFC 9457 problem details as {@link Problem} writes them. */
    private static Schema problemSchema(String fieldExample) {
        return OASFactory.createSchema()
                .addType(Schema.SchemaType.OBJECT)
                .description("RFC 9457 problem details")
                .addRequired("type")
                .addRequired("title")
                .addRequired("status")
                .addProperty(
                        "type",
                        OASFactory.createSchema()
                                .addType(Schema.SchemaType.STRING)
                                .format("uri")
                                .description(
                                        "Stable identifier of the kind of problem, e.g. https://backstrong.org/problems/invalid-input"))
                .addProperty(
                        "title",
                        OASFactory.createSchema()
                                .addType(Schema.SchemaType.STRING)
                                .description("Short human summary of the kind of problem"))
                .addProperty(
                        "status",
                        OASFactory.createSchema()
                                .addType(Schema.SchemaType.INTEGER)
                                .format("int32")
                                .description("The HTTP status code"))
                .addProperty(
                        "detail",
                        OASFactory.createSchema()
                                .addType(Schema.SchemaType.STRING)
                                .description("What was wrong with this request"))
                .addProperty(
                        "field",
                        OASFactory.createSchema()
                                .addType(Schema.SchemaType.STRING)
                                .description("The offending parameter, header or body field (e.g. " + fieldExample
                                        + "), when there is one"));
    }
}
