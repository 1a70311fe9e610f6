package io.llmgateway.gateway.api;

import static org.springframework.web.reactive.function.server.RequestPredicates.GET;
import static org.springframework.web.reactive.function.server.RequestPredicates.POST;
import static org.springframework.web.reactive.function.server.RequestPredicates.path;

import io.llmgateway.adapter.error.ErrorKind;
import io.llmgateway.adapter.error.GatewayException;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/** The OpenAI-compatible surface under {@code /v1}. Anything else under {@code /v1} is an OpenAI-format 404/405. */
public final class OpenAiRoutes {

    private OpenAiRoutes() {
    }

    public static RouterFunction<ServerResponse> routes(OpenAiHandler inference, ModelsHandler models) {
        return RouterFunctions.route()
                .route(POST("/v1/chat/completions"), inference::chat)
                .route(POST("/v1/completions"), inference::completions)
                .route(POST("/v1/embeddings"), inference::embeddings)
                .route(GET("/v1/models"), models::list)
                .route(GET("/v1/models/{*id}"), r -> models.get(r))
                .route(path("/v1/chat/completions").or(path("/v1/completions")).or(path("/v1/embeddings")),
                        r -> ErrorResponses.of(GatewayException.of(ErrorKind.METHOD_NOT_ALLOWED,
                                "Method " + r.method().name() + " is not allowed on " + r.path() + "; use POST.")))
                .route(path("/v1/**"), r -> ErrorResponses.of(GatewayException.of(ErrorKind.NOT_FOUND,
                        "Unknown request URL: " + r.method().name() + " " + OpenAiHandler.truncate(r.path()) + ".")))
                .build();
    }
}
