package marketsim.classroom;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Who plays which seat, and the secrets that prove it: a token per seat (the team's phone keeps it and acts only
 * for that seat) and the teacher's. They are kept in the game's folder ({@value #FILE}), so a restarted server knows
 * its teams and their phones and the teacher's page go on as before. Not part of the model: the journal never
 * holds them, and the results do not depend on them.
 */
final class GameTeams {
    static final String FILE = "teams.json";
    private static final int TOKEN_BYTES = 12;
    /** The longest team name kept. */
    static final int MAX_NAME = 24;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SecureRandom RANDOM = new SecureRandom(); // secrets, not the model: no seeded stream

    private final Path file;
    private final String teacher;
    private final String[] names;
    private final String[] tokens;

    GameTeams(Path folder, int seats) throws IOException {
        this.file = folder.resolve(FILE);
        names = new String[seats];
        tokens = new String[seats];
        if (Files.exists(file)) {
            JsonNode root = JSON.readTree(Files.readString(file, StandardCharsets.UTF_8));
            teacher = root.path("teacher").asText();
            for (JsonNode seat : root.path("seats")) {
                int s = seat.path("seat").asInt(-1);
                if (s >= 0 && s < seats) {
                    names[s] = seat.path("team").asText();
                    tokens[s] = seat.path("token").asText();
                }
            }
        } else {
            teacher = token();
            save();
        }
    }

    String teacher() {
        return teacher;
    }

    /** The seat of the team named {@code team} (names compared ignoring case), or -1. */
    synchronized int seatNamed(String team) {
        for (int s = 0; s < names.length; s++) {
            if (names[s] != null && names[s].equalsIgnoreCase(team)) {
                return s;
            }
        }
        return -1;
    }

    /** The team at seat {@code seat}, or null while it is free. */
    synchronized String name(int seat) {
        return names[seat];
    }

    /** Seats {@code team} at {@code seat}; returns its token, or null when the seat is taken. */
    synchronized String join(int seat, String team) throws IOException {
        if (names[seat] != null) {
            return null;
        }
        names[seat] = team;
        tokens[seat] = token();
        save();
        return tokens[seat];
    }

    /** The seat whose token is {@code token}, or -1. */
    synchronized int seatOf(String token) {
        if (token == null) {
            return -1;
        }
        for (int s = 0; s < tokens.length; s++) {
            if (tokens[s] != null && same(tokens[s], token)) {
                return s;
            }
        }
        return -1;
    }

    /** The first free seat of the game's first {@code seats}, or -1. */
    synchronized int free(int seats) {
        for (int s = 0; s < Math.min(seats, names.length); s++) {
            if (names[s] == null) {
                return s;
            }
        }
        return -1;
    }

    boolean isTeacher(String token) {
        return token != null && same(teacher, token);
    }

    private static boolean same(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }

    private static String token() {
        byte[] random = new byte[TOKEN_BYTES];
        RANDOM.nextBytes(random);
        return HexFormat.of().formatHex(random);
    }

    private void save() throws IOException {
        ObjectNode root = JSON.createObjectNode().put("teacher", teacher);
        ArrayNode seats = root.putArray("seats");
        for (int s = 0; s < names.length; s++) {
            if (names[s] != null) {
                seats.addObject().put("seat", s).put("team", names[s]).put("token", tokens[s]);
            }
        }
        Files.createDirectories(file.getParent());
        Path tmp = file.resolveSibling(FILE + ".tmp");
        Files.writeString(tmp, root.toPrettyString(), StandardCharsets.UTF_8);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
