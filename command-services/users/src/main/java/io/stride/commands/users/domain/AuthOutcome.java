package io.stride.commands.users.domain;

/**
 * The result of a login or a refresh. A refusal is a value, not an exception, so that what the refusal wrote (a
 * revoked token family) commits with the transaction.
 */
public sealed interface AuthOutcome {

    /** Tokens issued. */
    record Granted(IssuedTokens tokens) implements AuthOutcome {
    }

    /** Refused, for the given reason. */
    record Refused(AuthFailure failure) implements AuthOutcome {
    }
}
