package io.stride.commands.users.crypto;

import java.util.UUID;

/** The user's data key was deleted (crypto-shredding): the user is erased, their ciphertexts unreadable for good. */
public class DataKeyShredded extends DataKeyUnavailable {

    public DataKeyShredded(UUID userId) {
        super("no data key userId=" + userId, null);
    }
}
