package io.stride.platform.http;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Formatter;
import java.util.logging.Logger;

import org.jboss.logmanager.ExtHandler;
import org.jboss.logmanager.ExtLogRecord;

/** Test helper: records every log record (and optionally its formatted text) while installed on the root logger. */
final class LogCapture extends ExtHandler implements AutoCloseable {

    private final List<ExtLogRecord> records = new CopyOnWriteArrayList<>();
    private final List<String> lines = new CopyOnWriteArrayList<>();

    private LogCapture(Formatter formatter) {
        if (formatter != null) {
            setFormatter(formatter);
        }
    }

    static LogCapture install() {
        return install(null);
    }

    static LogCapture install(Formatter formatter) {
        LogCapture capture = new LogCapture(formatter);
        Logger.getLogger("").addHandler(capture);
        return capture;
    }

    @Override
    protected void doPublish(ExtLogRecord record) {
        records.add(record);
        if (getFormatter() != null) {
            lines.add(getFormatter().format(record));
        }
    }

    List<ExtLogRecord> records() {
        return records;
    }

    List<String> lines() {
        return lines;
    }

    @Override
    public void close() {
        Logger.getLogger("").removeHandler(this);
    }
}
