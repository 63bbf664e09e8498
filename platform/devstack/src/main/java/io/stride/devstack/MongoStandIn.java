package io.stride.devstack;

import java.nio.file.Files;
import java.nio.file.Path;

import de.bwaldvogel.mongo.MongoServer;

/**
 * The MongoDB STAND-IN: {@code de.bwaldvogel:mongo-java-server} speaking the real MongoDB wire protocol (reports
 * version 5.0) inside the devstack JVM, with its H2 MVStore backend persisting to {@code data/mongo/} and the oplog
 * on (change streams), and one rule of mongod's planner it lacks ({@link IdIndexedH2Backend}). It is not mongod: no transactions, compound indexes are ignored, no TTL expiry, geo queries,
 * {@code $text}, {@code $dateTrunc} or {@code $setWindowFields}. Code must stay correct on real MongoDB (ADR 0002).
 */
final class MongoStandIn extends InProcessServer {

    static final String NAME = "mongo-stand-in";

    private MongoServer server;

    MongoStandIn(Layout layout, Ports ports) {
        super(layout, ports);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "MongoDB stand-in (mongo-java-server, H2 backend, oplog on; wire protocol, NOT mongod)";
    }

    @Override
    public String endpoint() {
        return Ports.HOST + ":" + ports.mongo();
    }

    @Override
    public void start() throws Exception {
        Path dataDir = layout.data("mongo");
        Files.createDirectories(dataDir);
        MongoServer started = new MongoServer(new IdIndexedH2Backend(dataDir.resolve("stride.mv").toString()));
        started.enableOplog();
        synchronized (this) {
            server = started;
        }
        started.bind(Ports.HOST, ports.mongo());
        if (!KafkaBroker.portOpen(ports.mongo())) {
            throw new IllegalStateException("not listening on " + endpoint());
        }
    }

    @Override
    public void stop() {
        MongoServer running;
        synchronized (this) {
            running = server;
            server = null;
        }
        if (running != null) {
            running.shutdownNow();
        }
    }
}
