package marketsim.classroom;

import static marketsim.classroom.JsonApi.body;
import static marketsim.classroom.JsonApi.error;
import static marketsim.classroom.JsonApi.json;
import static marketsim.classroom.JsonApi.number;
import static marketsim.classroom.JsonApi.text;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.util.JavalinBindException;
import marketsim.core.LiveLever;
import marketsim.scenario.Scenario;
import marketsim.scenario.Story;

/**
 * The browser lesson's web server (Javalin on Jetty): the page and its assets from the jar (no CDN: a classroom
 * without internet works), the lesson's frames pushed to every watching page as server-sent events, and the
 * teacher's commands as small JSON posts. Only a request carrying the teacher's token (in the address the terminal
 * prints) moves anything; every other page watches. A bad request is answered with its reason (HTTP 400 or 403, JSON
 * {@code {"error": ...}}) and the server goes on.
 *
 * <pre>
 * GET  /                 the lesson page
 * GET  /api/lesson       the set-up frame (JSON), and whether the caller is the teacher
 * GET  /api/events       server-sent events: setup, tick, state
 * POST /api/control      {"action": "play"|"pause"|"step"|"reset"|"reset-levers", "nextSeed": bool, "speed": n}
 * POST /api/lever        {"lever": "take_rate", "firm": 0, "value": 0.3}
 * </pre>
 */
public final class LessonServer implements AutoCloseable {
    /** The header (or query parameter {@code teacher}) the teacher's page sends its token in. */
    public static final String TOKEN_HEADER = "X-Teacher";
    private static final String TOKEN_PARAM = "teacher";
    private static final int TOKEN_BYTES = 12;
    private static final String WEB = "/marketsim/classroom/web";
    private static final String UPLOT = "META-INF/maven/org.webjars.npm/uplot/pom.properties";
    private static final ObjectMapper JSON = JsonApi.JSON;

    private final Lesson lesson;
    private final String token;
    private final Set<Watcher> watchers = ConcurrentHashMap.newKeySet();
    private final Javalin app;
    private final String page;

    /**
     * Starts a lesson on {@code scenario} and serves it on {@code host}:{@code port} (0: any free port). Throws
     * {@link PortInUseException} when the port is taken.
     */
    public static LessonServer start(Scenario scenario, Story story, String host, int port) throws PortInUseException {
        return new LessonServer(publish -> new Lesson(scenario, story, publish), host, port);
    }

    /** Makes the lesson once the server knows where its frames go. */
    @FunctionalInterface
    interface LessonFactory {
        Lesson create(java.util.function.Consumer<Frames.Frame> publish);
    }

    /** The port asked for is in use by another program. */
    public static final class PortInUseException extends Exception {
        private static final long serialVersionUID = 1L;

        PortInUseException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    LessonServer(LessonFactory factory, String host, int port) throws PortInUseException {
        byte[] random = new byte[TOKEN_BYTES];
        new SecureRandom().nextBytes(random); // a secret, not part of the model: no seeded stream
        token = HexFormat.of().formatHex(random);
        page = page();
        lesson = factory.create(this::publish);
        app = JsonApi.server(WEB);
        app.get("/", ctx -> ctx.contentType("text/html; charset=utf-8").result(page));
        app.get("/api/lesson", ctx -> {
            ObjectNode root = (ObjectNode) JSON.readTree(lesson.current().json());
            root.put("teacher", isTeacher(ctx));
            json(ctx, HttpStatus.OK, root);
        });
        app.sse("/api/events", client -> {
            client.keepAlive();
            Watcher watcher = new Watcher(client, watchers::remove);
            client.onClose(watcher::close);
            lesson.join(first -> {
                watcher.send(first);
                watchers.add(watcher);
            });
        });
        app.post("/api/control", this::control);
        app.post("/api/lever", this::lever);
        JsonApi.answerErrors(app);
        try {
            app.start(host, port);
        } catch (JavalinBindException e) {
            lesson.close();
            app.stop();
            throw new PortInUseException("port " + port + " is already in use by another program", e);
        } catch (RuntimeException e) {
            lesson.close();
            app.stop();
            if (e.getCause() instanceof java.net.BindException || e.getCause() instanceof java.io.IOException) {
                throw new PortInUseException("cannot listen on " + host + ":" + port + ": " + e.getCause().getMessage(), e);
            }
            throw e;
        }
    }

