package io.stride.commands.users.crypto;

/**
 * A user's data key cannot be used: it was shredded (the user is erased), or its wrapped form does not open with
 * the master key under this user's id (a row copied from another user, or a different master key).
 */
public class DataKeyUnavailable extends RuntimeException {

    public DataKeyUnavailable(String message, Throwable cause) {
        super(message, cause);
    }
}
