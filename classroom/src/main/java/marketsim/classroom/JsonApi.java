package marketsim.classroom;

import java.io.IOException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.staticfiles.Location;

/**
 * What the classroom's two web servers, the lesson's ({@link LessonServer}) and the game's ({@link GameServer}),
 * share: the server with its assets ({@link #server}) and a small JSON API: a request's JSON body and its fields, checked, and answers as JSON. A request that cannot be
 * done throws {@link BadRequest}; {@link #answerErrors} turns it (and anything unexpected) into
 * {@code {"error": ...}} with its status, and an unknown {@code /api/} address into a 404 of the same form, so a page
 * always has a reason to show and the server goes on.
 */
final class JsonApi {
    static final ObjectMapper JSON = new ObjectMapper();

    private JsonApi() {
    }

    /**
     * A classroom server, not started: its pages' assets served from the jar's {@code web} folder at
     * {@code /assets}, and the webjars (the charting library, uPlot) at {@code /webjars}; no banner on the terminal.
     */
    static Javalin server(String web) {
        return Javalin.create(config -> {
            config.showJavalinBanner = false;
            config.staticFiles.add(files -> {
                files.hostedPath = "/assets";
                files.directory = web;
                files.location = Location.CLASSPATH;
            });
            config.staticFiles.enableWebjars();
        });
    }

    /** A request that cannot be done, with its status and reason. */
    static final class BadRequest extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient HttpStatus status;

        BadRequest(HttpStatus status, String message) {
            super(message);
            this.status = status;
        }
    }

    /** Errors as JSON on {@code app}: a {@link BadRequest} with its status, anything else as a 500, unknown API 404s. */
    static void answerErrors(Javalin app) {
        app.exception(BadRequest.class, (e, ctx) -> error(ctx, e.status, e.getMessage()));
        app.exception(Exception.class, (e, ctx) -> error(ctx, HttpStatus.INTERNAL_SERVER_ERROR,
                "the server could not do that: " + e.getMessage()));
        app.error(HttpStatus.NOT_FOUND, ctx -> {
            if (ctx.path().startsWith("/api/")) {
                error(ctx, HttpStatus.NOT_FOUND, "no such request: " + ctx.method() + " " + ctx.path());
            }
        });
    }

    /** The request's body, which must be a JSON object. */
    static JsonNode body(Context ctx) {
        try {
            JsonNode body = JSON.readTree(ctx.body());
            if (body == null || !body.isObject()) {
                throw new BadRequest(HttpStatus.BAD_REQUEST, "the request must be a JSON object");
            }
            return body;
        } catch (IOException e) {
            throw new BadRequest(HttpStatus.BAD_REQUEST, "the request is not valid JSON");
        }
    }

    /** Field {@code key} of {@code body}, which must be text. */
    static String text(JsonNode body, String key) {
        JsonNode v = body.get(key);
        if (v == null || !v.isTextual()) {
            throw new BadRequest(HttpStatus.BAD_REQUEST, "give \"" + key + "\" as text");
        }
        return v.asText();
    }

    /** Field {@code key} of {@code body}, which must be a finite number. */
    static double number(JsonNode body, String key) {
        JsonNode v = body.get(key);
        if (v == null || !v.isNumber() || !Double.isFinite(v.asDouble())) {
            throw new BadRequest(HttpStatus.BAD_REQUEST, "give \"" + key + "\" as a number");
        }
        return v.asDouble();
    }

    static void json(Context ctx, HttpStatus status, JsonNode node) {
        ctx.status(status).contentType("application/json").result(node.toString());
    }

    static void error(Context ctx, HttpStatus status, String message) {
        json(ctx, status, JSON.createObjectNode().put("error", message));
    }
}
