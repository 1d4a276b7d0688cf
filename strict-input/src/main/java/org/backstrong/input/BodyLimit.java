package org.backstrong.input;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * A body larger than {@code quarkus.http.limits.max-body-size} is answered with problem details
 * naming "body". Vert.x's own check (a route at order -2) ends such a request with a bare 413;
 * this route runs just before it, on the same Content-Length. A chunked body (no length) is read
 * here, up to the limit, and one that goes past it gets the same answer; the REST layer then takes
 * the body already read.
 */
@Singleton
public class BodyLimit {

    /** Before Quarkus's own body-size route (order -2). */
    static final int ORDER = -3;

    private static final String TYPE = "https://backstrong.org/problems/body-too-large";
    private static final String TITLE = "Payload too large";
    private static final String DETAIL = "body: is larger than this service takes";

    private final long limit;

    public BodyLimit(
            @ConfigProperty(name = "quarkus.http.limits.max-body-size", defaultValue = "10240K") MemorySize limit) {
        this.limit = limit.asLongValue();
    }

    public static Problem problem() {
        return Problem.of("body-too-large", TITLE, 413, DETAIL, "body");
    }

    void install(@Observes Router router) {
        String body = "{\"type\":\"" + TYPE + "\",\"title\":\"" + TITLE + "\",\"status\":413,\"detail\":\"" + DETAIL
                + "\",\"field\":\"body\"}";
        BodyHandler chunked = BodyHandler.create(false).setBodyLimit(limit);
        router.route().order(ORDER).handler(context -> {
            String length = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
            if (length != null && length.matches("\\d{1,18}") && Long.parseLong(length) > limit) {
                context.response()
                        .setStatusCode(413)
                        .putHeader(HttpHeaders.CONNECTION, "close")
                        .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                        .end(body);
                return;
            }
            if (length == null
                    && context.request().headers().contains(HttpHeaders.TRANSFER_ENCODING, "chunked", true)) {
                chunked.handle(context);
                return;
            }
            context.next();
        });
        router.route().order(ORDER).failureHandler(context -> {
            if (context.statusCode() == 413 && !context.response().headWritten()) {
                context.response()
                        .setStatusCode(413)
                        .putHeader(HttpHeaders.CONNECTION, "close")
                        .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                        .end(body);
                return;
            }
            context.next();
        });
    }
}
