package io.flowhub.cleanup.purge;

import com.mongodb.client.MongoCollection;
import io.flowhub.events.ContractJson;
import org.bson.Document;
import org.bson.conversions.Bson;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.node.StringNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.regex;
import static com.mongodb.client.model.Updates.set;

/**
 * Takes a purged user's item ids out of the commands other jobs and plans keep as sent. An id in a
 * list becomes {@code 00000000} followed by its position in the list: no item has that id (its time is
 * 1970), so a job that runs the command again finds nothing there, as it would the purged item, while
 * the list keeps its length and order (a by-ids job resumes from a position in it) and its ids stay
 * distinct (the contract refuses a list naming one id twice). An id standing alone becomes zeros.
 */
final class ErasedFromCommands {

    private static final String COMMAND = "command";
    private static final String ZERO_TIME = "00000000";
    // why: MongoDB refuses a pattern over 32 KB; 500 ids make about 13 KB
    private static final int IDS_PER_PATTERN = 500;

    private ErasedFromCommands() {
    }

    /**
     * @param within the documents to look in (besides the purge's own job)
     * @param hex    a slice of the purged items' ids, in lower-case hexadecimal (a command may spell them in either case)
     * @return how many commands were rewritten
     */
    static long scrub(MongoCollection<Document> collection, Bson within, Set<String> hex) {
        List<String> ids = List.copyOf(hex);
        long rewritten = 0;
        for (int from = 0; from < ids.size(); from += IDS_PER_PATTERN) {
            // why: ids are hexadecimal, so the alternation needs no escaping; a command is stored as its JSON text
            Bson naming = regex(COMMAND, "\"(" + String.join("|", ids.subList(from,
                    Math.min(ids.size(), from + IDS_PER_PATTERN))) + ")\"", "i");
            for (Document document : collection.find(and(within, naming)).projection(new Document(COMMAND, 1))) {
                String sent = document.getString(COMMAND);
                // why: the command as read is the condition, so a repeat or a racing purge rewrites what is there
                rewritten += collection.updateOne(and(eq("_id", document.get("_id")), eq(COMMAND, sent)),
                        set(COMMAND, scrub(sent, hex))).getModifiedCount();
            }
        }
        return rewritten;
    }

    static String scrub(String json, Set<String> hex) {
        JsonNode tree = ContractJson.mapper().readTree(json);
        return ContractJson.mapper().writeValueAsString(replace(tree, hex));
    }

    private static JsonNode replace(JsonNode node, Set<String> hex) {
        if (node instanceof ObjectNode object) {
            for (String name : new ArrayList<>(object.propertyNames())) {
                JsonNode value = object.get(name);
                object.set(name, named(value, hex) ? StringNode.valueOf(ZERO_TIME + "0".repeat(16)) : replace(value, hex));
            }
        } else if (node instanceof ArrayNode array) {
            for (int at = 0; at < array.size(); at++) {
                JsonNode element = array.get(at);
                array.set(at, named(element, hex)
                        ? StringNode.valueOf(ZERO_TIME + "%016x".formatted(at)) : replace(element, hex));
            }
        }
        return node;
    }

    private static boolean named(JsonNode node, Set<String> hex) {
        return node.isString() && hex.contains(node.stringValue().toLowerCase(Locale.ROOT));
    }
}
