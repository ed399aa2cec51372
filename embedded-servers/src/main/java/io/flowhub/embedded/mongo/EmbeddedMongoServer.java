package io.flowhub.embedded.mongo;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

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
        return start(dataFile, port, Commits.DEFAULT);
    }

    /**
     * @param commits when the store writes what it has been sent to its file
     */
    public static EmbeddedMongoServer start(Path dataFile, int port, Commits commits) {
        try {
            Files.createDirectories(dataFile.toAbsolutePath().getParent());
        } catch (IOException e) {
            throw new IllegalStateException("Cannot create the MongoDB data directory for " + dataFile, e);
        }
        var store = new MVStore.Builder().fileName(dataFile.toString()).cacheSize(cacheMegabytes())
                .autoCommitBufferSize(commits.bufferKilobytes()).open();
        store.setAutoCommitDelay((int) commits.every().toMillis());
        var backend = new H2Backend(store);
        var server = new MongoServer(backend);
        server.bind("localhost", port);
        int boundPort = server.getLocalAddress().getPort();
        log.info("MongoDB wire-protocol server listening on localhost:{}, data in {}", boundPort, dataFile);
        return new EmbeddedMongoServer(server, backend, boundPort);
    }

    /**
     * When the store commits: every {@code every} in the background, and at once when the changes not
     * yet written reach about {@code bufferKilobytes} (H2 counts that buffer loosely). A commit writes
     * every page changed since the last one, so a bulk write of many documents rewrites the pages it
     * keeps touching once per commit: how much work the write does depends on how many commits fall
     * inside it. Larger values make a bulk write cheaper and steadier and risk more of the last
     * acknowledged writes if the process is killed without closing the server.
     *
     * @param every           how often the background writer commits
     * @param bufferKilobytes how much unwritten change makes the writing thread commit at once
     */
    public record Commits(Duration every, int bufferKilobytes) {

        /** H2's own defaults, which the local stack keeps: a commit every second and at 1 MiB of changes. */
        public static final Commits DEFAULT = new Commits(Duration.ofSeconds(1), 1024);

        public Commits {
            if (every.isNegative() || every.isZero() || bufferKilobytes <= 0) {
                throw new IllegalArgumentException("commits need a positive interval and buffer, got " + every
                        + " and " + bufferKilobytes + " KiB");
            }
        }
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
