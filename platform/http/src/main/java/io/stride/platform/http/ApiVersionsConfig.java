package io.stride.platform.http;

import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * API versions of an app: which one an unversioned request gets and the lifecycle of each.
 *
 * <pre>
 * stride.api.current-version=2
 * stride.api.versions."1".status=deprecated
 * stride.api.versions."1".sunset=2026-06-30
 * stride.api.versions."1".successor=2
 * stride.api.versions."2".status=active
 * </pre>
 */
@ConfigMapping(prefix = "stride.api")
public interface ApiVersionsConfig {

    /** The version served to requests under {@link #pathPrefix()} that select none; defaults to 1. */
    @WithDefault("1")
    int currentVersion();

    /** The path under which versioned routes live ({@code /api/v{N}/...}); defaults to {@code /api}. */
    @WithDefault("/api")
    String pathPrefix();

    /**
     * When a client chose the version by {@code Accept: application/vnd.stride.v{N}+json}, JSON responses carry
     * that media type as {@code Content-Type} instead of {@code application/json}; defaults to true.
     */
    @WithDefault("true")
    boolean vendorContentType();

    /** Lifecycle per version number ({@code stride.api.versions."1".status=active}); unlisted versions are unknown. */
    Map<String, Version> versions();

    /** One API version's lifecycle. */
    interface Version {

        /** {@code active}, {@code deprecated} (served with Deprecation/Sunset/Link) or {@code sunsetted} (410). */
        @WithDefault("active")
        Status status();

        /** Date from which the version is deprecated; sent as {@code Deprecation: @<epoch seconds>}. */
        Optional<LocalDate> deprecatedSince();

        /** Day the version stops being served; sent as the {@code Sunset} HTTP-date (midnight UTC). */
        Optional<LocalDate> sunset();

        /** The version clients should move to; defaults to the current version. */
        Optional<Integer> successor();
    }

    /** The lifecycle states of the architecture document: Active, Deprecated, Sunsetted. */
    enum Status {
        ACTIVE,
        DEPRECATED,
        SUNSETTED
    }
}
