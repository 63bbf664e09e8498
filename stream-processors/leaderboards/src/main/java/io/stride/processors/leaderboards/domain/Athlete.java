package io.stride.processors.leaderboards.domain;

import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * What the boards know of an athlete: their time zone (from their metrics), the name others see and whether they hide
 * from public boards (from their public profile), or that they were erased.
 *
 * @param zoneId an id {@link ZoneId#of} knows, or null (none known: UTC)
 * @param displayName the name boards show, or null (none published, or hidden)
 * @param hidden the athlete hides from public boards: their totals are kept, their board entries are not
 * @param erased the athlete exercised the right to erasure: nothing of theirs counts, for good
 */
public record Athlete(String zoneId, String displayName, boolean hidden, boolean erased) {

    /** An athlete nothing is known of yet: UTC, no name, shown. */
    public static final Athlete UNKNOWN = new Athlete(null, null, false, false);

    /** An erased athlete. */
    public static final Athlete ERASED = new Athlete(null, null, false, true);

    public ZoneId zone() {
        return zoneId == null ? ZoneOffset.UTC : ZoneId.of(zoneId);
    }

    public Athlete withZone(String zone) {
        return new Athlete(zone, displayName, hidden, erased);
    }

    public Athlete withProfile(String name, boolean hides) {
        return new Athlete(zoneId, hides ? null : name, hides, erased);
    }
}
