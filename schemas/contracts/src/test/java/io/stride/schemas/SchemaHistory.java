package io.stride.schemas;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.apache.avro.Schema;

/**
 * The committed versions of every registered record: {@code <root>/<full.record.Name>/v<N>.avsc}, each a fully
 * resolved schema (nested types inline) exactly as the generated class registers it. Versions are numbered from 1
 * without gaps; the newest is the schema the code must still produce, every version is a writer the current schema
 * must be able to read (BACKWARD_TRANSITIVE).
 */
final class SchemaHistory {

    private static final Pattern VERSION_FILE = Pattern.compile("v([1-9][0-9]*)\\.avsc");

    private final Path root;

    SchemaHistory(Path root) {
        this.root = root;
    }

    /** {@code src/history} of this module. */
    static SchemaHistory ofModule() {
        return new SchemaHistory(ModulePaths.basedir().resolve("src/history"));
    }

    /**
     * One committed version of a record's schema.
     *
     * @param version 1, 2, ...
     * @param file    the {@code v<N>.avsc} file
     * @param schema  the schema parsed from it
     */
    record Version(int version, Path file, Schema schema) {
    }

    /** The folder holding the versions of {@code record}. */
    Path folder(String record) {
        return root.resolve(record);
    }

    /**
     * Every committed version of {@code record}, oldest first; empty if it has no history. Fails on a file that
     * is not {@code v<N>.avsc}, on a gap in the numbering, and on a version whose record name is not
     * {@code record}.
     */
    List<Version> versions(String record) {
        Path folder = folder(record);
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        var versions = new ArrayList<Version>();
        for (Path file : list(folder)) {
            Matcher matcher = VERSION_FILE.matcher(file.getFileName().toString());
            if (!matcher.matches()) {
                throw new IllegalStateException("unexpected file in schema history: " + file
                        + " (only v<N>.avsc files belong there)");
            }
            Schema schema = parse(file);
            if (!schema.getFullName().equals(record)) {
                throw new IllegalStateException(file + " holds record " + schema.getFullName()
                        + ", not " + record);
            }
            versions.add(new Version(Integer.parseInt(matcher.group(1)), file, schema));
        }
        versions.sort(Comparator.comparingInt(Version::version));
        for (int i = 0; i < versions.size(); i++) {
            if (versions.get(i).version() != i + 1) {
                throw new IllegalStateException("schema history of " + record + " is not numbered v1..v"
                        + versions.size() + " without gaps: found " + versions.stream()
                        .map(v -> "v" + v.version()).toList());
            }
        }
        return List.copyOf(versions);
    }

    /** The newest committed version of {@code record}, if it has any. */
    Optional<Version> latest(String record) {
        List<Version> versions = versions(record);
        return versions.isEmpty() ? Optional.empty() : Optional.of(versions.getLast());
    }

    /**
     * Whether {@code current} is exactly the newest committed version: same fields, types, defaults, docs,
     * aliases and properties (the registry would store a changed doc as a new version too).
     */
    boolean isRecorded(String record, Schema current) {
        return latest(record)
                .map(latest -> sameSchema(latest.schema(), current))
                .orElse(false);
    }

    /** Writes {@code current} as the next version of {@code record} and returns the new file. */
    Path recordNext(String record, Schema current) {
        int next = versions(record).size() + 1;
        Path file = folder(record).resolve("v" + next + ".avsc");
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, current.toString(true) + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
        return file;
    }

    /** Records that have a history folder, whether or not they are still registered. */
    List<String> recordedNames() {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        return list(root).stream()
                .filter(Files::isDirectory)
                .map(path -> path.getFileName().toString())
                .sorted()
                .toList();
    }

    /** Same schema text, docs and properties included (parsing normalises whitespace and the order of Avro keys). */
    static boolean sameSchema(Schema a, Schema b) {
        return a.toString().equals(b.toString());
    }

    private static Schema parse(Path file) {
        try {
            return new Schema.Parser().parse(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        } catch (RuntimeException e) {
            throw new IllegalStateException("cannot parse " + file + ": " + e.getMessage(), e);
        }
    }

    private static List<Path> list(Path folder) {
        try (Stream<Path> paths = Files.list(folder)) {
            return paths.sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + folder, e);
        }
    }
}
