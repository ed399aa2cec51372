package io.flowhub.cli;

import io.flowhub.client.Receipt;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

/** {@code flowhub receipt JOB_ID}: a finished hard delete's erasure receipt; exit 1 when it is not verified. */
@Command(name = "receipt", description = "Print a finished hard delete's erasure receipt; exit 1 unless verified.")
final class ReceiptCommand implements Callable<Integer> {

    @Mixin
    Connection connection;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "JOB_ID", description = "The hard delete's job id.")
    String jobId;

    @Override
    public Integer call() {
        Receipt receipt = connection.client().jobs().receipt(jobId);
        var out = spec.commandLine().getOut();
        out.println(connection.json ? Json.write(receipt) : "job " + receipt.jobId() + " " + receipt.operation() + " "
                + (receipt.verified() ? "verified" : "NOT verified") + " at " + receipt.verifiedAt() + ": deleted "
                + receipt.deleted() + ", remaining " + receipt.remaining() + ", " + receipt.digest());
        out.flush();
        return receipt.verified() ? ExitCodes.DONE : ExitCodes.FAILED;
    }
}
