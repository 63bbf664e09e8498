package io.stride.devstack.clickhouse;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;

/**
 * ClickHouse's HTTP interface, as far as clients such as clickhouse-jdbc (jdbc-v2) use it: {@code GET /ping},
 * {@code POST /} (or {@code GET /?query=} for reads) with the statement in the {@code query} parameter followed by the
 * body, the database and output format from {@code X-ClickHouse-Database} / {@code X-ClickHouse-Format} (or the
 * {@code database} / {@code default_format} parameters), {@code param_<name>} for {@code {name:Type}} placeholders,
 * every other parameter a setting for this request only. Answers carry {@code X-ClickHouse-Query-Id},
 * {@code X-ClickHouse-Format}, {@code X-ClickHouse-Timezone} and {@code X-ClickHouse-Summary}; errors carry the
 * server's status, {@code X-ClickHouse-Exception-Code} and the {@code Code: N. DB::Exception: …} text.
 *
 * <p>Reads ({@code SELECT}, {@code WITH}, {@code SHOW}, {@code DESCRIBE}, {@code EXISTS}, {@code EXPLAIN}) run on the
 * reader connection, everything else on the writer connection, one request at a time each. An INSERT's data is
 * streamed to the engine ({@code chdb_stream_insert_n}/{@code _append}/{@code _done}), never passed inline.
 */
final class QueryHandler implements HttpHandler {

    /** URL parameters that are not settings (as in ClickHouse's HTTP handler). */
    private static final Set<String> NOT_SETTINGS = Set.of("query", "compress", "decompress", "user", "password",
            "quota_key", "query_id", "stacktrace", "role", "buffer_size", "wait_end_of_query", "session_id",
            "session_timeout", "session_check", "client_protocol_version", "close_session", "database",
            "default_format");
    private static final Set<String> READS = Set.of("SELECT", "WITH", "SHOW", "DESCRIBE", "DESC", "EXISTS", "EXPLAIN",
            "(");
    private static final String PARAM_PREFIX = "param_";
    private static final int HEAD_BYTES = 1 << 20;
    private static final int CHUNK = 1 << 20;
    private static final byte[] OK = "Ok.\n".getBytes(StandardCharsets.US_ASCII);

    private final EngineSession writer;
    private final EngineSession reader;
    private final String timezone;
    private final String versionNote;

