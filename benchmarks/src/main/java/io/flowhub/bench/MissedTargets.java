package io.flowhub.bench;

import java.util.Map;

/** What RESULTS.md says under a missed target: why the embedded server misses it, and what else explains each row. */
final class MissedTargets {

    private MissedTargets() {
    }

    static final String ON_THE_EMBEDDED_SERVER = """
            The embedded mongo-java-server keeps no secondary indexes: every query but a bare `_id` \
            lookup reads the whole collection, and every document written pays a look-up in its `_id` index. \
            The baseline makes its pass once; a job makes one more per batch, since each batch's write is the \
            selection within the batch's `_id` range (or its ids, plus a guard), so that it changes only what \
            the job read. So the gap grows with the collection and shrinks with the batch. On a MongoDB server \
            the migrations' indexes bound each batch's read and write to the batch, which is what would close \
            that part of the gap: run `FLOWHUB_MONGODB_URI=... ./flowhub bench` where one is available. \
            `./flowhub bench --profile` shows, per call, the round trips and the server time behind these \
            rows.""";

    /** What besides the passes explains a scenario's miss, when it misses. */
    static final Map<String, String> BESIDES_THE_PASSES = Map.of(
            "B1", "B1 also writes the job's ledger, one entry per batch naming the items it changed (what makes "
                    + "its counts exact through crashes and redeliveries, and the base of undo and receipts), and its "
                    + "progress after every batch, and accounts for every item; the baseline does none of that. Its "
                    + "note gives the ledger's cost alone and, at 1,000 items, that of the batches' writes.",
            "B2", "B2's baseline is short (a fraction of a second), and the purge writes each item twice: it claims "
                    + "it for the job, then deletes it, and records the files' removal before the delete, so that "
                    + "two deleters meeting the same items each count exactly what they deleted and a worker that "
                    + "dies loses no file (its note gives the time the job itself ran).",
            "B3", "B3 claims each item before it deletes it, as B2 does: every item is written twice.",
            "B9", "B9 runs twenty jobs, three at a time on the cleanup worker's consumers: each makes its passes over "
                    + "all twenty runs' items (no index on run_id here) and has fixed costs of its own — the request, "
                    + "the job record, its claim, ledger and completion — that twenty deleteMany calls do not. Its note "
                    + "gives the jobs' item work alone against the baseline.");
}
