package marketsim.classroom;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import marketsim.core.LiveLever;
import marketsim.core.MarketModel;
import marketsim.scenario.Scenario;
import marketsim.scenario.Story;

/**
 * One live lesson: one {@link MarketModel} on the server, stepped by its own thread at the speed the teacher sets,
 * with the levers a class moves ({@link LiveLever}, the classroom window's). Every command (play, pause, step,
 * speed, reset, a lever) runs on that thread, in the order received, so the model is never stepped and changed at
 * once. After each tick a {@link Frames frame} of what the page shows goes to {@code publish}.
 *
 * <p>A lever moved mid-run acts at the next tick and is remembered with the week it acts from, so the charts can
 * mark it. A reset reruns the scenario (with this seed or the next) from week 1 with the levers as they stand; a
 * reset of the levers puts them back as the scenario has them. The same seed and the same moves at the same weeks
 * give the same lesson.
 */
public final class Lesson implements AutoCloseable {
    /** Ticks per second a lesson starts at: two years of weeks in under a minute, slow enough to talk over. */
    public static final double DEFAULT_SPEED = 2;
    /** Slowest and fastest speeds the page offers, in ticks per second. */
    public static final double MIN_SPEED = 0.25;
    public static final double MAX_SPEED = 30;
    /** How long a request waits for the lesson's thread to take its command. */
    private static final long COMMAND_TIMEOUT_SECONDS = 30;

    /** A lever moved, on a firm (0 for the market's levers), and the week it acts from. */
    public record Change(LiveLever lever, int firm, double value, int week, String label) {
    }

    private record Setting(LiveLever lever, int firm) {
    }

