package marketsim.classroom;

import static marketsim.classroom.JsonApi.body;
import static marketsim.classroom.JsonApi.error;
import static marketsim.classroom.JsonApi.json;
import static marketsim.classroom.JsonApi.text;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.util.JavalinBindException;

/**
 * A game's web server (Javalin on Jetty, like the lesson's): the teams' phone page, the teacher's projected page and
 * a small JSON API the pages poll. A team joins and gets its seat's token; its page acts only for that seat. The
 * teacher's controls need the teacher's token. Once the teacher starts the game (or every seat is taken), a round
 * runs when every team that joined has submitted; and whenever the teacher's deadline passes or the teacher runs it. A refused request is answered with its reason (HTTP 400,
 * 403 or 409, JSON {@code {"error": ...}}) for the phone to show.
 *
 * <pre>
 * GET  /                 the team's page (join, decide, results)
 * GET  /teacher          the teacher's page (?teacher=TOKEN)
 * GET  /join-qr.svg      the join address as a QR code (SVG), for the teacher's page
 * GET  /api/game         the game: round, deadline, seats and teams, leaderboard, each seat's figures by round
 * POST /api/join         {"team": "Lions", "seat": 2}            (seat optional: the first free one)
 * GET  /api/seat         the seat's levers, fees and results     (header X-Seat: its token)
 * POST /api/decide       {"seat": 2, "round": 3, "values": {"markup": 0.5}}   (X-Seat)
 * POST /api/teacher      {"action": "start" | "run" | "deadline" | "cancel-deadline" | "open-platform" | "debrief",
 *                         "seconds": 90,
 *                         "replications": 20}   (X-Teacher)
 * GET  /api/debrief      the debrief's progress and, once done, its result
 * GET  /api/market       the taste circle as of the last round (the lesson's market view, for the teacher's page)
 * </pre>
 */
public final class GameServer implements AutoCloseable {
    public static final String SEAT_HEADER = "X-Seat";
    public static final String TEACHER_HEADER = LessonServer.TOKEN_HEADER;
    /** The longest deadline the teacher may set: an hour. */
    public static final int MAX_DEADLINE_SECONDS = 3600;
    private static final String WEB = "/marketsim/classroom/web";
    /** Replications a debrief may ask for: at least two for an interval, at most a few minutes' work. */
    public static final int MIN_REPLICATIONS = 2;
    public static final int MAX_REPLICATIONS = 200;
    /** The debrief's result in the game's folder. */
    public static final String DEBRIEF_FILE = "debrief.json";
    private static final ObjectMapper JSON = JsonApi.JSON;

