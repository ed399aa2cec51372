package io.flowhub.bench;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import org.apache.kafka.common.utils.AppInfoParser;
import org.bson.Document;

/**
 * The servers a run measured, named for the report: which Kafka and which MongoDB server, with
 * their versions as they report them (never a URI's credentials).
 *
 * @param kafka   the broker, in words
 * @param mongodb the database server, in words
 * @param embedded true when the database is the embedded wire-protocol server
 */
record Servers(String kafka, String mongodb, boolean embedded) {

    static Servers describe(MongoClient client, MongoDatabase database, String bootstrapServers, boolean externalKafka,
            boolean externalMongo) {
        String kafka = externalKafka ? "the Kafka at " + bootstrapServers
                : "the embedded KRaft broker (Apache Kafka " + AppInfoParser.getVersion() + ")";
        String version = "unknown version";
        String replicaSet = null;
        try {
            version = database.runCommand(new Document("buildInfo", 1)).get("version", "unknown version");
            if (externalMongo) {
                // why: the embedded server has no 'hello' and would log the refusal as an error
                replicaSet = client.getDatabase("admin").runCommand(new Document("hello", 1)).getString("setName");
            }
        } catch (RuntimeException e) {
            // why: a server that refuses these commands is still measured; the report says what it knows
        }
        String hosts = String.join(",", client.getClusterDescription().getClusterSettings().getHosts().stream()
                .map(Object::toString).toList());
        String mongodb = externalMongo
                ? "the MongoDB server at " + hosts + " (version " + version
                        + (replicaSet == null ? ", no replica set" : ", replica set " + replicaSet) + ")"
                : "the embedded mongo-java-server wire-protocol server (H2 file, committing every "
                        + StackProcess.COMMITS.every().toSeconds() + " s or at "
                        + StackProcess.COMMITS.bufferKilobytes() / 1024 + " MiB of changes; it reports version "
                        + version + ", keeps no secondary indexes and has no transactions)";
        return new Servers(kafka, mongodb, !externalMongo);
    }

    String sentence() {
        return kafka + " and " + mongodb;
    }
}