    private final Scenario scenario;
    private final Story story;
    private final Consumer<Frames.Frame> publish;
    private final ScheduledExecutorService engine = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "lesson-engine");
        t.setDaemon(true);
        return t;
    });
    /** Levers moved and in force, set again on each reset; cleared by a reset of the levers. */
    private final Map<Setting, Double> moved = new LinkedHashMap<>();
    private final List<Change> changes = new ArrayList<>();
    private MarketModel model;
    private Frames frames;
    private long seed;
    private double speed = DEFAULT_SPEED;
    private boolean playing;
    private ScheduledFuture<?> ticking;
    /** What stopped the model, if it failed (shown on the page until a reset); null while all is well. */
    private String failure;

    /** A lesson on {@code scenario}, publishing each frame to {@code publish} (on the lesson's thread). */
    Lesson(Scenario scenario, Story story, Consumer<Frames.Frame> publish) {
        this.scenario = scenario;
        this.story = story;
        this.publish = publish;
        this.seed = scenario.seed();
        await(engine.submit(() -> restart(seed)));
    }

    public Scenario scenario() {
        return scenario;
    }

    public Story story() {
        return story;
    }

    /** Starts stepping at the current speed; no-op at the horizon. */
    public void play() {
        run(() -> {
            if (!finished() && failure == null) {
                playing = true;
                schedule();
                publishState();
            }
        });
    }

    public void pause() {
        run(() -> {
            playing = false;
            schedule();
            publishState();
        });
    }

    /** One tick, paused. */
    public void step() {
        run(() -> {
            playing = false;
            schedule();
            if (failure == null) {
                tick();
            }
        });
    }

    /** Ticks per second, within [{@link #MIN_SPEED}, {@link #MAX_SPEED}]. */
    public void speed(double ticksPerSecond) {
        run(() -> {
            speed = ticksPerSecond;
            schedule();
            publishState();
        });
    }

    /** The scenario again from week 1, with {@code nextSeed} the seed after this one, the levers as they stand. */
    public void reset(boolean nextSeed) {
        run(() -> {
            playing = false;
            schedule();
            restart(nextSeed ? seed + 1 : seed);
        });
    }

    /** The levers back as the scenario has them, and the scenario again from week 1 with this seed. */
    public void resetLevers() {
        run(() -> {
            moved.clear();
            playing = false;
            schedule();
            restart(seed);
        });
    }

    /**
     * Moves {@code lever} (of firm {@code firm} for a firm's own) to {@code value}: it acts from the next tick. Returns
     * why it cannot, or null when it was set.
     */
    public String move(LiveLever lever, int firm, double value) {
        String problem = lever.problem(scenario.config(), lever.perFirm() ? firm : 0, value);
        if (problem != null) {
            return problem;
        }
        int on = lever.perFirm() ? firm : 0;
        run(() -> {
            moved.remove(new Setting(lever, on)); // kept in the order last moved: a reset replays them in it
            moved.put(new Setting(lever, on), value);
            lever.setOn(model.controls(), on, value);
            int week = model.ticksDone() + 1;
            changes.add(new Change(lever, on, value, week, Frames.changeLabel(lever, on, value, scenario.config())));
            publishState();
        });
        return null;
    }

    /** The frame a page that connects now starts from: the set-up, the series so far and the latest state. */
    public Frames.Frame current() {
        return await(engine.submit(() -> frames.setup(state())));
    }

    /**
     * Hands the current set-up frame to {@code join} on the lesson's thread, where frames are published: a page
     * registered there misses no tick and sees none twice.
     */
    public void join(Consumer<Frames.Frame> join) {
        run(() -> join.accept(frames.setup(state())));
    }

    /** Stops the lesson's thread. */
    @Override
    public void close() {
        engine.shutdownNow();
    }

    private boolean finished() {
        return model.ticksDone() >= scenario.config().horizon();
    }

    private void restart(long newSeed) {
        seed = newSeed;
        failure = null;
        model = new MarketModel(scenario.config(), seed);
        model.start();
        changes.clear();
        moved.forEach((setting, value) -> {
            setting.lever().setOn(model.controls(), setting.firm(), value);
            changes.add(new Change(setting.lever(), setting.firm(), value, 1,
                    Frames.changeLabel(setting.lever(), setting.firm(), value, scenario.config())));
        });
        frames = new Frames(scenario, story, model);
        publish.accept(frames.setup(state()));
    }

    private void tick() {
        try {
            step1();
        } catch (RuntimeException e) {
            // never a silent stop: the page shows it, and the lesson can be reset
            playing = false;
            schedule();
            failure = "the model failed at week " + (model.ticksDone() + 1) + ": " + e;
            publishState();
        }
    }

    private void step1() {
        if (finished()) {
            playing = false;
            schedule();
            publishState();
            return;
        }
        model.schedule.step(model);
        if (finished()) {
            playing = false;
            schedule();
        }
        publish.accept(frames.tick(state()));
    }

    private Frames.State state() {
        return new Frames.State(seed, speed, playing, finished(), List.copyOf(changes), failure);
    }

    private void publishState() {
        publish.accept(frames.state(state()));
    }

    /** (Re)schedules the ticking at the current speed while playing; stops it otherwise. On the lesson's thread. */
    private void schedule() {
        if (ticking != null) {
            ticking.cancel(false);
            ticking = null;
        }
        if (playing) {
            long period = Math.round(TimeUnit.SECONDS.toNanos(1) / speed);
            ticking = engine.scheduleAtFixedRate(this::tick, period, period, TimeUnit.NANOSECONDS);
        }
    }

    /** Runs {@code command} on the lesson's thread and waits for it. */
    private void run(Runnable command) {
        await(engine.submit(command));
    }

    private static <T> T await(Future<T> future) {
        return ModelThread.await(future, "the lesson", COMMAND_TIMEOUT_SECONDS);
    }

    /** For tests: the model being stepped (read it on the lesson's thread only, through {@link #inspect}). */
    <T> T inspect(java.util.function.Function<MarketModel, T> read) {
        return await(engine.submit(() -> read.apply(model)));
    }
}
