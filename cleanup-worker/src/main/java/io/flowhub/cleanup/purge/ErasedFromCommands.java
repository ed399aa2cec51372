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
    private static final int ID_LENGTH = 24;
    // why: a cheap pattern the server can test on every command; which ids a command names is then checked here,
    // against the whole set at once, instead of by a pattern of hundreds of alternatives per slice (a case-insensitive
    // alternation of 500 ids over every command took the embedded server 1.5 s of a 10,000-item purge)
    private static final String NAMES_AN_ID = "\"[0-9a-fA-F]{24}\"";

    private ErasedFromCommands() {
    }

    /**
     * @param within the documents to look in (besides the purge's own job)
     * @param hex    the purged items' ids, in lower-case hexadecimal (a command may spell them in either case)
     * @return how many commands were rewritten
     */
    static long scrub(MongoCollection<Document> collection, Bson within, Set<String> hex) {
        if (hex.isEmpty()) {
            return 0;
        }
        long rewritten = 0;
        for (Document document : collection.find(and(within, regex(COMMAND, NAMES_AN_ID)))
                .projection(new Document(COMMAND, 1))) {
            String sent = document.getString(COMMAND);
            if (sent == null || !names(sent, hex)) {
                continue;
            }
            // why: the command as read is the condition, so a repeat or a racing purge rewrites what is there
            rewritten += collection.updateOne(and(eq("_id", document.get("_id")), eq(COMMAND, sent)),
                    set(COMMAND, scrub(sent, hex))).getModifiedCount();
        }
        return rewritten;
    }

    /** @return whether the JSON text holds, as a string of its own, one of the ids (in either case) */
    static boolean names(String json, Set<String> hex) {
        for (int quote = json.indexOf('"'); quote >= 0 && quote + ID_LENGTH + 1 < json.length();
                quote = json.indexOf('"', quote + 1)) {
            if (json.charAt(quote + ID_LENGTH + 1) == '"'
                    && hex.contains(json.substring(quote + 1, quote + 1 + ID_LENGTH).toLowerCase(Locale.ROOT))) {
                return true;
            }
        }
        return false;
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
