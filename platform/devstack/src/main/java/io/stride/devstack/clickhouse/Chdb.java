package io.stride.devstack.clickhouse;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_DOUBLE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandle;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The ClickHouse engine, chDB's {@code libchdb.so}, called through FFM. Only the calls the stand-in needs: connect and
 * close, a query (with server-side {@code {name:Type}} parameters), a streaming INSERT, the result accessors.
 *
 * <p>chDB's signal handlers are switched off before the first connection: ClickHouse would otherwise replace the
 * JVM's SIGSEGV handler, and the JVM hangs at its first implicit null check.
 */
final class Chdb {

    private static final Linker LINKER = Linker.nativeLinker();

    private final MethodHandle connect;
    private final MethodHandle closeConnection;
    private final MethodHandle shutdown;
    private final MethodHandle query;
    private final MethodHandle queryWithParams;
    private final MethodHandle resultError;
    private final MethodHandle resultBuffer;
    private final MethodHandle resultLength;
    private final MethodHandle resultElapsed;
    private final MethodHandle resultRowsRead;
    private final MethodHandle resultBytesRead;
    private final MethodHandle resultStorageRowsRead;
    private final MethodHandle resultStorageBytesRead;
    private final MethodHandle resultRowsWritten;
    private final MethodHandle resultBytesWritten;
    private final MethodHandle destroyResult;
    private final MethodHandle streamInsert;
    private final MethodHandle streamInsertWithParams;
    private final MethodHandle streamAppend;
    private final MethodHandle streamDone;
    private final MethodHandle streamInsertError;
    private final MethodHandle destroyInsertStream;
    private final String version;

