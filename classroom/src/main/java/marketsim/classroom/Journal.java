package marketsim.classroom;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A game's decision journal: an append-only file of JSON lines, each written whole and forced to the disk before the
 * game acts on it. The first line is the game ({@link GameSetup}); then, in the order the game took them, a team's
 * decisions for a round ({@code {"decide": {"round": 2, "seat": 1, "values": {"markup": 0.5}}}}) and the start of a
 * round ({@code {"run": 2}}); and the teacher opening the platform's seat before the first round
 * ({@code {"open": "platform"}}: the last seat from then on). The game's results are a function of the first line and the rest, so reading the
 * journal again replays the game to where it stood: a server killed mid-round resumes exactly.
 *
 * <p>A last line cut short by a crash (no newline) is ignored: it was never acted on.
 */
final class Journal implements AutoCloseable {
    /**
     * One entry after the first line: a seat's decisions for a round, a round run ({@code seat} {@link #RUN}), or the
     * platform's seat opened ({@code seat} {@link #OPEN_PLATFORM}).
     */
    record Entry(int round, int seat, Map<String, Double> values) {
        static final int RUN = -1;
        static final int OPEN_PLATFORM = -2;

        boolean run() {
            return seat == RUN;
        }

        boolean opensPlatform() {
            return seat == OPEN_PLATFORM;
        }

        /** A seat's decisions (not a round run nor a seat opened). */
        boolean decision() {
            return seat >= 0;
        }
    }

    static final String FILE = "journal.jsonl";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path file;
    private final FileChannel out;

    private Journal(Path file) throws IOException {
        this.file = file;
        Files.createDirectories(file.getParent());
        out = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
    }

    /** The journal in {@code folder}, new with {@code setup} as its first line if there is none. */
    static Journal open(Path folder, GameSetup setup) throws IOException {
        Path file = folder.resolve(FILE);
        boolean fresh = !Files.exists(file) || Files.size(file) == 0;
        if (!fresh) {
            cutUnfinishedLine(file);
        }
        Journal journal = new Journal(file);
        if (fresh) {
            journal.append(header(setup));
        }
        return journal;
    }

    Path file() {
        return file;
    }

    /** The game the journal in {@code folder} records, or null if there is none yet. */
    static GameSetup readSetup(Path folder) throws IOException {
        List<JsonNode> lines = lines(folder.resolve(FILE));
        if (lines.isEmpty()) {
            return null;
        }
        JsonNode g = lines.get(0).path("game");
        List<String> overrides = new ArrayList<>();
        g.path("overrides").forEach(o -> overrides.add(o.asText()));
        return new GameSetup(g.path("scenario").asText(), overrides, g.path("seed").asLong(), g.path("teams").asInt(),
                g.path("round_ticks").asInt(), g.path("rounds").asInt(), g.path("platform_seat").asBoolean());
    }

    /** The entries after the first line, in order. */
    static List<Entry> entries(Path folder) throws IOException {
        List<Entry> out = new ArrayList<>();
        List<JsonNode> lines = lines(folder.resolve(FILE));
        for (JsonNode line : lines.subList(Math.min(1, lines.size()), lines.size())) {
            if (line.has("run")) {
                out.add(new Entry(line.get("run").asInt(), Entry.RUN, Map.of()));
            } else if (line.has("open")) {
                out.add(new Entry(0, Entry.OPEN_PLATFORM, Map.of()));
            } else {
                JsonNode d = line.path("decide");
                Map<String, Double> values = new LinkedHashMap<>();
                d.path("values").fields().forEachRemaining(e -> values.put(e.getKey(), e.getValue().asDouble()));
                out.add(new Entry(d.path("round").asInt(), d.path("seat").asInt(), values));
            }
        }
        return out;
    }

    /** Records a seat's decisions for a round. */
    void decide(int round, int seat, Map<String, Double> values) throws IOException {
        ObjectNode d = JSON.createObjectNode();
        d.put("round", round).put("seat", seat);
        ObjectNode v = d.putObject("values");
        values.forEach(v::put);
        ObjectNode line = JSON.createObjectNode();
        line.set("decide", d);
        append(line);
    }

    /** Records that the teacher opened the platform's seat. */
    void openPlatform() throws IOException {
        append(JSON.createObjectNode().put("open", "platform"));
    }

    /** Records that round {@code round} runs (before it does). */
    void run(int round) throws IOException {
        append(JSON.createObjectNode().put("run", round));
    }

    @Override
    public void close() throws IOException {
        out.close();
    }

    private static ObjectNode header(GameSetup setup) {
        ObjectNode g = JSON.createObjectNode();
        g.put("scenario", setup.scenarioName());
        ArrayNode overrides = g.putArray("overrides");
        setup.overrides().forEach(overrides::add);
        g.put("seed", setup.seed()).put("teams", setup.teams()).put("round_ticks", setup.roundTicks())
                .put("rounds", setup.rounds()).put("platform_seat", setup.platformSeat());
        ObjectNode line = JSON.createObjectNode();
        line.set("game", g);
        return line;
    }

    private void append(JsonNode line) throws IOException {
        ByteBuffer bytes = ByteBuffer.wrap((line + "\n").getBytes(StandardCharsets.UTF_8));
        while (bytes.hasRemaining()) {
            out.write(bytes);
        }
        out.force(false);
    }

    /** Drops a last line a crash cut short, so the next line starts on its own. */
    private static void cutUnfinishedLine(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        int keep = bytes.length;
        while (keep > 0 && bytes[keep - 1] != '\n') {
            keep--;
        }
        if (keep < bytes.length) {
            try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
                ch.truncate(keep);
            }
        }
    }

    private static List<JsonNode> lines(Path file) throws IOException {
        List<JsonNode> out = new ArrayList<>();
        if (!Files.exists(file)) {
            return out;
        }
        String text = Files.readString(file, StandardCharsets.UTF_8);
        int end = text.lastIndexOf('\n');
        if (end < 0) {
            return out;
        }
        for (String line : text.substring(0, end).split("\n")) {
            if (!line.isBlank()) {
                out.add(JSON.readTree(line));
            }
        }
        return out;
    }
}
