package io.stride.commands.users.domain;

import java.math.BigInteger;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The athlete's body metrics and time zone, as the profile holds them (every one may be unset): weight (kg), height
 * (cm), maximum and resting heart rate (bpm), birth year and IANA time zone. What live figures (calories, heart rate
 * zones) and calendars (boards, goals, streaks) need to know of the athlete; consumers use their defaults for what is
 * unset.
 */
public record AthleteMetrics(Double weightKg, Double heightCm, Integer maxHeartRateBpm, Integer restingHeartRateBpm,
        Integer birthYear, String timeZone) {

    /** Nothing set: what a new account has. */
    public static final AthleteMetrics NONE = new AthleteMetrics(null, null, null, null, null, null);

    public static final double MIN_WEIGHT_KG = 20;
    public static final double MAX_WEIGHT_KG = 400;
    public static final double MIN_HEIGHT_CM = 100;
    public static final double MAX_HEIGHT_CM = 250;
    public static final int MIN_MAX_HEART_RATE_BPM = 100;
    public static final int MAX_MAX_HEART_RATE_BPM = 240;
    public static final int MIN_RESTING_HEART_RATE_BPM = 25;
    public static final int MAX_RESTING_HEART_RATE_BPM = 120;
    public static final int MIN_BIRTH_YEAR = 1900;
    /** Longer than any IANA id (the longest is 32 characters). */
    public static final int MAX_TIME_ZONE_LENGTH = 64;

    /** A metric of the profile, by its name on the wire. */
    public enum Field {
        WEIGHT_KG("weight_kg"),
        HEIGHT_CM("height_cm"),
        MAX_HEART_RATE_BPM("max_heart_rate_bpm"),
        RESTING_HEART_RATE_BPM("resting_heart_rate_bpm"),
        BIRTH_YEAR("birth_year"),
        TIME_ZONE("time_zone");

        private final String wireName;

        Field(String wireName) {
            this.wireName = wireName;
        }

        public String wireName() {
            return wireName;
        }

        /** The field of this wire name, or null. */
        public static Field ofWireName(String name) {
            for (Field field : values()) {
                if (field.wireName.equals(name)) {
                    return field;
                }
            }
            return null;
        }
    }

    /** One broken rule: the field and what it must be. */
    public record Violation(Field field, String message) {
    }

    public boolean isEmpty() {
        return equals(NONE);
    }

    /**
     * These metrics with the given fields replaced (a null value clears the field). Values are taken as given: check
     * them with {@link #check} and the result with {@link #violations}.
     */
    public AthleteMetrics with(Map<Field, ?> changes) {
        Double weight = weightKg;
        Double height = heightCm;
        Integer maxHr = maxHeartRateBpm;
        Integer restingHr = restingHeartRateBpm;
        Integer birth = birthYear;
        String zone = timeZone;
        for (Map.Entry<Field, ?> change : changes.entrySet()) {
            Object value = change.getValue();
            switch (change.getKey()) {
                case WEIGHT_KG -> weight = value == null ? null : ((Number) value).doubleValue();
                case HEIGHT_CM -> height = value == null ? null : ((Number) value).doubleValue();
                case MAX_HEART_RATE_BPM -> maxHr = value == null ? null : ((Number) value).intValue();
                case RESTING_HEART_RATE_BPM -> restingHr = value == null ? null : ((Number) value).intValue();
                case BIRTH_YEAR -> birth = value == null ? null : ((Number) value).intValue();
                case TIME_ZONE -> zone = (String) value;
            }
        }
        return new AthleteMetrics(weight, height, maxHr, restingHr, birth, zone);
    }

    /**
     * What is wrong with one value given for {@code field} (null: it may be set; a null value clears the field and is
     * always allowed). Numbers are JSON numbers as parsed ({@link Integer}, {@link Long}, {@link Double}, ...): weight
     * and height any finite number, heart rates and birth year whole numbers; the time zone an IANA region id.
     */
    public static String check(Field field, Object value, int currentYear) {
        if (value == null) {
            return null;
        }
        return switch (field) {
            case WEIGHT_KG -> decimalIn(value, MIN_WEIGHT_KG, MAX_WEIGHT_KG, "kg");
            case HEIGHT_CM -> decimalIn(value, MIN_HEIGHT_CM, MAX_HEIGHT_CM, "cm");
            case MAX_HEART_RATE_BPM -> wholeIn(value, MIN_MAX_HEART_RATE_BPM, MAX_MAX_HEART_RATE_BPM, " bpm");
            case RESTING_HEART_RATE_BPM -> wholeIn(value, MIN_RESTING_HEART_RATE_BPM, MAX_RESTING_HEART_RATE_BPM,
                    " bpm");
            case BIRTH_YEAR -> wholeIn(value, MIN_BIRTH_YEAR, currentYear, "");
            case TIME_ZONE -> value instanceof String zone && zone.length() <= MAX_TIME_ZONE_LENGTH
                    && ZoneId.getAvailableZoneIds().contains(zone)
                    ? null
                    : "must be an IANA time zone id such as Europe/Lisbon";
        };
    }

    /** The rules between fields: a resting heart rate below the maximum one. */
    public List<Violation> violations() {
        List<Violation> violations = new ArrayList<>();
        if (restingHeartRateBpm != null && maxHeartRateBpm != null && restingHeartRateBpm >= maxHeartRateBpm) {
            violations.add(new Violation(Field.RESTING_HEART_RATE_BPM,
                    "must be below max_heart_rate_bpm (" + maxHeartRateBpm + ")"));
        }
        return violations;
    }

    private static String decimalIn(Object value, double min, double max, String unit) {
        if (value instanceof Number number && Double.isFinite(number.doubleValue())
                && number.doubleValue() >= min && number.doubleValue() <= max) {
            return null;
        }
        return "must be a number from " + format(min) + " to " + format(max) + " " + unit;
    }

    private static String wholeIn(Object value, int min, int max, String unit) {
        boolean whole = value instanceof Integer || value instanceof Long || value instanceof Short
                || value instanceof BigInteger;
        if (whole && new BigInteger(value.toString()).compareTo(BigInteger.valueOf(min)) >= 0
                && new BigInteger(value.toString()).compareTo(BigInteger.valueOf(max)) <= 0) {
            return null;
        }
        return "must be a whole number from " + min + " to " + max + unit;
    }

    private static String format(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
    }

    /** The stored form (encrypted as one field, ADR 0007): {@code name=value} of each set field, one per line. */
    public String encode() {
        Map<Field, Object> values = new LinkedHashMap<>();
        values.put(Field.WEIGHT_KG, weightKg);
        values.put(Field.HEIGHT_CM, heightCm);
        values.put(Field.MAX_HEART_RATE_BPM, maxHeartRateBpm);
        values.put(Field.RESTING_HEART_RATE_BPM, restingHeartRateBpm);
        values.put(Field.BIRTH_YEAR, birthYear);
        values.put(Field.TIME_ZONE, timeZone);
        StringBuilder text = new StringBuilder();
        values.forEach((field, value) -> {
            if (value != null) {
                text.append(field.wireName()).append('=').append(value).append('\n');
            }
        });
        return text.toString();
    }

    /** Reads {@link #encode()}'s form back (null or empty: {@link #NONE}). */
    public static AthleteMetrics decode(String text) {
        if (text == null || text.isEmpty()) {
            return NONE;
        }
        Map<Field, Object> values = new LinkedHashMap<>();
        for (String line : text.split("\n")) {
            int equals = line.indexOf('=');
            Field field = Field.ofWireName(line.substring(0, equals));
            String value = line.substring(equals + 1);
            values.put(Objects.requireNonNull(field, "unknown stored metric " + line.substring(0, equals)),
                    switch (field) {
                        case WEIGHT_KG, HEIGHT_CM -> Double.valueOf(value);
                        case MAX_HEART_RATE_BPM, RESTING_HEART_RATE_BPM, BIRTH_YEAR -> Integer.valueOf(value);
                        case TIME_ZONE -> value;
                    });
        }
        return NONE.with(values);
    }
}
