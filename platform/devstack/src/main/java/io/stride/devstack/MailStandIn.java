package io.stride.devstack;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

/**
 * The mail relay STAND-IN: GreenMail inside the devstack JVM, a real SMTP server that accepts every message and keeps
 * it in memory, with an IMAP server to read each recipient's mailbox (any password; the login is the address). The
 * users service sends its verification emails here; the simulator and tests read them over IMAP. It is not a mail
 * transfer agent: nothing is relayed onwards and mail is gone when the devstack stops.
 */
final class MailStandIn extends InProcessServer {

    static final String NAME = "mail-stand-in";

    private GreenMail server;

    MailStandIn(Layout layout, Ports ports) {
        super(layout, ports);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "mail relay stand-in (GreenMail SMTP + IMAP, in memory; NOT a mail transfer agent)";
    }

    @Override
    public String endpoint() {
        return Ports.HOST + ":" + ports.smtp() + " (SMTP), " + Ports.HOST + ":" + ports.imap() + " (IMAP)";
    }

    @Override
    public void start() {
        GreenMail started = new GreenMail(new ServerSetup[] {
                new ServerSetup(ports.smtp(), Ports.HOST, ServerSetup.PROTOCOL_SMTP),
                new ServerSetup(ports.imap(), Ports.HOST, ServerSetup.PROTOCOL_IMAP)})
                .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
        synchronized (this) {
            server = started;
        }
        // start() returns once both servers accept connections. No bare connect-and-close probe afterwards: GreenMail's
        // IMAP handler spins on a connection that closes before the protocol's LOGOUT.
        started.start();
    }

    @Override
    public void stop() {
        GreenMail running;
        synchronized (this) {
            running = server;
            server = null;
        }
        if (running != null) {
            running.stop();
        }
    }
}
