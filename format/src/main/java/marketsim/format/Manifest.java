package marketsim.format;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A results folder's {@code manifest.json} as the programs that read the folder meet it: a JSON object naming the
 * {@code command} that wrote the folder, with {@code files}: each data file's path in the folder (with '/') and the
 * SHA-256 of its bytes, in hex. The writers record the checksums after the data files are complete and write the
 * manifest last, so a folder whose files match them is the one marketsim wrote; the readers ({@code chart},
 * {@code report}, {@code merge}) check every listed file before trusting any. Charts and the report are not listed:
 * they are drawn from the data and redrawn in place of the old ones.
 *
 * <p>Folders written before the checksums list their files by name only ({@code files} an array, or no key): their
 * files are checked to be there, and the reader says it could not verify them.
 */
public final class Manifest {
    /** The manifest's key of the data files' checksums. */
    public static final String FILES = "files";
    private static final Pattern SHA256 = Pattern.compile("^[0-9a-f]{64}$");

    private Manifest() {
    }

    /** Records in {@code manifest} the SHA-256 of each of {@code files} (paths in {@code folder}, '/'-separated). */
    public static void putChecksums(ObjectNode manifest, Path folder, List<String> files) throws IOException {
        putChecksums(manifest, folder, files, Map.of());
    }

    /**
     * As {@link #putChecksums(ObjectNode, Path, List)}, the checksums of some of the files known already (by file
     * name, lower-case hex as {@link #sha256} gives them: worked out as their bytes were written).
     */
    public static void putChecksums(ObjectNode manifest, Path folder, List<String> files, Map<String, String> known)
            throws IOException {
        ObjectNode checksums = manifest.putObject(FILES);
        for (String file : files) {
            String sum = known.get(file);
            checksums.put(file, sum != null ? sum : sha256(folder.resolve(file)));
        }
    }

    /** The digest's checksum in lower-case hex, as the manifest keeps it; the digest is reset. */
    public static String hex(MessageDigest digest) {
        return HexFormat.of().formatHex(digest.digest());
    }

    /**
     * Adds to the manifest already in {@code folder} the SHA-256 of each of {@code files}: for the files a command
     * writes after its own manifest (the experiment file and its inputs). The manifest is written again as it was,
     * with the new checksums after the others.
     */
    public static void addChecksums(Path folder, List<String> files) throws IOException {
        Path file = folder.resolve(ResultFiles.MANIFEST);
        ObjectMapper json = new ObjectMapper().enable(com.fasterxml.jackson.databind.SerializationFeature.INDENT_OUTPUT);
        ObjectNode manifest = (ObjectNode) json.readTree(file.toFile());
        ObjectNode checksums = manifest.get(FILES) instanceof ObjectNode o ? o : manifest.putObject(FILES);
        for (String name : files) {
            checksums.put(name, sha256(folder.resolve(name)));
        }
        Files.writeString(file, json.writeValueAsString(manifest) + "\n", java.nio.charset.StandardCharsets.UTF_8);
    }

    /** The SHA-256 of a file's bytes, in lower-case hex. */
    public static String sha256(Path file) throws IOException {
        MessageDigest digest = digest();
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        return hex(digest);
    }

    /**
     * Reads {@code folder}'s manifest: the folder must exist, not be a partial one, and hold a manifest.json that
     * is a JSON object. {@code whatFolder} completes the message for a folder without one ("written by marketsim run,
     * compare, sweep or calibrate").
     */
    public static ObjectNode read(Path folder, String whatFolder) throws NotAResultsFolderException {
        if (StagedFolder.isPartial(folder) && Files.isDirectory(folder)) {
            throw new NotAResultsFolderException(StagedFolder.notAResult(folder));
        }
        return readStaged(folder, whatFolder);
    }

    /** As {@link #read}, for a folder still being written (staged): charts drawn before it is moved into place. */
    public static ObjectNode readStaged(Path folder, String whatFolder) throws NotAResultsFolderException {
        if (!Files.exists(folder)) {
            String link = OsReason.brokenLink(folder);
            throw new NotAResultsFolderException(folder + (link == null ? " does not exist" : " is " + link));
        }
        Path file = folder.resolve(ResultFiles.MANIFEST);
        if (!Files.isDirectory(folder) || !Files.isRegularFile(file)) {
            throw new NotAResultsFolderException(folder + " is not a results folder (no " + ResultFiles.MANIFEST
                    + "); give a folder " + whatFolder);
        }
        JsonNode manifest;
        try {
            manifest = new ObjectMapper().readTree(file.toFile());
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw new NotAResultsFolderException(file + " is not readable JSON"
                    + (at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")") + ": "
                    + e.getOriginalMessage());
        } catch (IOException e) {
            throw new NotAResultsFolderException(file + " cannot be read: " + OsReason.of(e).describe(file));
        }
        if (manifest == null || !manifest.isObject()) {
            throw new NotAResultsFolderException(file + " is not a marketsim manifest (" + kind(manifest)
                    + " where an object belongs): the folder's manifest was replaced or damaged; restore it, or run "
                    + "the command that made the folder again");
        }
        return (ObjectNode) manifest;
    }