    QueryHandler(EngineSession writer, EngineSession reader, String timezone, String versionNote) {
        this.writer = writer;
        this.reader = reader;
        this.timezone = timezone;
        this.versionNote = versionNote;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String method = exchange.getRequestMethod();
            String rawQuery = exchange.getRequestURI().getRawQuery();
            if ("/ping".equals(path) || ("/".equals(path) && "GET".equals(method) && rawQuery == null)) {
                send(exchange, 200, "text/html; charset=UTF-8", OK);
            } else if (!"/".equals(path)) {
                send(exchange, 404, "text/plain; charset=UTF-8", ("There is no handle " + path + "\n")
                        .getBytes(StandardCharsets.UTF_8));
            } else if (!"GET".equals(method) && !"POST".equals(method)) {
                send(exchange, 405, "text/plain; charset=UTF-8", "Only GET and POST are supported\n"
                        .getBytes(StandardCharsets.UTF_8));
            } else {
                serve(exchange, decode(rawQuery));
            }
        }
    }

    private void serve(HttpExchange exchange, Map<String, String> parameters) throws IOException {
        String queryId = Optional.ofNullable(parameters.get("query_id")).filter(id -> !id.isEmpty())
                .orElseGet(() -> UUID.randomUUID().toString());
        Headers headers = exchange.getRequestHeaders();
        String format = firstNonEmpty(headers.getFirst("X-ClickHouse-Format"), parameters.get("default_format"),
                "TabSeparated");
        try {
            refuseWhatTheStandInLacks(parameters, headers);
            EngineSession.Context context = new EngineSession.Context(
                    firstNonEmpty(headers.getFirst("X-ClickHouse-Database"), parameters.get("database"), "default"),
                    settings(parameters));
            Map<String, String> queryParams = queryParameters(parameters);
            boolean readOnly = "GET".equals(exchange.getRequestMethod());
            InputStream body = exchange.getRequestBody();
            byte[] urlQuery = parameters.getOrDefault("query", "").getBytes(StandardCharsets.UTF_8);
            Head head = head(urlQuery, body);
            String keyword = SqlScanner.firstKeyword(head.text(), head.text().length);
            if (keyword.isEmpty()) {
                throw ClickHouseException.of(ClickHouseException.SYNTAX_ERROR, "SYNTAX_ERROR", "Empty query");
            }
            if (readOnly && !READS.contains(keyword)) {
                throw ClickHouseException.of(ClickHouseException.READONLY, "READONLY", "Cannot execute query in"
                        + " readonly mode. For queries over HTTP, method GET implies readonly. You should use method"
                        + " POST for modifying queries");
            }
            if (head.insert().isPresent()) {
                insert(exchange, queryId, context, queryParams, head, body);
                return;
            }
            if (SqlScanner.multipleStatements(head.text(), head.text().length)) {
                throw ClickHouseException.of(ClickHouseException.SYNTAX_ERROR, "SYNTAX_ERROR",
                        "Multi-statements are not allowed");
            }
            EngineSession session = READS.contains(keyword) ? reader : writer;
            Chdb.Result result = session.run(context, "SET".equals(keyword), "USE".equals(keyword),
                    connection -> succeeded(connection.query(head.text(), head.text().length, format, queryParams)));
            try (result) {
                sendResult(exchange, queryId, format, result);
            }
        } catch (ClickHouseException e) {
            sendError(exchange, queryId, e);
        }
    }

    /**
     * The statement text: the {@code query} parameter, a line feed, then the body (ClickHouse's rule). For an INSERT
     * with inline data only the text up to where its data begins is read here; the rest of the body is streamed.
     */
    private static Head head(byte[] urlQuery, InputStream body) throws IOException {
        if (urlQuery.length > 0) {
            byte[] text = Arrays.copyOf(urlQuery, urlQuery.length + 1);
            text[urlQuery.length] = '\n';
            Optional<SqlScanner.InsertData> insert = SqlScanner.insertData(text, text.length);
            if (insert.isPresent()) {
                return new Head(text, insert);
            }
            byte[] full = concat(text, body.readAllBytes());
            return new Head(full, SqlScanner.insertData(full, full.length));
        }
        byte[] start = body.readNBytes(HEAD_BYTES);
        boolean complete = start.length < HEAD_BYTES;
        Optional<SqlScanner.InsertData> insert = SqlScanner.insertData(start, start.length);
        if (complete || insert.filter(data -> data.dataStart() < start.length).isPresent()) {
            return new Head(start, insert);
        }
        byte[] full = concat(start, body.readAllBytes());
        return new Head(full, SqlScanner.insertData(full, full.length));
    }

    /** The statement text read so far and, for an INSERT with inline data, where that data starts in it. */
    private record Head(byte[] text, Optional<SqlScanner.InsertData> insert) {
    }

    private void insert(HttpExchange exchange, String queryId, EngineSession.Context context,
            Map<String, String> queryParams, Head head, InputStream body) throws ClickHouseException, IOException {
        SqlScanner.InsertData insert = head.insert().orElseThrow();
        byte[] text = head.text();
        Chdb.Statistics statistics = writer.run(context, false, false, connection -> {
            try (Chdb.InsertStream stream = connection.insert(text, insert.statementEnd(), insert.format(),
                    queryParams)) {
                String startError = stream.startError();
                if (startError != null) {
                    throw ClickHouseException.parse(startError);
                }
                if (stream.append(text, insert.dataStart(), text.length - insert.dataStart())) {
                    appendBody(stream, body);
                }
                try (Chdb.Result result = succeeded(stream.done())) {
                    return result.statistics();
                }
            }
        });
        exchange.getResponseHeaders().set("X-ClickHouse-Summary", statistics.summaryJson());
        responseHeaders(exchange, queryId, insert.format(), "text/plain; charset=UTF-8");
        exchange.sendResponseHeaders(200, -1);
    }

    private static void appendBody(Chdb.InsertStream stream, InputStream body) throws ClickHouseException {
        byte[] chunk = new byte[CHUNK];
        try {
            for (int n = body.readNBytes(chunk, 0, CHUNK); n > 0; n = body.readNBytes(chunk, 0, CHUNK)) {
                if (!stream.append(chunk, 0, n)) {
                    return;
                }
            }
        } catch (IOException e) {
            throw ClickHouseException.of(ClickHouseException.UNKNOWN_EXCEPTION, "UNKNOWN_EXCEPTION",
                    "Cannot read the request body: " + e.getMessage());
        }
    }

    private static Chdb.Result succeeded(Chdb.Result result) throws ClickHouseException {
        if (result.error() != null) {
            ClickHouseException error = ClickHouseException.parse(result.error());
            result.close();
            throw error;
        }
        return result;
    }

    /** Sessions and ClickHouse's own compressed framing are not served: say so instead of answering wrongly. */
    private static void refuseWhatTheStandInLacks(Map<String, String> parameters, Headers headers)
            throws ClickHouseException {
        if (parameters.containsKey("session_id")) {
            throw ClickHouseException.of(ClickHouseException.NOT_IMPLEMENTED, "NOT_IMPLEMENTED",
                    "The ClickHouse stand-in has no HTTP sessions (session_id): every request is on its own");
        }
        if ("1".equals(parameters.get("compress")) || "1".equals(parameters.get("decompress"))) {
            throw ClickHouseException.of(ClickHouseException.NOT_IMPLEMENTED, "NOT_IMPLEMENTED",
                    "The ClickHouse stand-in does not speak ClickHouse's compressed framing: connect with"
                            + " compress=false");
        }
        String encoding = headers.getFirst("Content-Encoding");
        if (encoding != null && !encoding.isBlank() && !"identity".equalsIgnoreCase(encoding.strip())) {
            throw ClickHouseException.of(ClickHouseException.NOT_IMPLEMENTED, "NOT_IMPLEMENTED",
                    "The ClickHouse stand-in does not decode a Content-Encoding of " + encoding);
        }
    }

    private static Map<String, String> settings(Map<String, String> parameters) {
        Map<String, String> settings = new LinkedHashMap<>();
        parameters.forEach((name, value) -> {
            if (!NOT_SETTINGS.contains(name) && !name.startsWith(PARAM_PREFIX)) {
                settings.put(name, value);
            }
        });
        return settings;
    }

    private static Map<String, String> queryParameters(Map<String, String> parameters) {
        Map<String, String> params = new LinkedHashMap<>();
        parameters.forEach((name, value) -> {
            if (name.startsWith(PARAM_PREFIX)) {
                params.put(name.substring(PARAM_PREFIX.length()), value);
            }
        });
        return params;
    }

    private void sendResult(HttpExchange exchange, String queryId, String format, Chdb.Result result)
            throws IOException {
        exchange.getResponseHeaders().set("X-ClickHouse-Summary", result.statistics().summaryJson());
        responseHeaders(exchange, queryId, format, contentType(format));
        exchange.sendResponseHeaders(200, result.length() == 0 ? -1 : result.length());
        if (result.length() > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                result.writeTo(out);
            }
        }
    }

    private void sendError(HttpExchange exchange, String queryId, ClickHouseException error) throws IOException {
        ClickHouseHttpServer.log("query failed queryId=%s code=%d name=%s", queryId, error.code(), error.errorName());
        exchange.getResponseHeaders().set("X-ClickHouse-Exception-Code", Integer.toString(error.code()));
        responseHeaders(exchange, queryId, "TabSeparated", "text/plain; charset=UTF-8");
        // A server ends the text with its version; the engine's own texts sometimes carry it already.
        String text = error.getMessage().contains("(version ") ? error.getMessage()
                : error.getMessage() + " " + versionNote;
        send(exchange, error.httpStatus(), "text/plain; charset=UTF-8", (text + "\n").getBytes(StandardCharsets.UTF_8));
    }

    private void responseHeaders(HttpExchange exchange, String queryId, String format, String contentType) {
        Headers response = exchange.getResponseHeaders();
        response.set("X-ClickHouse-Server-Display-Name", ClickHouseHttpServer.DISPLAY_NAME);
        response.set("X-ClickHouse-Query-Id", queryId);
        response.set("X-ClickHouse-Format", format);
        response.set("X-ClickHouse-Timezone", timezone);
        response.set("Content-Type", contentType);
    }

    private static void send(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    static String contentType(String format) {
        String name = format.toLowerCase(Locale.ROOT);
        if (name.startsWith("json")) {
            return "application/json; charset=UTF-8";
        } else if (name.startsWith("tabseparated") || name.startsWith("tsv")) {
            return "text/tab-separated-values; charset=UTF-8";
        } else if (name.startsWith("csv")) {
            return "text/csv; charset=UTF-8";
        }
        return "application/octet-stream";
    }

    private static String firstNonEmpty(String... candidates) {
        for (String candidate : candidates) {
            if (candidate != null && !candidate.isBlank()) {
                return candidate;
            }
        }
        throw new IllegalArgumentException("no default given");
    }

    private static byte[] concat(byte[] first, byte[] second) {
        byte[] joined = Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, joined, first.length, second.length);
        return joined;
    }

    /** The URL's parameters, percent-decoded as UTF-8; a {@code +} stays a plus sign, as ClickHouse reads it. */
    static Map<String, String> decode(String rawQuery) {
        Map<String, String> parameters = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return parameters;
        }
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = percentDecode(equals < 0 ? pair : pair.substring(0, equals));
            String value = equals < 0 ? "" : percentDecode(pair.substring(equals + 1));
            parameters.put(name, value);
        }
        return parameters;
    }

    private static String percentDecode(String text) {
        if (text.indexOf('%') < 0) {
            return text;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            int high = c == '%' && i + 2 < text.length() ? Character.digit(text.charAt(i + 1), 16) : -1;
            int low = high < 0 ? -1 : Character.digit(text.charAt(i + 2), 16);
            if (low >= 0) {
                bytes.write(high * 16 + low);
                i += 2;
            } else {
                byte[] raw = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                bytes.write(raw, 0, raw.length);
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
