package io.stride.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The loopback ports of the devstack's servers.
 *
 * @param kafka           Kafka client listener (PLAINTEXT)
 * @param kafkaController Kafka KRaft controller listener
 * @param apicurio        Apicurio Registry HTTP (REST API)
 * @param postgres        PostgreSQL
 * @param redis           Redis
 * @param mongo           the MongoDB stand-in (mongo-java-server, MongoDB wire protocol)
 * @param clickhouse      the ClickHouse server stand-in's HTTP interface (the real engine, chDB, behind it)
 * @param smtp            the mail relay stand-in's SMTP (GreenMail)
 * @param imap            the mail relay stand-in's IMAP, to read the mail it received
 */
record Ports(int kafka, int kafkaController, int apicurio, int postgres, int redis, int mongo, int clickhouse, int smtp,
        int imap) {

    /** Every server binds this address only. */
    static final String HOST = "127.0.0.1";

    /** The fixed dev ports, documented in the devstack README: the defaults plus 10000, or close to that. */
    static Ports dev() {
        return new Ports(19092, 19093, 18081, 15432, 16379, 17017, 18123, 10025, 10143);
    }

    /** Free ports picked by the OS, all distinct (every socket is held open until all are picked). */
    static Ports random() {
        List<ServerSocket> sockets = new ArrayList<>();
        try {
            for (int i = 0; i < 9; i++) {
                sockets.add(new ServerSocket(0, 1, InetAddress.getByName(HOST)));
            }
            int[] p = sockets.stream().mapToInt(ServerSocket::getLocalPort).toArray();
            return new Ports(p[0], p[1], p[2], p[3], p[4], p[5], p[6], p[7], p[8]);
        } catch (IOException e) {
            throw new UncheckedIOException("could not pick free ports", e);
        } finally {
            sockets.forEach(Ports::closeQuietly);
        }
    }

    /** Ports by the name of the server that uses them, in start order. */
    Map<String, Integer> byServer() {
        Map<String, Integer> ports = new LinkedHashMap<>();
        ports.put("kafka", kafka);
        ports.put("kafka controller", kafkaController);
        ports.put("apicurio", apicurio);
        ports.put("postgres", postgres);
        ports.put("redis", redis);
        ports.put("mongo stand-in", mongo);
        ports.put("clickhouse stand-in", clickhouse);
        ports.put("mail stand-in (SMTP)", smtp);
        ports.put("mail stand-in (IMAP)", imap);
        return ports;
    }

    /**
     * Fails when a port is already taken, naming the server it is for, so a second devstack (or anything else on
     * that port) is reported before any server starts.
     */
    void requireFree() {
        for (Map.Entry<String, Integer> entry : byServer().entrySet()) {
            try (ServerSocket socket = new ServerSocket()) {
                socket.setReuseAddress(true);
                socket.bind(new InetSocketAddress(HOST, entry.getValue()));
            } catch (IOException e) {
                throw new IllegalStateException("port %d for %s is already in use on %s (another devstack? use --random-ports)"
                        .formatted(entry.getValue(), entry.getKey(), HOST));
            }
        }
    }

    private static void closeQuietly(ServerSocket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // the port is released either way
        }
    }
}
