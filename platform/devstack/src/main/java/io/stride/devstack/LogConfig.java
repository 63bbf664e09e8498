package io.stride.devstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** log4j2 configuration files written under {@code run/}: everything of one JVM into one log file. */
final class LogConfig {

    private LogConfig() {
    }

    /** A log4j2 XML configuration appending every event at INFO and above to {@code logFile}. */
    static String xml(Path logFile) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <Configuration status="warn" shutdownHook="disable">
                  <Appenders>
                    <File name="file" fileName="%s" append="true" immediateFlush="true">
                      <PatternLayout pattern="%%d{ISO8601} %%-5p [%%c] (%%t) %%m%%n"/>
                    </File>
                  </Appenders>
                  <Loggers>
                    <Logger name="kafka.request.logger" level="warn"/>
                    <Logger name="state.change.logger" level="warn"/>
                    <Logger name="org.apache.kafka.clients" level="warn"/>
                    <Root level="info">
                      <AppenderRef ref="file"/>
                    </Root>
                  </Loggers>
                </Configuration>
                """.formatted(logFile.toAbsolutePath());
    }

    /** Writes the configuration to {@code configFile} and returns it. */
    static Path write(Path configFile, Path logFile) throws IOException {
        Files.writeString(configFile, xml(logFile));
        return configFile;
    }
}
