package io.stride.testing;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;

/**
 * Reads what the platform emailed to an address, from the devstack's mail relay stand-in over IMAP (any password; the
 * login is the address): for tests, and for anyone confirming a demo account by hand.
 */
public final class Mailbox {

    private static final Pattern TOKEN = Pattern.compile("token=([A-Za-z0-9_-]+)");

    private Mailbox() {
    }

    /** One received email. */
    public record Mail(String subject, String text) {
    }

    /** Every email the address received, oldest first. */
    public static List<Mail> of(String address) {
        Map<String, String> devstack = Devstack.addresses();
        Properties properties = new Properties();
        properties.put("mail.imap.host", devstack.get(Devstack.MAIL_SMTP_HOST));
        properties.put("mail.imap.port", devstack.get(Devstack.MAIL_IMAP_PORT));
        properties.put("mail.imap.connectiontimeout", "10000");
        properties.put("mail.imap.timeout", "10000");
        try {
            Store store = Session.getInstance(properties).getStore("imap");
            store.connect(address, "any");
            try {
                Folder inbox = store.getFolder("INBOX");
                inbox.open(Folder.READ_ONLY);
                List<Mail> mails = new ArrayList<>();
                for (Message message : inbox.getMessages()) {
                    mails.add(new Mail(message.getSubject(), String.valueOf(message.getContent())));
                }
                inbox.close(false);
                return mails;
            } finally {
                store.close();
            }
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException("cannot read the mailbox of " + address, e);
        }
    }

    /** Waits for the newest email to the address whose subject contains {@code subject}. */
    public static Mail awaitMail(String address, String subject) {
        return await("email '" + subject + "' to " + address).atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> of(address).stream().filter(mail -> mail.subject().contains(subject))
                        .reduce((first, second) -> second), Optional::isPresent)
                .orElseThrow();
    }

    /** The confirmation token of the newest registration email to the address. */
    public static String awaitVerificationToken(String address) {
        Matcher token = TOKEN.matcher(awaitMail(address, "Confirm your Stride account").text());
        if (!token.find()) {
            throw new IllegalStateException("no confirmation link in the email to " + address);
        }
        return token.group(1);
    }
}