    /** The command that wrote the folder, or null if the manifest names none. */
    public static String command(JsonNode manifest) {
        JsonNode command = manifest.get("command");
        return command != null && command.isTextual() ? command.asText() : null;
    }

    /**
     * Checks every data file the manifest lists against its checksum; returns whether there were checksums (false
     * for a folder written before them, whose listed files are only found present).
     */
    public static boolean verify(Path folder, JsonNode manifest) throws NotAResultsFolderException {
        Path file = folder.resolve(ResultFiles.MANIFEST);
        JsonNode files = manifest.get(FILES);
        if (files == null || files.isArray()) { // written before checksums
            for (String name : listed(file, files)) {
                present(folder, file, name);
            }
            return false;
        }
        if (!files.isObject()) {
            throw new NotAResultsFolderException(file + ": '" + FILES + "' must map each data file to its SHA-256 ("
                    + kind(files) + " found): the manifest is damaged; restore it, or run the command again");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = files.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            String name = entry.getKey();
            Path data = present(folder, file, name);
            JsonNode expected = entry.getValue();
            if (!expected.isTextual() || !SHA256.matcher(expected.asText()).matches()) {
                throw new NotAResultsFolderException(file + ": the checksum of '" + name + "' is not a SHA-256 in hex ("
                        + expected + "): the manifest is damaged; restore it, or run the command again");
            }
            String actual;
            try {
                actual = sha256(data);
            } catch (IOException e) {
                throw new NotAResultsFolderException(data + " cannot be read: " + OsReason.of(e).describe(data));
            }
            if (!actual.equals(expected.asText())) {
                throw new NotAResultsFolderException(data + " does not match its SHA-256 in " + ResultFiles.MANIFEST
                        + ": it was changed or cut short after marketsim wrote it. Restore it from a copy, or run the "
                        + "command that made the folder again (" + ResultFiles.MANIFEST + " records it)");
            }
        }
        for (String name : dataFiles(folder)) {
            if (!files.has(name)) {
                throw new NotAResultsFolderException(folder.resolve(name) + " has no SHA-256 in " + ResultFiles.MANIFEST
                        + ", which lists every data file marketsim wrote: the manifest was edited, or the file added "
                        + "since. Restore the manifest, remove the file, or run the command again");
            }
        }
        return true;
    }

    /**
     * The data files in {@code folder} ('/'-separated paths): every file but the manifest, what is drawn from the
     * data (report.html and charts/) and hidden files.
     */
    private static List<String> dataFiles(Path folder) throws NotAResultsFolderException {
        try (java.util.stream.Stream<Path> all = Files.walk(folder)) {
            return all.filter(Files::isRegularFile).map(folder::relativize)
                    .filter(p -> !p.toString().equals(ResultFiles.MANIFEST) && !p.toString().equals(ResultFiles.REPORT)
                            && !p.startsWith(ResultFiles.CHARTS))
                    .filter(p -> java.util.stream.StreamSupport.stream(p.spliterator(), false)
                            .noneMatch(part -> part.toString().startsWith(".")))
                    .map(p -> p.toString().replace(java.io.File.separatorChar, '/')).sorted().toList();
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new NotAResultsFolderException(folder + " cannot be read: " + e.getMessage());
        }
    }

    /** The names of an older manifest's list of files. */
    private static List<String> listed(Path file, JsonNode files) throws NotAResultsFolderException {
        List<String> names = new ArrayList<>();
        if (files != null) {
            for (JsonNode name : files) {
                if (!name.isTextual()) {
                    throw new NotAResultsFolderException(file + ": '" + FILES + "' lists " + name
                            + ", not a file name: the manifest is damaged");
                }
                names.add(name.asText());
            }
        }
        return names;
    }

    /** The listed file {@code name}, which must be a file inside the folder and be there. */
    private static Path present(Path folder, Path file, String name) throws NotAResultsFolderException {
        Path data = folder.resolve(name).normalize();
        if (name.isEmpty() || Path.of(name).isAbsolute() || !data.startsWith(folder.normalize())
                || List.of(name.split("/")).contains("..")) {
            throw new NotAResultsFolderException(file + " lists '" + name + "', which is not a file in the folder: "
                    + "the manifest is damaged; restore it, or run the command again");
        }
        if (!Files.isRegularFile(data)) {
            throw new NotAResultsFolderException(data + " is missing (" + ResultFiles.MANIFEST + " lists it): the "
                    + "folder is incomplete; restore the file, or run the command that made the folder again");
        }
        return data;
    }

    private static String kind(JsonNode node) {
        if (node == null || node.isMissingNode()) {
            return "nothing";
        }
        return switch (node.getNodeType()) {
            case ARRAY -> "a JSON array";
            case STRING -> "a string";
            case NUMBER -> "a number";
            case BOOLEAN -> "true or false";
            case NULL -> "null";
            default -> "a " + node.getNodeType().name().toLowerCase(Locale.ROOT);
        };
    }

    /** A new SHA-256 digest: the checksum the manifest keeps ({@link #hex}). */
    public static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }
}
