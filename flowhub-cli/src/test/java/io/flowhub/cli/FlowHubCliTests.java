package io.flowhub.cli;

import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;

import static org.assertj.core.api.Assertions.assertThat;

class FlowHubCliTests {

    @Test
    void aMissingCommandOrAnUnknownOptionIsAUsageErrorThatSaysWhatToDo() {
        var err = new StringWriter();
        var line = FlowHubCli.commandLine().setErr(new PrintWriter(err)).setOut(new PrintWriter(new StringWriter()));

        assertThat(line.execute()).isEqualTo(ExitCodes.USAGE);
        assertThat(line.execute("cleanup", "run")).isEqualTo(ExitCodes.USAGE);
        assertThat(line.execute("jobs", "show", "x", "--colour")).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("Name a command").contains("RUN_ID").contains("--colour");
    }

    @Test
    void theHelpListsTheCommandsAndTheExitCodes() {
        var out = new StringWriter();
        var line = FlowHubCli.commandLine().setOut(new PrintWriter(out));

        assertThat(line.execute("--help")).isZero();
        assertThat(out.toString()).contains("cleanup", "jobs", "receipt", "Exit codes:", "3", "refused by");
    }

    @Test
    void anUnreachableFlowHubIsAnErrorNamingWhereItWasLookedFor() {
        var err = new StringWriter();
        var line = FlowHubCli.commandLine().setErr(new PrintWriter(err));

        int code = line.execute("jobs", "show", "0123456789abcdef01234567", "--url", "http://localhost:9", "--key", "k");

        assertThat(code).isEqualTo(ExitCodes.ERROR);
        assertThat(err.toString()).contains("flowhub:").contains("localhost:9");
    }
}
