package io.stride.platform.http;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Picks the API version of a request from its three selectors (path segment, vendor media type in {@code Accept},
 * {@code version} query parameter). Pure: no Vert.x, no config lookups.
 */
final class ApiVersionSelector {

    static final String VENDOR_TYPE_PREFIX = "application/vnd.stride.v";
    private static final Pattern VENDOR_TYPE = Pattern.compile(
            "application/vnd\\.stride\\.v([^+;,\\s]*)\\+json", Pattern.CASE_INSENSITIVE);
    private static final Pattern PATH_VERSION = Pattern.compile("v(\\d{1,6})");
    private static final Pattern NUMBER = Pattern.compile("\\d{1,6}");

    private final String prefix;
    private final int currentVersion;

    ApiVersionSelector(String prefix, int currentVersion) {
        String trimmed = prefix.endsWith("/") ? prefix.substring(0, prefix.length() - 1) : prefix;
        this.prefix = trimmed.startsWith("/") ? trimmed : "/" + trimmed;
        this.currentVersion = currentVersion;
    }

    /** Outcome of the selection. */
    sealed interface Selection {
    }

    /** The path is not under the API prefix: no versioning applies. */
    record NotVersioned() implements Selection {
    }

    /**
     * A version was selected.
     *
     * @param version     the version number
     * @param byAccept    the client named it in {@code Accept}: the vendor type must be rewritten for JAX-RS
     * @param reroutePath the canonical path to reroute to when the request path had no version segment
     */
    record Selected(int version, boolean byAccept, Optional<String> reroutePath) implements Selection {
    }

    /** The selectors disagree; {@code selectors} names each selector and the version it asked for. */
    record Conflict(Map<String, String> selectors) implements Selection {
    }

    /** A selector names something that is not a version number. */
    record Malformed(String selector, String value) implements Selection {
    }

    Selection select(String path, List<String> acceptHeaders, List<String> versionParams) {
        if (!path.equals(prefix) && !path.startsWith(prefix + "/")) {
            return new NotVersioned();
        }
        String rest = path.substring(prefix.length());
        Map<String, String> requested = new LinkedHashMap<>();

        String firstSegment = rest.length() > 1 ? rest.substring(1).split("/", 2)[0] : "";
        Matcher pathMatcher = PATH_VERSION.matcher(firstSegment);
        boolean versionedPath = pathMatcher.matches();
        if (versionedPath) {
            requested.put("path", normalise(pathMatcher.group(1)));
        }

        for (String header : acceptHeaders) {
            Matcher vendor = VENDOR_TYPE.matcher(header);
            while (vendor.find()) {
                String value = vendor.group(1);
                if (!NUMBER.matcher(value).matches()) {
                    return new Malformed("accept", value);
                }
                Optional<Selection> conflict = add(requested, "accept", normalise(value));
                if (conflict.isPresent()) {
                    return conflict.get();
                }
            }
        }
        boolean byAccept = requested.containsKey("accept");

        for (String value : versionParams) {
            String trimmed = value.strip();
            if (trimmed.startsWith("v") || trimmed.startsWith("V")) {
                trimmed = trimmed.substring(1);
            }
            if (!NUMBER.matcher(trimmed).matches()) {
                return new Malformed("query", value);
            }
            Optional<Selection> conflict = add(requested, "query", normalise(trimmed));
            if (conflict.isPresent()) {
                return conflict.get();
            }
        }

        if (requested.values().stream().distinct().count() > 1) {
            return new Conflict(requested);
        }
        int version = requested.values().stream()
                .findFirst()
                .map(Integer::parseInt)
                .orElse(currentVersion);
        Optional<String> reroute = versionedPath
                ? Optional.empty()
                : Optional.of(prefix + "/v" + version + rest);
        return new Selected(version, byAccept, reroute);
    }

    /** The canonical path of {@code path} (already under {@code /api/v{N}}) in another version. */
    String inVersion(String path, int version) {
        String rest = path.substring(prefix.length());
        String[] parts = rest.substring(1).split("/", 2);
        return prefix + "/v" + version + (parts.length > 1 ? "/" + parts[1] : "");
    }

    private static Optional<Selection> add(Map<String, String> requested, String selector, String version) {
        String previous = requested.putIfAbsent(selector, version);
        if (previous != null && !previous.equals(version)) {
            Map<String, String> both = new LinkedHashMap<>(requested);
            both.put(selector, previous + "," + version);
            return Optional.of(new Conflict(both));
        }
        return Optional.empty();
    }

    private static String normalise(String number) {
        return Integer.toString(Integer.parseInt(number));
    }
}
