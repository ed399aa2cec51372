package io.flowhub.store.migration;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import io.flowhub.events.CleanupCommand;
import io.flowhub.events.ContractJson;
import io.flowhub.events.UndoJob;
import io.flowhub.store.CollectionNames;
import org.bson.Document;
import org.bson.types.ObjectId;

import java.util.ArrayList;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.exists;
import static com.mongodb.client.model.Projections.include;
import static com.mongodb.client.model.Updates.combine;
import static com.mongodb.client.model.Updates.set;

/**
 * A job records what it is when it is recorded: {@code deletes_for_good} (a hard delete, which has an
 * erasure receipt and no undo) and {@code undoes} (the job an undo reverses), so that nothing reads its
 * command again to find out. Jobs recorded before get both from their command once, here. A cleanup
 * whose command no longer decodes counts as a hard delete: never offered an undo it might not have.
 * Every write is limited to jobs without {@code deletes_for_good}, so running this again changes nothing.
 */
class M013_JobsRecordWhatTheyAre implements Migration {

    private static final String DELETES_FOR_GOOD = "deletes_for_good";

    @Override
    public String id() {
        return "M013_JobsRecordWhatTheyAre";
    }

    @Override
    public void apply(MongoDatabase database) {
        MongoCollection<Document> jobs = database.getCollection(CollectionNames.JOBS);
        var unrecorded = exists(DELETES_FOR_GOOD, false);
        // why: each job's answer comes from its own command, so one write per job; this runs once
        for (Document job : jobs.find(unrecorded).projection(include("_id", "kind", "operation", "command"))
                .into(new ArrayList<>())) {
            String command = job.getString("command");
            boolean cleanup = "cleanup".equals(job.getString("kind"));
            jobs.updateOne(and(eq("_id", job.get("_id")), unrecorded), combine(
                    set(DELETES_FOR_GOOD, cleanup && deletesForGood(command)),
                    set("undoes", "undo".equals(job.getString("operation")) ? undoes(command) : null)));
        }
    }

    private static boolean deletesForGood(String command) {
        try {
            return command == null || ContractJson.mapper().readValue(command, CleanupCommand.class).deletesForGood();
        } catch (RuntimeException e) {
            return true;
        }
    }

    private static ObjectId undoes(String command) {
        try {
            return command == null ? null : new ObjectId(ContractJson.mapper().readValue(command, UndoJob.class).undoes());
        } catch (RuntimeException e) {
            return null;
        }
    }
}
