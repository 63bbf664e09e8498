package io.stride.schemas;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.apache.avro.Schema;

/**
 * The {@code .avsc} sources of the contracts, parsed the way avro-maven-plugin reads them: shared types first
 * ({@code common/}, then every domain's sub-folders, a type after the types it names), then the records at the top of
 * each domain folder.
 */
final class AvroSources {

    /** A quoted full name of a Stride type, as a reference to it is written. */
    private static final Pattern FULL_NAME = Pattern.compile("\"(io\\.stride\\.schemas\\.[A-Za-z0-9_.]+)\"");
    private static final Pattern NAME = Pattern.compile("\"name\"\\s*:\\s*\"([A-Za-z0-9_]+)\"");
    private static final Pattern NAMESPACE = Pattern.compile("\"namespace\"\\s*:\\s*\"([A-Za-z0-9_.]+)\"");

    /** Folder of the shared types that belong to no domain. */
    static final String COMMON = "common";

    /**
     * One parsed {@code .avsc} file.
     *
     * @param file         the file
     * @param domain       first folder under {@code src/main/avro}
     * @param topLevel     whether the file sits directly in a domain folder (a record registered on its own)
     * @param schema       the named type the file defines
     * @param definedNames every named type that parsing this file added (one, if the file follows the style)
     */
    record SourceSchema(Path file, String domain, boolean topLevel, Schema schema, List<String> definedNames) {
    }

    private AvroSources() {
    }

    /** {@code src/main/avro} of this module (surefire and the exec configuration set {@code basedir}). */
    static Path root() {
        return ModulePaths.basedir().resolve("src/main/avro");
    }

    /** Parses every {@code .avsc} under {@code avroRoot}, shared types first. */
    static List<SourceSchema> parse(Path avroRoot) {
        List<Path> files = avscFiles(avroRoot);
        var parser = new Schema.Parser();
        var result = new ArrayList<SourceSchema>();
        for (Path file : files) {
            Set<String> known = new HashSet<>(parser.getTypes().keySet());
            Schema schema;
            try {
                schema = parser.parse(file.toFile());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file, e);
            } catch (RuntimeException e) {
                throw new IllegalStateException("cannot parse " + file + ": " + e.getMessage(), e);
            }
            List<String> defined = parser.getTypes().keySet().stream()
                    .filter(name -> !known.contains(name))
                    .sorted()
                    .toList();
            Path relative = avroRoot.relativize(file);
            String domain = relative.getName(0).toString();
            boolean topLevel = relative.getNameCount() == 2 && !domain.equals(COMMON);
            result.add(new SourceSchema(file, domain, topLevel, schema, defined));
        }
        return result;
    }

    /**
     * The files in import order: common types, then the domains' shared types, then the top-level records; within
     * that, a file after every file whose type it names (the order of the pom's explicit imports), else by path.
     */
    private static List<Path> avscFiles(Path avroRoot) {
        List<Path> files;
        try (Stream<Path> paths = Files.walk(avroRoot)) {
            files = paths.filter(path -> path.getFileName().toString().endsWith(".avsc"))
                    .sorted(Comparator.comparingInt((Path path) -> importRank(avroRoot.relativize(path)))
                            .thenComparing(Path::toString))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + avroRoot, e);
        }
        Map<String, Path> definedIn = new HashMap<>();
        Map<Path, String> text = new HashMap<>();
        for (Path file : files) {
            text.put(file, read(file));
            definedIn.put(definedName(text.get(file)), file);
        }
        List<Path> ordered = new ArrayList<>();
        for (Path file : files) {
            addAfterDependencies(file, text, definedIn, ordered, new HashSet<>());
        }
        return ordered;
    }

    private static void addAfterDependencies(Path file, Map<Path, String> text, Map<String, Path> definedIn,
            List<Path> ordered, Set<Path> visiting) {
        if (ordered.contains(file) || !visiting.add(file)) {
            return;
        }
        Matcher names = FULL_NAME.matcher(text.get(file));
        while (names.find()) {
            Path dependency = definedIn.get(names.group(1));
            if (dependency != null && !dependency.equals(file)) {
                addAfterDependencies(dependency, text, definedIn, ordered, visiting);
            }
        }
        ordered.add(file);
    }

    private static String definedName(String json) {
        Matcher name = NAME.matcher(json);
        Matcher namespace = NAMESPACE.matcher(json);
        return (namespace.find() ? namespace.group(1) + "." : "") + (name.find() ? name.group(1) : "");
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** 0 for common types, 1 for payload types in sub-folders of a domain, 2 for top-level records. */
    private static int importRank(Path relative) {
        if (relative.getName(0).toString().equals(COMMON)) {
            return 0;
        }
        return relative.getNameCount() > 2 ? 1 : 2;
    }
}
