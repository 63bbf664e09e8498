package io.stride.queries.workouthistory.api;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Base64;
import java.util.Locale;
import java.util.UUID;

import io.stride.platform.http.ApiException;
import io.stride.schemas.common.SportType;

/** Validation of request parameters: a bad value answers 400 {@code validation_failed} naming the field. */
final class Requests {

    private Requests() {
    }

    /** A UUID in canonical form, lower case. */
    static String uuid(String field, String value) {
        try {
            UUID parsed = UUID.fromString(value);
            if (!parsed.toString().equalsIgnoreCase(value)) {
                throw new IllegalArgumentException();
            }
            return parsed.toString();
        } catch (IllegalArgumentException | NullPointerException e) {
            throw ApiException.invalidField(field, field + " must be a UUID");
        }
    }

    /** A sport name of the contract's {@code SportType}, any case; null when absent. */
    static String sport(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String upper = value.trim().toUpperCase(Locale.ROOT);
        if (Arrays.stream(SportType.values()).noneMatch(sport -> sport.name().equals(upper))) {
            throw ApiException.invalidField("sport", "sport must be one of "
                    + Arrays.toString(SportType.values()).toLowerCase(Locale.ROOT));
        }
        return upper;
    }

    /** An instant ({@code 2025-06-01T06:00:00Z}) or a date ({@code 2025-06-01}, midnight UTC); null when absent. */
    static Instant instant(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return value.contains("T") ? Instant.parse(value)
                    : LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant();
        } catch (DateTimeParseException e) {
            throw ApiException.invalidField(field, field + " must be an ISO-8601 instant or date");
        }
    }

    /** An integer in [min, max]. */
    static int bounded(String field, int value, int min, int max) {
        if (value < min || value > max) {
            throw ApiException.invalidField(field, field + " must be between " + min + " and " + max);
        }
        return value;
    }

    /** A list position: after the workout that started at {@code startTime} with id {@code workoutId}. */
    record Cursor(Instant startTime, String workoutId) {

        String encode() {
            return Base64.getUrlEncoder().withoutPadding().encodeToString((startTime.toEpochMilli() + ":" + workoutId)
                    .getBytes(StandardCharsets.UTF_8));
        }

        static Cursor decode(String value) {
            if (value == null || value.isBlank()) {
                return null;
            }
            try {
                String[] parts = new String(Base64.getUrlDecoder().decode(value), StandardCharsets.UTF_8).split(":");
                return new Cursor(Instant.ofEpochMilli(Long.parseLong(parts[0])), uuid("cursor", parts[1]));
            } catch (RuntimeException e) {
                throw ApiException.invalidField("cursor", "cursor is not one this service returned");
            }
        }
    }
}
