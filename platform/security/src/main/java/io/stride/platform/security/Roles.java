package io.stride.platform.security;

/**
 * The platform's role names, as they appear in the access token's {@code groups} claim and in
 * {@code @RolesAllowed}.
 */
public final class Roles {

    /** A user who records workouts; every registered user has it. */
    public static final String ATHLETE = "athlete";
    /** A user who follows and plans the workouts of athletes who granted access. */
    public static final String COACH = "coach";
    /** Operators of the platform. */
    public static final String ADMIN = "admin";
    /** Marketing staff: aggregated, anonymised data only. */
    public static final String MARKETING = "marketing";

    private Roles() {
    }
}
