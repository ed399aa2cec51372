package io.flowhub.wiring;

import com.mongodb.event.CommandFailedEvent;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import com.mongodb.event.CommandSucceededEvent;
import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.Timespan;
import org.bson.BsonValue;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Every command the services send to MongoDB as a JDK Flight Recorder event ({@code flowhub.MongoCommand}): its
 * name, collection and the driver's own time for it, with the stack of the code that sent it. Nothing is recorded
 * unless a recording enables the event (one check of a flag per command); {@code ./flowhub bench --profile} does,
 * and counts each project call's round trips from them. The command itself, which may hold user data, is never
 * recorded.
 */
final class MongoCommandEvents implements CommandListener {

    /** One command and its answer. */
    @Name("flowhub.MongoCommand")
    @Label("MongoDB command")
    @Category({"FlowHub", "MongoDB"})
    @Description("A command the services sent to MongoDB, timed by the driver from sending to the answer")
    static final class MongoCommand extends Event {

        @Label("Command")
        String command;

        @Label("Collection")
        String collection;

        @Label("Elapsed")
        @Timespan(Timespan.NANOSECONDS)
        long elapsed;

        @Label("Succeeded")
        boolean succeeded;
    }

    private final Map<Integer, String> collections = new ConcurrentHashMap<>();

    @Override
    public void commandStarted(CommandStartedEvent event) {
        if (!new MongoCommand().isEnabled()) {
            return;
        }
        BsonValue named = event.getCommand().get(event.getCommandName());
        // why: getMore names its collection apart; a command naming none (a ping, a transaction's commit) has none
        BsonValue collection = named != null && named.isString() ? named : event.getCommand().get("collection");
        collections.put(event.getRequestId(), collection != null && collection.isString()
                ? collection.asString().getValue() : "");
    }

    @Override
    public void commandSucceeded(CommandSucceededEvent event) {
        record(event.getRequestId(), event.getCommandName(), event.getElapsedTime(TimeUnit.NANOSECONDS), true);
    }

    @Override
    public void commandFailed(CommandFailedEvent event) {
        record(event.getRequestId(), event.getCommandName(), event.getElapsedTime(TimeUnit.NANOSECONDS), false);
    }

    private void record(int requestId, String command, long elapsed, boolean succeeded) {
        String collection = collections.remove(requestId);
        var event = new MongoCommand();
        if (collection == null || !event.shouldCommit()) {
            return;
        }
        event.command = command;
        event.collection = collection;
        event.elapsed = elapsed;
        event.succeeded = succeeded;
        event.commit();
    }
}
