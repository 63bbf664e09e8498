package io.stride.commands.users.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.logging.Log;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.smallrye.mutiny.Uni;
import io.stride.commands.users.config.UsersConfig;
import io.stride.commands.users.domain.Registration;

/**
 * The emails of registration, sent over SMTP. A new or still unconfirmed account gets a confirmation link; an address
 * whose account is confirmed gets a notice that someone tried to register with it. Both are one email, so the two
 * cases cost the same and answer the same.
 */
@ApplicationScoped
public class AccountMails {

    static final String CONFIRM_SUBJECT = "Confirm your Stride account";
    static final String KNOWN_SUBJECT = "Someone tried to create a Stride account with your address";

    private final ReactiveMailer mailer;
    private final String publicUrl;

    AccountMails(ReactiveMailer mailer, UsersConfig config) {
        this.mailer = mailer;
        this.publicUrl = config.publicUrl();
    }

    /** Sends the registration's email. */
    public Uni<Void> send(Registration registration) {
        Mail mail = switch (registration) {
            case Registration.Created created -> confirmation(created.email(), created.token());
            case Registration.Known known when known.token() != null -> confirmation(known.email(), known.token());
            case Registration.Known known -> Mail.withText(known.email(), KNOWN_SUBJECT, """
                    Someone, perhaps you, tried to create a Stride account with this address, which already has one.
                    Nothing was changed. If it was you, log in with your password.
                    """);
        };
        return mailer.send(mail)
                .invoke(() -> Log.debugf("registration email sent kind=%s", registration.getClass().getSimpleName()));
    }

    private Mail confirmation(String email, String token) {
        return Mail.withText(email, CONFIRM_SUBJECT, """
                Welcome to Stride. Confirm this address within 24 hours by opening:

                %s/api/v1/users/verification?token=%s

                If you did not register, ignore this email: the account stays unusable.
                """.formatted(publicUrl, token));
    }
}
