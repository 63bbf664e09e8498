package io.stride.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

class DevstackOptionsTest {

    @Test
    void shouldUseDefaultDirAndDevPortsWhenNoOptionIsGiven() {
        // when
        DevstackOptions options = DevstackOptions.parse(new String[0], Path.of("/repo/.devstack"));

        // then
        assertThat(options.dir()).isEqualTo(Path.of("/repo/.devstack"));
        assertThat(options.installDir()).isEqualTo(Path.of("/repo/.devstack/install"));
        assertThat(options.randomPorts()).isFalse();
        assertThat(options.fresh()).isFalse();
        assertThat(options.exitWithParent()).isFalse();
    }

    @Test
    void shouldReadEveryOptionWhenAllAreGiven() {
        // given
        String[] args = {"--dir", "/tmp/a", "--install-dir", "/tmp/shared", "--random-ports", "--fresh",
                "--exit-with-parent"};

        // when
        DevstackOptions options = DevstackOptions.parse(args, Path.of(".devstack"));

        // then
        assertThat(options).isEqualTo(new DevstackOptions(Path.of("/tmp/a"), Path.of("/tmp/shared"), true, true, true));
    }

    @Test
    void shouldResolveRelativeDirAgainstWorkingDirectoryWhenGivenRelative() {
        // when
        DevstackOptions options = DevstackOptions.parse(new String[] {"--dir", "target/x"}, Path.of(".devstack"));

        // then
        assertThat(options.dir()).isAbsolute().endsWithRaw(Path.of("target", "x"));
    }

    @Test
    void shouldRejectOptionWhenUnknown() {
        assertThatThrownBy(() -> DevstackOptions.parse(new String[] {"--ports"}, Path.of(".devstack")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--ports");
    }

    @Test
    void shouldRejectDirWhenValueIsMissing() {
        assertThatThrownBy(() -> DevstackOptions.parse(new String[] {"--dir", "--fresh"}, Path.of(".devstack")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("--dir needs a value");
    }
}
