package org.mandate.app.contract;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The document's frame: what the API is, how to log in (HTTP Basic now; a bearer scheme is declared for the OIDC
 * resource server to come), and the RFC 9457 problem every refusal answers with, added to each operation by the
 * statuses it can meet: 401 and 403 everywhere, 400 where it reads a body or parameters, 404 where the path names
 * something, 409 where it changes something.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    static final String BASIC = "basicAuth";
    static final String BEARER = "bearerAuth";
    private static final String PROBLEM = "application/problem+json";

    private static final Map<String, String> PROBLEMS = Map.of(
            "400", "Invalid input: the detail says which field and what is expected.",
            "401", "Not logged in: send HTTP Basic credentials.",
            "403", "Logged in, but your role or part in the request does not allow this.",
            "404", "Nothing with this id (or nothing you may see).",
            "409", "A conflict with the current state, e.g. a step decided already.",
            "413", "The file is larger than mandate.attachments.max-size (10 MB by default).",
            "415", "A kind of file not accepted, or content that is not what the file's name says; the detail lists "
                    + "the kinds accepted.");

    /** Refusals only some operations meet, beyond those every operation of their kind does. */
    private static final Map<String, List<String>> MORE_PROBLEMS = Map.of(
            "post /api/requests/{id}/attachments", List.of("413", "415"));

    @Bean
    OpenAPI mandateOpenApi() {
        return new OpenAPI()
                .info(new Info().title("Mandate API").version("v1")
                        .description("Delegated approvals on an event store. Every refusal is an RFC 9457 "
                                + "application/problem+json with a detail a person can act on. Events out "
                                + "(CloudEvents to RabbitMQ and webhooks) are described in docs/events-out.md.")
                        .license(new License().name("see the repository")))
                .servers(List.of(new Server().url("/").description("this Mandate node")))
                .components(new Components()
                        .addSecuritySchemes(BASIC, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")
                                .description("A person's user name and password (the demo school: password demo)."))
                        .addSecuritySchemes(BEARER, new SecurityScheme().type(SecurityScheme.Type.HTTP)
                                .scheme("bearer").bearerFormat("JWT")
                                .description("Not accepted yet: reserved for the OIDC resource server."))
                        .addSchemas("Problem", problemSchema()))
                .addSecurityItem(new SecurityRequirement().addList(BASIC));
    }

    /**
     * Operations whose success is not 200: springdoc cannot see the status inside a ResponseEntity. Kept here, not
     * as annotations on the controllers, so the contract's corrections sit in one place.
     */
    private static final Map<String, String> SUCCESS = Map.of(
            "post /api/requests", "201",
            "post /api/requests/{id}/comments", "201",
            "post /api/requests/{id}/attachments", "201",
            "post /api/mandates", "201",
            "post /api/processes", "201",
            "post /api/admin/webhooks", "201",
            "post /api/admin/projections/{name}/rebuild", "202",
            "post /api/admin/webhooks/{id}/deliveries/{deliveryId}/redelivery", "202");

    /** Examples of the bodies people send most. */
    private static final Map<String, Map<String, Object>> EXAMPLES = Map.of(
            "post /api/requests", Map.of("title", "Microscope", "category", "equipment", "amount", 1500,
                    "currency", "EUR", "description", "For the biology lab"),
            "post /api/requests/{id}/steps/{stepId}/decision", Map.of("outcome", "APPROVED",
                    "rationale", "The lab needs it"),
            "post /api/requests/{id}/comments", Map.of("text", "@ana is the tripod included?"),
            "post /api/mandates", Map.of("to", "liam", "categories", List.of("equipment"), "maxAmount", 2000,
                    "currency", "EUR", "validFrom", "2026-12-01T00:00:00Z", "validUntil", "2026-12-15T00:00:00Z",
                    "reason", "On leave"),
            "post /api/admin/webhooks", Map.of("url", "https://hooks.example.org/mandate",
                    "eventTypes", List.of("StepDecided", "RequestApproved", "RequestRejected")));

    @Bean
    OpenApiCustomizer problemResponses() {
        return openApi -> openApi.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, op) -> {
            String key = method.name().toLowerCase() + " " + path;
            correctSuccess(op, SUCCESS.get(key));
            Map<String, Object> example = EXAMPLES.get(key);
            if (example != null && op.getRequestBody() != null && op.getRequestBody().getContent() != null) {
                op.getRequestBody().getContent().values().forEach(media -> media.setExample(example));
            }
            addProblems(path, method, op);
            MORE_PROBLEMS.getOrDefault(key, List.of()).forEach(status ->
                    op.getResponses().addApiResponse(status, problem(status)));
        }));
    }

    private static void correctSuccess(Operation operation, String status) {
        if (status != null && operation.getResponses() != null && operation.getResponses().containsKey("200")) {
            ApiResponse success = operation.getResponses().remove("200");
            operation.getResponses().addApiResponse(status, success.description(status.equals("201") ? "Created"
                    : "Accepted"));
        }
    }

    private static void addProblems(String path, PathItem.HttpMethod method, Operation operation) {
        ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
        List<Parameter> parameters = operation.getParameters() == null ? List.of() : operation.getParameters();
        boolean readsInput = operation.getRequestBody() != null || !parameters.isEmpty();
        boolean namesSomething = path.contains("{");
        boolean changes = method != PathItem.HttpMethod.GET && method != PathItem.HttpMethod.HEAD;
        Map<String, Boolean> applies = new LinkedHashMap<>();
        applies.put("400", readsInput);
        applies.put("401", true);
        applies.put("403", true);
        applies.put("404", namesSomething);
        applies.put("409", changes);
        applies.forEach((status, applicable) -> {
            if (applicable && !responses.containsKey(status)) {
                responses.addApiResponse(status, problem(status));
            }
        });
        operation.setResponses(responses);
    }

    private static ApiResponse problem(String status) {
        Map<String, Object> example = new LinkedHashMap<>();
        example.put("type", "about:blank");
        example.put("title", switch (status) {
            case "400" -> "Bad Request";
            case "401" -> "Unauthorized";
            case "403" -> "Forbidden";
            case "404" -> "Not Found";
            case "413" -> "Payload Too Large";
            case "415" -> "Unsupported Media Type";
            default -> "Conflict";
        });
        example.put("status", Integer.parseInt(status));
        example.put("detail", PROBLEMS.get(status));
        return new ApiResponse().description(PROBLEMS.get(status)).content(new Content().addMediaType(PROBLEM,
                new MediaType().schema(new Schema<>().$ref("#/components/schemas/Problem")).example(example)));
    }

    private static Schema<?> problemSchema() {
        return new ObjectSchema().description("RFC 9457 problem details")
                .addProperty("type", new StringSchema().example("about:blank"))
                .addProperty("title", new StringSchema().example("Conflict"))
                .addProperty("status", new IntegerSchema().example(409))
                .addProperty("detail", new StringSchema().example("This step was decided already; reload the request."))
                .addProperty("instance", new StringSchema().example("/api/requests/3f1c.../steps/9a2b.../decision"));
    }
}
