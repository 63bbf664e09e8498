package io.stride.benchmarks.load;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * {@code GET} on the platform's Redis over one connection (RESP, a few lines): how the driver sees what the
 * workout-history projection wrote to its cache without asking the service under test. Not thread-safe.
 */
final class RedisReader implements AutoCloseable {

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;

    RedisReader(String redisUrl) throws IOException {
        URI uri = URI.create(redisUrl);
        socket = new Socket();
        socket.connect(new InetSocketAddress(uri.getHost(), uri.getPort() > 0 ? uri.getPort() : 6379), 5_000);
        socket.setSoTimeout(10_000);
        socket.setTcpNoDelay(true);
        in = new BufferedInputStream(socket.getInputStream());
        out = socket.getOutputStream();
    }

    /** The value of {@code key}, null when there is none. */
    String get(String key) throws IOException {
        byte[] name = key.getBytes(StandardCharsets.UTF_8);
        out.write(("*2\r\n$3\r\nGET\r\n$" + name.length + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(name);
        out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
        out.flush();
        String header = line();
        if (header.startsWith("-")) {
            throw new IOException("Redis answered " + header);
        }
        if (!header.startsWith("$")) {
            throw new IOException("unexpected Redis answer " + header);
        }
        int length = Integer.parseInt(header.substring(1));
        if (length < 0) {
            return null;
        }
        byte[] value = in.readNBytes(length + 2);
        return new String(value, 0, length, StandardCharsets.UTF_8);
    }

    private String line() throws IOException {
        StringBuilder line = new StringBuilder();
        for (int b = in.read(); b != '\r'; b = in.read()) {
            if (b < 0) {
                throw new IOException("Redis closed the connection");
            }
            line.append((char) b);
        }
        in.read();
        return line.toString();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