    /** The port the server listens on. */
    public int port() {
        return app.port();
    }

    /** The teacher's token: the address with it moves the levers. */
    public String token() {
        return token;
    }

    public Lesson lesson() {
        return lesson;
    }

    /** Pages watching now. */
    public int watching() {
        return watchers.size();
    }

    @Override
    public void close() {
        lesson.close();
        watchers.forEach(Watcher::close);
        app.stop();
    }

    private void publish(Frames.Frame frame) {
        for (Watcher w : watchers) {
            w.send(frame);
        }
    }

    private boolean isTeacher(Context ctx) {
        String given = ctx.header(TOKEN_HEADER);
        if (given == null) {
            given = ctx.queryParam(TOKEN_PARAM);
        }
        return given != null && java.security.MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8),
                token.getBytes(StandardCharsets.UTF_8));
    }

    private void requireTeacher(Context ctx) {
        if (!isTeacher(ctx)) {
            throw new JsonApi.BadRequest(HttpStatus.FORBIDDEN, "only the teacher's page moves the lesson: this page watches");
        }
    }

    private void control(Context ctx) {
        requireTeacher(ctx);
        JsonNode body = body(ctx);
        String action = text(body, "action");
        switch (action) {
            case "play" -> lesson.play();
            case "pause" -> lesson.pause();
            case "step" -> lesson.step();
            case "reset" -> lesson.reset(body.path("nextSeed").asBoolean(false));
            case "reset-levers" -> lesson.resetLevers();
            case "speed" -> {
                double speed = number(body, "speed");
                if (!(speed >= Lesson.MIN_SPEED && speed <= Lesson.MAX_SPEED)) {
                    throw new JsonApi.BadRequest(HttpStatus.BAD_REQUEST, String.format(Locale.ROOT,
                            "speed must be between %s and %s weeks a second, got %s", Lesson.MIN_SPEED,
                            Lesson.MAX_SPEED, body.get("speed")));
                }
                lesson.speed(speed);
            }
            default -> throw new JsonApi.BadRequest(HttpStatus.BAD_REQUEST, "unknown action '" + action
                    + "': play, pause, step, speed, reset or reset-levers");
        }
        json(ctx, HttpStatus.OK, JSON.createObjectNode().put("ok", true));
    }

    private void lever(Context ctx) {
        requireTeacher(ctx);
        JsonNode body = body(ctx);
        String key = text(body, "lever");
        LiveLever lever = LiveLever.of(key);
        if (lever == null || !lever.inLessons()) {
            throw new JsonApi.BadRequest(HttpStatus.BAD_REQUEST, "no lever '" + key + "'");
        }
        int firm = 0;
        if (lever.perFirm()) {
            JsonNode f = body.get("firm");
            if (f == null || !f.canConvertToInt() || !f.isIntegralNumber()) {
                throw new JsonApi.BadRequest(HttpStatus.BAD_REQUEST, lever.label() + ": give the firm's index as \"firm\"");
            }
            firm = f.intValue();
        }
        String problem = lesson.move(lever, firm, number(body, "value"));
        if (problem != null) {
            throw new JsonApi.BadRequest(HttpStatus.BAD_REQUEST, problem);
        }
        json(ctx, HttpStatus.OK, JSON.createObjectNode().put("ok", true));
    }






    /** Where the server serves the charting library (uPlot) from the jar: its webjar's version in the path. */
    static String uplot() {
        try (InputStream version = LessonServer.class.getClassLoader().getResourceAsStream(UPLOT)) {
            if (version == null) {
                throw new IllegalStateException("the charting library (uPlot) is missing from the jar");
            }
            Properties p = new Properties();
            p.load(version);
            return uplot(p);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the charting library's version from the jar", e);
        }
    }

    private static String uplot(Properties webjar) {
        return "/webjars/uplot/" + webjar.getProperty("version") + "/dist";
    }

    /** The page, with the address of the charting library the jar serves. */
    private static String page() {
        try (InputStream in = LessonServer.class.getResourceAsStream(WEB + "/index.html");
             InputStream version = LessonServer.class.getClassLoader().getResourceAsStream(UPLOT)) {
            if (in == null || version == null) {
                throw new IllegalStateException("the lesson page is missing from the jar");
            }
            Properties p = new Properties();
            p.load(version);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("{{uplot}}", uplot(p));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the lesson page from the jar", e);
        }
    }

}