    private Chdb(SymbolLookup library) throws Throwable {
        connect = handle(library, "chdb_connect", FunctionDescriptor.of(ADDRESS, JAVA_INT, ADDRESS));
        closeConnection = handle(library, "chdb_close_conn", FunctionDescriptor.ofVoid(ADDRESS));
        shutdown = handle(library, "chdb_shutdown", FunctionDescriptor.of(JAVA_INT));
        query = handle(library, "chdb_query_n", FunctionDescriptor.of(ADDRESS, ADDRESS, ADDRESS, JAVA_LONG, ADDRESS,
                JAVA_LONG));
        queryWithParams = handle(library, "chdb_query_with_params_n", FunctionDescriptor.of(ADDRESS,
                ADDRESS, ADDRESS, JAVA_LONG, ADDRESS, JAVA_LONG, ADDRESS, ADDRESS, ADDRESS, ADDRESS, JAVA_LONG));
        resultError = handle(library, "chdb_result_error", FunctionDescriptor.of(ADDRESS, ADDRESS));
        resultBuffer = handle(library, "chdb_result_buffer", FunctionDescriptor.of(ADDRESS, ADDRESS));
        resultLength = handle(library, "chdb_result_length", FunctionDescriptor.of(JAVA_LONG, ADDRESS));
        resultElapsed = handle(library, "chdb_result_elapsed", FunctionDescriptor.of(JAVA_DOUBLE, ADDRESS));
        resultRowsRead = handle(library, "chdb_result_rows_read", FunctionDescriptor.of(JAVA_LONG, ADDRESS));
        resultBytesRead = handle(library, "chdb_result_bytes_read", FunctionDescriptor.of(JAVA_LONG, ADDRESS));
        resultStorageRowsRead = handle(library, "chdb_result_storage_rows_read",
                FunctionDescriptor.of(JAVA_LONG, ADDRESS));
        resultStorageBytesRead = handle(library, "chdb_result_storage_bytes_read",
                FunctionDescriptor.of(JAVA_LONG, ADDRESS));
        resultRowsWritten = handle(library, "chdb_result_rows_written", FunctionDescriptor.of(JAVA_LONG, ADDRESS));
        resultBytesWritten = handle(library, "chdb_result_bytes_written", FunctionDescriptor.of(JAVA_LONG, ADDRESS));
        destroyResult = handle(library, "chdb_destroy_query_result", FunctionDescriptor.ofVoid(ADDRESS));
        streamInsert = handle(library, "chdb_stream_insert_n", FunctionDescriptor.of(ADDRESS, ADDRESS, ADDRESS,
                JAVA_LONG, ADDRESS, JAVA_LONG));
        streamInsertWithParams = handle(library, "chdb_stream_insert_with_params_n", FunctionDescriptor.of(ADDRESS,
                ADDRESS, ADDRESS, JAVA_LONG, ADDRESS, JAVA_LONG, ADDRESS, ADDRESS, ADDRESS, ADDRESS, JAVA_LONG));
        streamAppend = handle(library, "chdb_stream_append", FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS,
                JAVA_LONG));
        streamDone = handle(library, "chdb_stream_done", FunctionDescriptor.of(ADDRESS, ADDRESS));
        streamInsertError = handle(library, "chdb_stream_insert_error", FunctionDescriptor.of(ADDRESS, ADDRESS));
        destroyInsertStream = handle(library, "chdb_destroy_insert_stream", FunctionDescriptor.ofVoid(ADDRESS));
        MethodHandle versionHandle = handle(library, "chdb_version", FunctionDescriptor.of(ADDRESS));
        version = cString((MemorySegment) versionHandle.invokeExact());
        MethodHandle signalHandlers = handle(library, "chdb_set_signal_handlers_enabled",
                FunctionDescriptor.ofVoid(JAVA_INT));
        signalHandlers.invokeExact(0);
    }

    /** Loads the library (for the life of the process) and switches chDB's signal handlers off. */
    static Chdb load(Path library) {
        try {
            return new Chdb(SymbolLookup.libraryLookup(library, Arena.global()));
        } catch (Error | RuntimeException e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException("cannot bind " + library, e);
        }
    }

    /** The library's version, e.g. {@code 26.7.3}. */
    String version() {
        return version;
    }

    private static MethodHandle handle(SymbolLookup library, String name, FunctionDescriptor descriptor) {
        return LINKER.downcallHandle(library.find(name)
                .orElseThrow(() -> new IllegalStateException("libchdb has no symbol " + name)), descriptor);
    }

    /** {@code length} bytes of {@code bytes} in native memory, followed by a NUL. */
    private static MemorySegment nativeBytes(Arena arena, byte[] bytes, int length) {
        MemorySegment segment = arena.allocate(length + 1L);
        MemorySegment.copy(bytes, 0, segment, JAVA_BYTE, 0, length);
        return segment;
    }

    /** The text's UTF-8 bytes in native memory, followed by a NUL (so {@code byteSize() - 1} is its length). */
    private static MemorySegment nativeBytes(Arena arena, String text) {
        return arena.allocateFrom(text);
    }

    private static String cString(MemorySegment pointer) {
        return pointer.equals(MemorySegment.NULL) ? null : pointer.reinterpret(Integer.MAX_VALUE).getString(0);
    }

    /**
     * Opens a connection: {@code args} as on clickhouse-local's command line ({@code --path=DIR},
     * {@code --<setting>=<value>} for this connection's settings).
     */
    Connection connect(List<String> args) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment argv = arena.allocate(ADDRESS, args.size() + 1L);
            argv.setAtIndex(ADDRESS, 0, arena.allocateFrom("clickhouse"));
            for (int i = 0; i < args.size(); i++) {
                argv.setAtIndex(ADDRESS, i + 1, arena.allocateFrom(args.get(i)));
            }
            MemorySegment pointer = (MemorySegment) connect.invokeExact(args.size() + 1, argv);
            if (pointer.equals(MemorySegment.NULL)) {
                throw new IllegalStateException("chdb_connect failed with " + args);
            }
            return new Connection(pointer.reinterpret(ADDRESS.byteSize()));
        } catch (Error | RuntimeException e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    /** Stops the engine's threads once every connection is closed. */
    void shutdown() {
        try {
            int ignored = (int) shutdown.invokeExact();
        } catch (Throwable e) {
            // the process exits anyway
        }
    }

    /** Statistics of one statement, as the HTTP interface's {@code X-ClickHouse-Summary} reports them. */
    record Statistics(long readRows, long readBytes, long writtenRows, long writtenBytes, long resultRows,
            long resultBytes, long elapsedNanos) {

        static final Statistics NONE = new Statistics(0, 0, 0, 0, 0, 0, 0);

        /** The header's JSON: every value a string, as ClickHouse writes it. */
        String summaryJson() {
            return ("{\"read_rows\":\"%d\",\"read_bytes\":\"%d\",\"written_rows\":\"%d\",\"written_bytes\":\"%d\","
                    + "\"total_rows_to_read\":\"0\",\"result_rows\":\"%d\",\"result_bytes\":\"%d\","
                    + "\"elapsed_ns\":\"%d\"}").formatted(readRows, readBytes, writtenRows, writtenBytes, resultRows,
                    resultBytes, elapsedNanos);
        }
    }

    /**
     * A statement's outcome: its output bytes (still in native memory until {@link #close()}) or ClickHouse's error
     * text, and its statistics.
     */
    final class Result implements AutoCloseable {
        private final MemorySegment result;
        private final String error;
        private final MemorySegment data;

        private Result(MemorySegment result) throws Throwable {
            this.result = result;
            this.error = cString((MemorySegment) resultError.invokeExact(result));
            long length = error == null ? (long) resultLength.invokeExact(result) : 0;
            MemorySegment buffer = length == 0 ? MemorySegment.NULL : (MemorySegment) resultBuffer.invokeExact(result);
            this.data = length == 0 ? MemorySegment.NULL : buffer.reinterpret(length);
        }

        /** ClickHouse's error text ({@code Code: 62. DB::Exception: …}), or null when the statement succeeded. */
        String error() {
            return error;
        }

        long length() {
            return data.byteSize();
        }

        Statistics statistics() {
            try {
                return new Statistics((long) resultStorageRowsRead.invokeExact(result),
                        (long) resultStorageBytesRead.invokeExact(result), (long) resultRowsWritten.invokeExact(result),
                        (long) resultBytesWritten.invokeExact(result), (long) resultRowsRead.invokeExact(result),
                        (long) resultBytesRead.invokeExact(result),
                        (long) ((double) resultElapsed.invokeExact(result) * 1e9));
            } catch (Throwable e) {
                throw new IllegalStateException(e);
            }
        }

        /** The output as text (for the stand-in's own small queries). */
        String text() {
            return new String(data.toArray(JAVA_BYTE), StandardCharsets.UTF_8);
        }

        /** Copies the output to {@code out} in chunks, without a second copy of it on the heap. */
        void writeTo(OutputStream out) throws IOException {
            byte[] chunk = new byte[(int) Math.min(1 << 16, Math.max(1, data.byteSize()))];
            for (long offset = 0; offset < data.byteSize(); offset += chunk.length) {
                int n = (int) Math.min(chunk.length, data.byteSize() - offset);
                MemorySegment.copy(data, JAVA_BYTE, offset, chunk, 0, n);
                out.write(chunk, 0, n);
            }
        }

        @Override
        public void close() {
            try {
                destroyResult.invokeExact(result);
            } catch (Throwable e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** One chDB connection: one statement at a time (callers serialise). */
    final class Connection implements AutoCloseable {
        private final MemorySegment pointer;
        private final MemorySegment connection;
        private boolean closed;

        private Connection(MemorySegment pointer) {
            this.pointer = pointer;
            this.connection = pointer.get(ADDRESS, 0);
        }

        /** Runs one statement; {@code params} bind its {@code {name:Type}} placeholders on the engine's side. */
        Result query(byte[] sql, int length, String format, Map<String, String> params) {
            try (Arena arena = Arena.ofConfined()) {
                MemorySegment text = nativeBytes(arena, sql, length);
                MemorySegment formatName = nativeBytes(arena, format);
                MemorySegment result;
                if (params.isEmpty()) {
                    result = (MemorySegment) query.invokeExact(connection, text, (long) length, formatName,
                            formatName.byteSize() - 1);
                } else {
                    Params bound = Params.of(arena, params);
                    result = (MemorySegment) queryWithParams.invokeExact(connection, text, (long) length, formatName,
                            formatName.byteSize() - 1, bound.names(), bound.nameLengths(), bound.values(),
                            bound.valueLengths(), bound.count());
                }
                return new Result(result);
            } catch (Error | RuntimeException e) {
                throw e;
            } catch (Throwable e) {
                throw new IllegalStateException(e);
            }
        }

        Result query(String sql) {
            byte[] bytes = sql.getBytes(StandardCharsets.UTF_8);
            return query(bytes, bytes.length, "TabSeparated", Map.of());
        }

        /**
         * Starts a streaming INSERT: {@code statement} is the INSERT without its FORMAT clause or data; the data is
         * appended in {@code format}, never inline after the statement (chDB ends inline data at the first blank line
         * and would silently drop the rest).
         */
        InsertStream insert(byte[] statement, int length, String format, Map<String, String> params) {
            try (Arena arena = Arena.ofConfined()) {
                MemorySegment text = nativeBytes(arena, statement, length);
                MemorySegment formatName = nativeBytes(arena, format);
                MemorySegment stream;
                if (params.isEmpty()) {
                    stream = (MemorySegment) streamInsert.invokeExact(connection, text, (long) length, formatName,
                            formatName.byteSize() - 1);
                } else {
                    Params bound = Params.of(arena, params);
                    stream = (MemorySegment) streamInsertWithParams.invokeExact(connection, text, (long) length,
                            formatName, formatName.byteSize() - 1, bound.names(), bound.nameLengths(), bound.values(),
                            bound.valueLengths(), bound.count());
                }
                return new InsertStream(stream);
            } catch (Error | RuntimeException e) {
                throw e;
            } catch (Throwable e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public void close() {
            if (closed) {
                return;
            }
            closed = true;
            try {
                closeConnection.invokeExact(pointer);
            } catch (Throwable e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** A streaming INSERT in progress: append chunks, then {@link #done()}; always {@link #close()}. */
    final class InsertStream implements AutoCloseable {
        private static final int CHUNK = 1 << 20;
        private final MemorySegment stream;
        private final Arena arena = Arena.ofConfined();
        private final MemorySegment buffer = arena.allocate(CHUNK);

        private InsertStream(MemorySegment stream) {
            this.stream = stream;
        }

        /** Why the INSERT could not start (unknown table, bad format...), or null. */
        String startError() {
            try {
                return cString((MemorySegment) streamInsertError.invokeExact(stream));
            } catch (Throwable e) {
                throw new IllegalStateException(e);
            }
        }

        /** Appends bytes; false when the stream has failed (the reason comes with {@link #done()}). */
        boolean append(byte[] bytes, int offset, int length) {
            try {
                for (int at = offset; at < offset + length; at += CHUNK) {
                    int n = Math.min(CHUNK, offset + length - at);
                    MemorySegment.copy(bytes, at, buffer, JAVA_BYTE, 0, n);
                    if ((int) streamAppend.invokeExact(stream, buffer, (long) n) != 0) {
                        return false;
                    }
                }
                return true;
            } catch (Throwable e) {
                throw new IllegalStateException(e);
            }
        }

        /** Ends the data and commits it; the result carries the rows written or the error. */
        Result done() {
            try {
                return new Result((MemorySegment) streamDone.invokeExact(stream));
            } catch (Error | RuntimeException e) {
                throw e;
            } catch (Throwable e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public void close() {
            try {
                destroyInsertStream.invokeExact(stream);
            } catch (Throwable e) {
                throw new IllegalStateException(e);
            } finally {
                arena.close();
            }
        }
    }

    /** Parameter arrays for the {@code *_with_params_n} calls. */
    private record Params(MemorySegment names, MemorySegment nameLengths, MemorySegment values,
            MemorySegment valueLengths, long count) {

        static Params of(Arena arena, Map<String, String> params) {
            if (params.isEmpty()) {
                return new Params(MemorySegment.NULL, MemorySegment.NULL, MemorySegment.NULL, MemorySegment.NULL, 0);
            }
            int n = params.size();
            MemorySegment names = arena.allocate(ADDRESS, n);
            MemorySegment nameLengths = arena.allocate(JAVA_LONG, n);
            MemorySegment values = arena.allocate(ADDRESS, n);
            MemorySegment valueLengths = arena.allocate(JAVA_LONG, n);
            int i = 0;
            for (Map.Entry<String, String> param : params.entrySet()) {
                MemorySegment name = nativeBytes(arena, param.getKey());
                MemorySegment value = nativeBytes(arena, param.getValue());
                names.setAtIndex(ADDRESS, i, name);
                nameLengths.setAtIndex(JAVA_LONG, i, name.byteSize() - 1);
                values.setAtIndex(ADDRESS, i, value);
                valueLengths.setAtIndex(JAVA_LONG, i, value.byteSize() - 1);
                i++;
            }
            return new Params(names, nameLengths, values, valueLengths, n);
        }
    }
}
