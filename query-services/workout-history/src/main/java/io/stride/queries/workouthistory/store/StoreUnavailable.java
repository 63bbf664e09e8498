package io.stride.queries.workouthistory.store;

/** A datastore did not answer or failed: a dependency failure, not the request's or the record's fault. */
public class StoreUnavailable extends RuntimeException {

    public StoreUnavailable(String what, Throwable cause) {
        super(what + " unavailable: " + cause.getMessage(), cause);
    }
}
