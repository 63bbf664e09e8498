package io.stride.processors.goals.domain;

/** The distances of personal records' best efforts (DOMAIN-ALGORITHMS.md C.9), in metres. */
public enum EffortDistance {
    M400("400m", 400),
    HALF_MILE("half-mile", 804.672),
    K1("1k", 1_000),
    MILE("1-mile", 1_609.344),
    TWO_MILES("2-mile", 3_218.688),
    K5("5k", 5_000),
    K10("10k", 10_000),
    K15("15k", 15_000),
    TEN_MILES("10-mile", 16_093.44),
    K20("20k", 20_000),
    HALF_MARATHON("half-marathon", 21_097.5),
    K30("30k", 30_000),
    MARATHON("marathon", 42_195);

    private final String id;
    private final double meters;

    EffortDistance(String id, double meters) {
        this.id = id;
        this.meters = meters;
    }

    /** As records and answers name it: {@code 5k}. */
    public String id() {
        return id;
    }

    public double meters() {
        return meters;
    }
}
