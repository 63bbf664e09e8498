package io.stride.benchmarks.simulator;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the confirmation links the users service emailed to the demo athletes, from the local platform's mail relay
 * stand-in over IMAP (any password; the login is the address): a few IMAP commands, enough for that one purpose.
 */
public final class DemoMailbox {

    private static final Pattern TOKEN = Pattern.compile("token=([A-Za-z0-9_-]+)");

    private final String host;
    private final int port;

    public DemoMailbox(String host, int port) {
        this.host = host;
        this.port = port;
    }

    /** The mail relay stand-in of the devstack whose addresses are in the environment ({@code ./stride up}). */
    static DemoMailbox fromEnvironment() {
        String host = System.getenv("MAIL_SMTP_HOST");
        String port = System.getenv("MAIL_IMAP_PORT");
        return host == null || port == null ? new DemoMailbox(null, 0) : new DemoMailbox(host, Integer.parseInt(port));
    }

    /** Every confirmation token emailed to the address, oldest first. */
    List<String> tokens(String address) throws IOException {
        if (host == null) {
            throw new DemoAccounts.UsersServiceRefused("no MAIL_SMTP_HOST and MAIL_IMAP_PORT in the environment: "
                    + "cannot read the demo athletes' confirmation emails");
        }
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 5_000);
            socket.setSoTimeout(10_000);
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                    StandardCharsets.UTF_8));
            OutputStream out = socket.getOutputStream();
            in.readLine();
            command(in, out, "a1", "LOGIN \"" + address + "\" \"demo\"");
            command(in, out, "a2", "SELECT INBOX");
            List<String> tokens = new ArrayList<>();
            for (String line : command(in, out, "a3", "FETCH 1:* (BODY[TEXT])")) {
                Matcher token = TOKEN.matcher(line);
                while (token.find()) {
                    tokens.add(token.group(1));
                }
            }
            command(in, out, "a4", "LOGOUT");
            return tokens;
        }
    }

    /** Sends a tagged command and reads its answer up to the tagged status line (an empty inbox answers BAD/NO). */
    private static List<String> command(BufferedReader in, OutputStream out, String tag, String command)
            throws IOException {
        out.write((tag + " " + command + "\r\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
        List<String> lines = new ArrayList<>();
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            if (line.startsWith(tag + " ")) {
                return lines;
            }
            lines.add(line);
        }
        throw new IOException("the mail server closed the connection during " + command);
    }
}
