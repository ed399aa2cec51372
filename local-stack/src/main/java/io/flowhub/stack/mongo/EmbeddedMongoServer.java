package io.flowhub.stack.mongo;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A MongoDB wire-protocol server (mongo-java-server) whose data lives in one H2 MVStore file, so
 * it survives a restart. It has no sessions or transactions; the services work without them.
 * <p>
 * It has no secondary indexes either, so every query but an {@code _id} lookup reads the whole
 * collection. Those reads stay in memory only while the collection fits H2's page cache, which is
 * sized here from the heap ({@link #cacheMegabytes}) rather than left at H2's 16 MiB default: past
 * that, every scan decodes each document from the file again, about twenty times slower.
 */
public final class EmbeddedMongoServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedMongoServer.class);

    private final MongoServer server;
    private final H2Backend backend;
    private final int port;

    private EmbeddedMongoServer(MongoServer server, H2Backend backend, int port) {
        this.server = server;
        this.backend = backend;
        this.port = port;
    }

    public static EmbeddedMongoServer start(Path dataFile, int port) {
        try {
            Files.createDirectories(dataFile.toAbsolutePath().getParent());
        } catch (IOException e) {
            throw new IllegalStateException("Cannot create the MongoDB data directory for " + dataFile, e);
        }
        var store = new MVStore.Builder().fileName(dataFile.toString()).cacheSize(cacheMegabytes()).open();
        var backend = new H2Backend(store);
        var server = new MongoServer(backend);
        server.bind("localhost", port);
        int boundPort = server.getLocalAddress().getPort();
        log.info("MongoDB wire-protocol server listening on localhost:{}, data in {}", boundPort, dataFile);
        return new EmbeddedMongoServer(server, backend, boundPort);
    }

    /** @return a quarter of the maximum heap for H2's page cache, at least 16 MiB and at most 1 GiB */
    static int cacheMegabytes() {
        long quarterOfHeap = Runtime.getRuntime().maxMemory() / 4 / (1024 * 1024);
        return (int) Math.clamp(quarterOfHeap, 16, 1024);
    }

    /** @return a connection string for {@code database} on this server */
    public String uri(String database) {
        return "mongodb://localhost:" + port + "/" + database;
    }

    @Override
    public void close() {
        // why: commit before the server goes, so the last acknowledged writes are in the file
        backend.commit();
        server.shutdownNow();
        if (!backend.getMvStore().isClosed()) {
            backend.close();
        }
    }
}
