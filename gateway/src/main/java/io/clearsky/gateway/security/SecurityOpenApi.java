package io.clearsky.gateway.security;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.List;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.http.HttpMethod;

/**
 * Says in the OpenAPI document how to sign in (the {@code bearer} and {@code apiKey} security schemes)
 * and, on every operation, who may call it, from the same {@link EndpointAccess} table the filter
 * chain enforces.
 */
final class SecurityOpenApi implements OpenApiCustomizer {

    static final String BEARER = "bearer";

    static final String API_KEY = "apiKey";

    private final SecurityMode mode;

    SecurityOpenApi(SecurityMode mode) {
        this.mode = mode;
    }

    @Override
    public void customise(OpenAPI openApi) {
        Components components = (openApi.getComponents() != null) ? openApi.getComponents() : new Components();
        components.addSecuritySchemes(BEARER, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                .bearerFormat("JWT").description("An OIDC access token from the configured issuer (Cognito, Entra ID, "
                        + "Keycloak, Okta, …); `Authorization: Bearer csk_…` with an API key works too."));
        components.addSecuritySchemes(API_KEY, new SecurityScheme().type(SecurityScheme.Type.APIKEY)
                .in(SecurityScheme.In.HEADER).name(CallerAuthentication.API_KEY_HEADER)
                .description("An API key `csk_…` for another system."));
        openApi.setComponents(components);
        if (openApi.getPaths() == null) {
            return;
        }
        openApi.getPaths().forEach((path, item) -> item.readOperationsMap()
                .forEach((method, operation) -> describe(path, HttpMethod.valueOf(method.name()), operation)));
        if (this.mode != SecurityMode.OIDC && openApi.getInfo() != null) {
            openApi.getInfo().setDescription(openApi.getInfo().getDescription() + " This instance runs in `"
                    + this.mode.label() + "` mode: no sign-in is asked.");
        }
    }

    private static void describe(String path, HttpMethod method, Operation operation) {
        Role role = EndpointAccess.roleFor(method, path);
        String who;
        if (role == null) {
            operation.setSecurity(List.of());
            who = "anyone, without signing in.";
        }
        else {
            operation.setSecurity(List.of(new SecurityRequirement().addList(BEARER), new SecurityRequirement().addList(API_KEY)));
            who = switch (role) {
                case ADMIN -> "administrators (groups in `CLEARSKY_ADMIN_GROUPS`); others get 403.";
                case ANALYST -> "analysts and administrators; others get 403.";
                case VIEWER -> "any signed-in caller (viewer, analyst or admin)"
                        + (path.startsWith("/api/chat") ? ", for their own sessions and queries only (another "
                                + "user's are 404; administrators may read any, audited)" : "")
                        + (path.equals("/api/chat/query") && method == HttpMethod.POST
                                ? "; `sql` (edited SQL) needs the analyst role, else 403" : "") + ".";
            };
            operation.getResponses().computeIfAbsent("401", (code) -> new io.swagger.v3.oas.models.responses.ApiResponse()
                    .description("No credential, or an invalid one; see `WWW-Authenticate`"));
            if (path.startsWith("/api/")) {
                operation.getResponses().computeIfAbsent("429", (code) -> new io.swagger.v3.oas.models.responses.ApiResponse()
                        .description("Over the caller's request rate or in-flight question cap; see `Retry-After`"));
            }
        }
        String description = operation.getDescription();
        operation.setDescription(((description != null && !description.isBlank()) ? description + "\n\n" : "")
                + "**Who may call:** " + who);
    }

}