    private final Game game;
    private final GameTeams teams;
    private final GameViews views;
    private final Javalin app;
    private final ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "game-clock");
        t.setDaemon(true);
        return t;
    });
    private ScheduledFuture<?> deadline;
    /**
     * Whether rounds run by themselves once every team that joined has submitted: from when the teacher starts the
     * game, or every seat is taken (before, the first team to submit would run round 1 alone while others join).
     */
    private volatile boolean started;
    private long deadlineAt;
    /** The debrief's background job: its runs done and to do, and its result once done. */
    private final java.util.concurrent.ExecutorService debriefs = Executors.newFixedThreadPool(
            Math.max(1, Runtime.getRuntime().availableProcessors()), r -> {
                Thread t = new Thread(r, "game-debrief");
                t.setDaemon(true);
                return t;
            });
    private final java.util.concurrent.atomic.AtomicBoolean debriefing = new java.util.concurrent.atomic.AtomicBoolean();
    private volatile int debriefDone;
    private volatile int debriefOf;
    private volatile ObjectNode debrief;
    private volatile String debriefFailure;
    /** Set once the server knows its port: the address the class joins at. */
    private volatile String joinAddress = "";

    /** Serves {@code game} on {@code host}:{@code port} (0: any free port). */
    public static GameServer start(Game game, String host, int port) throws LessonServer.PortInUseException,
            IOException {
        return new GameServer(game, host, port);
    }

    private GameServer(Game game, String host, int port) throws LessonServer.PortInUseException, IOException {
        this.game = game;
        this.teams = new GameTeams(game.folder(), game.seats().size() + 1); // room for the platform's, if opened
        this.views = new GameViews(game, teams);
        this.started = game.roundsDone() > 0;
        String teamPage = page("team.html");
        String teacherPage = page("teacher.html").replace("{{uplot}}", LessonServer.uplot());
        app = JsonApi.server(WEB);
        app.get("/", ctx -> ctx.contentType("text/html; charset=utf-8").result(teamPage));
        app.get("/teacher", ctx -> ctx.contentType("text/html; charset=utf-8").result(teacherPage));
        app.get("/api/game", ctx -> json(ctx, HttpStatus.OK, views.game(isTeacher(ctx), joinAddress, secondsLeft())
                .put("started", started || teams.free(game.seats().size()) < 0)));
        app.get("/join-qr.svg", ctx -> ctx.contentType("image/svg+xml; charset=utf-8")
                .header("Cache-Control", "no-cache").result(JoinQr.svg(joinAddress(ctx))));
        app.get("/api/market", ctx -> json(ctx, HttpStatus.OK, game.circle()));
        app.post("/api/join", this::join);
        app.get("/api/seat", ctx -> json(ctx, HttpStatus.OK, views.seat(seat(ctx))));
        app.post("/api/decide", this::decide);
        app.post("/api/teacher", this::teacher);
        app.get("/api/debrief", ctx -> {
            ObjectNode d = JSON.createObjectNode().put("running", debriefing.get()).put("done", debriefDone)
                    .put("of", debriefOf).put("failure", debriefFailure);
            if (debrief != null) {
                d.set("result", debrief);
            }
            json(ctx, HttpStatus.OK, d);
        });
        JsonApi.answerErrors(app);
        try {
            app.start(host, port);
        } catch (JavalinBindException e) {
            app.stop();
            throw new LessonServer.PortInUseException("port " + port + " is already in use by another program", e);
        } catch (RuntimeException e) {
            app.stop();
            if (e.getCause() instanceof java.net.BindException || e.getCause() instanceof IOException) {
                throw new LessonServer.PortInUseException("cannot listen on " + host + ":" + port + ": "
                        + e.getCause().getMessage(), e);
            }
            throw e;
        }
    }

    public int port() {
        return app.port();
    }

    /** The teacher's token: the teacher's page carries it. */
    public String teacherToken() {
        return teams.teacher();
    }

    /** The address the teacher's page shows for the class to join at. */
    public void joinAddress(String address) {
        joinAddress = address;
    }

    /** The address set by {@link #joinAddress(String)}, or else the one this request came in at. */
    private String joinAddress(Context ctx) {
        String given = joinAddress;
        if (!given.isEmpty()) {
            return given;
        }
        String host = ctx.host();
        return ctx.scheme() + "://" + (host != null ? host : "127.0.0.1:" + port()) + "/";
    }

    public Game game() {
        return game;
    }

    @Override
    public void close() {
        clock.shutdownNow();
        debriefs.shutdownNow();
        app.stop();
    }

    private void join(Context ctx) throws IOException {
        JsonNode body = body(ctx);
        String team = body.path("team").asText("").strip();
        if (team.isEmpty() || team.length() > GameTeams.MAX_NAME) {
            throw new JsonApi.BadRequest(HttpStatus.BAD_REQUEST, "give your team a name of 1 to " + GameTeams.MAX_NAME
                    + " characters");
        }
        int named = teams.seatNamed(team);
        if (named >= 0) { // two teams of one name would be one line twice on the leaderboard
            throw new JsonApi.BadRequest(HttpStatus.CONFLICT, "a team called " + teams.name(named) + " plays "
                    + game.seats().get(named).name() + " already: choose another name");
        }
        int seat = body.has("seat") && !body.get("seat").isNull() ? body.get("seat").asInt(-1) : teams.free(game.seats().size());
        if (seat < 0 || seat >= game.seats().size()) {
            throw new JsonApi.BadRequest(HttpStatus.CONFLICT, body.has("seat") ? "no seat " + body.get("seat")
                    : "every seat is taken: ask the teacher");
        }
        String token = teams.join(seat, team);
        if (token == null) {
            throw new JsonApi.BadRequest(HttpStatus.CONFLICT, game.seats().get(seat).name() + " is taken by "
                    + teams.name(seat) + ": pick another seat");
        }
        json(ctx, HttpStatus.OK, JSON.createObjectNode().put("seat", seat).put("token", token));
    }

    private void decide(Context ctx) {
        int seat = seat(ctx);
        JsonNode body = body(ctx);
        JsonNode asked = body.get("seat");
        if (asked != null && asked.asInt(-1) != seat) {
            throw new JsonApi.BadRequest(HttpStatus.FORBIDDEN, "this page acts for " + game.seats().get(seat).name()
                    + " only, not for seat " + asked);
        }
        JsonNode round = body.get("round");
        if (round == null || !round.canConvertToInt()) {
            throw new JsonApi.BadRequest(HttpStatus.BAD_REQUEST, "give the round the decisions are for as \"round\"");
        }
        Map<String, Double> values = new LinkedHashMap<>();
        JsonNode v = body.path("values");
        if (!v.isObject() || v.isEmpty()) {
            throw new JsonApi.BadRequest(HttpStatus.BAD_REQUEST, "give the decisions as \"values\": {\"markup\": 0.5, ...}");
        }
        v.fields().forEachRemaining(e -> values.put(e.getKey(), e.getValue().isNumber()
                && Double.isFinite(e.getValue().asDouble()) ? e.getValue().asDouble() : null));
        String problem = game.decide(seat, round.asInt(), values);
        if (problem != null) {
            HttpStatus status = problem.startsWith("round") || problem.startsWith("the game is over")
                    ? HttpStatus.CONFLICT : HttpStatus.BAD_REQUEST;
            throw new JsonApi.BadRequest(status, problem);
        }
        int open = game.roundsDone() + 1;
        if ((started || teams.free(game.seats().size()) < 0) && views.everyTeamSubmitted()) {
            clock.execute(() -> runRound(open)); // the phone hears "taken" at once; the round runs behind it
        }
        json(ctx, HttpStatus.OK, JSON.createObjectNode().put("ok", true).put("round", round.asInt()));
    }

    private void teacher(Context ctx) {
        if (!isTeacher(ctx)) {
            throw new JsonApi.BadRequest(HttpStatus.FORBIDDEN, "only the teacher's page runs the game");
        }
        JsonNode body = body(ctx);
        String action = body.path("action").asText("");
        int open = game.roundsDone() + 1;
        switch (action) {
            case "start" -> {
                started = true;
                if (views.everyTeamSubmitted()) {
                    clock.execute(() -> runRound(open));
                }
            }
            case "run" -> {
                started = true;
                clock.execute(() -> runRound(open));
            }
            case "deadline" -> {
                int seconds = body.path("seconds").asInt(-1);
                if (seconds < 1 || seconds > MAX_DEADLINE_SECONDS) {
                    throw new JsonApi.BadRequest(HttpStatus.BAD_REQUEST, "seconds must be 1 to " + MAX_DEADLINE_SECONDS);
                }
                started = true;
                clock.execute(() -> setDeadline(open, seconds));
            }
            case "cancel-deadline" -> clock.execute(this::cancelDeadline);
            case "open-platform" -> {
                String problem = game.openPlatformSeat();
                if (problem != null) {
                    throw new JsonApi.BadRequest(HttpStatus.CONFLICT, problem);
                }
            }
            case "debrief" -> {
                int n = body.path("replications").asInt(-1);
                if (n < MIN_REPLICATIONS || n > MAX_REPLICATIONS) {
                    throw new JsonApi.BadRequest(HttpStatus.BAD_REQUEST, "replications must be " + MIN_REPLICATIONS + " to "
                            + MAX_REPLICATIONS);
                }
                if (game.roundsDone() == 0) {
                    throw new JsonApi.BadRequest(HttpStatus.CONFLICT, "no round has run yet: nothing to debrief");
                }
                if (!debriefing.compareAndSet(false, true)) {
                    throw new JsonApi.BadRequest(HttpStatus.CONFLICT, "a debrief is running: wait for it");
                }
                startDebrief(n);
            }
            default -> throw new JsonApi.BadRequest(HttpStatus.BAD_REQUEST, "unknown action '" + action
                    + "': start, run, deadline, cancel-deadline, open-platform or debrief");
        }
        json(ctx, HttpStatus.OK, JSON.createObjectNode().put("ok", true));
    }

    /** Runs the debrief in the background; its result goes to the pages and the game's folder. */
    private void startDebrief(int n) {
        debriefDone = 0;
        debriefOf = n * (1 + game.seats().size());
        debriefFailure = null;
        Thread job = new Thread(() -> {
            try {
                ObjectNode result = Debrief.run(game, Journal.entries(game.folder()), n, debriefs,
                        done -> debriefDone = done);
                java.nio.file.Files.writeString(game.folder().resolve(DEBRIEF_FILE), result.toPrettyString());
                debrief = result;
            } catch (Exception e) {
                debriefFailure = "the debrief failed: " + e;
            } finally {
                debriefing.set(false);
            }
        }, "game-debrief-job");
        job.setDaemon(true);
        job.start();
    }

    /** On the clock's thread. */
    private void setDeadline(int round, int seconds) {
        cancelDeadline();
        deadlineAt = System.currentTimeMillis() + TimeUnit.SECONDS.toMillis(seconds);
        deadline = clock.schedule(() -> runRound(round), seconds, TimeUnit.SECONDS);
    }

    private void cancelDeadline() {
        if (deadline != null) {
            deadline.cancel(false);
            deadline = null;
        }
        deadlineAt = 0;
    }

    /** On the clock's thread: runs round {@code round} if it is still open; the deadline goes with it. */
    private void runRound(int round) {
        if (game.run(round)) {
            cancelDeadline();
        }
    }

    /** Seconds to the teacher's deadline, or -1 without one. */
    private long secondsLeft() {
        long at = deadlineAt;
        return at == 0 ? -1 : Math.max(0, (at - System.currentTimeMillis() + 999) / 1000);
    }

    private int seat(Context ctx) {
        int seat = teams.seatOf(ctx.header(SEAT_HEADER));
        if (seat < 0) {
            throw new JsonApi.BadRequest(HttpStatus.FORBIDDEN, "this page has no seat (or the server does not know its "
                    + "token): join again");
        }
        return seat;
    }

    private boolean isTeacher(Context ctx) {
        String given = ctx.header(TEACHER_HEADER);
        return teams.isTeacher(given != null ? given : ctx.queryParam("teacher"));
    }




    private static String page(String name) {
        try (InputStream in = GameServer.class.getResourceAsStream(WEB + "/" + name)) {
            if (in == null) {
                throw new IllegalStateException("the game's page " + name + " is missing from the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the game's page " + name, e);
        }
    }

}
