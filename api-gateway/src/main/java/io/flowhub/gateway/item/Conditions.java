package io.flowhub.gateway.item;

import org.bson.Document;
import org.bson.conversions.Bson;

import java.util.List;

import static com.mongodb.client.model.Filters.and;

/** Combines query conditions, leaving out the empty ones ("no restriction"), which {@code $and} does not take. */
final class Conditions {

    static final Bson NONE = new Document();

    private Conditions() {
    }

    static Bson allOf(List<Bson> conditions) {
        List<Bson> restricting = conditions.stream().filter(condition -> !condition.toBsonDocument().isEmpty()).toList();
        return switch (restricting.size()) {
            case 0 -> NONE;
            case 1 -> restricting.getFirst();
            default -> and(restricting);
        };
    }
}
