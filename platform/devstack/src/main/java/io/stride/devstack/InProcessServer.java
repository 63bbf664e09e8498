package io.stride.devstack;

import java.nio.file.Path;
import java.util.OptionalLong;

/** A server of the devstack that runs inside the devstack JVM: it logs through the JVM's log and has its pid. */
abstract class InProcessServer implements ManagedServer {

    protected final Layout layout;
    protected final Ports ports;

    InProcessServer(Layout layout, Ports ports) {
        this.layout = layout;
        this.ports = ports;
    }

    @Override
    public Path logFile() {
        return layout.log("devstack");
    }

    @Override
    public boolean inProcess() {
        return true;
    }

    @Override
    public OptionalLong pid() {
        return OptionalLong.of(ProcessHandle.current().pid());
    }
}
