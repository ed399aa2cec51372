package io.flowhub.store.tx;

import com.mongodb.client.ClientSession;
import com.mongodb.client.MongoClient;
import com.mongodb.connection.ClusterType;

import java.util.Optional;
import java.util.function.Function;

/**
 * Runs work in a MongoDB transaction when the deployment supports one (a replica set or a sharded
 * cluster), and without otherwise. Work written for both takes an optional session: with one,
 * its writes commit together; without, it must be safe to run again to the same end state.
 */
public class Transactions {

    private final MongoClient client;
    private volatile Boolean supported;

    public Transactions(MongoClient client) {
        this.client = client;
    }

    /** @return true when the connected deployment runs multi-document transactions */
    public boolean supported() {
        if (supported == null) {
            // why: the cluster type is known only once the driver has seen a server; asking for it connects
            client.listDatabaseNames().first();
            ClusterType type = client.getClusterDescription().getType();
            supported = type == ClusterType.REPLICA_SET || type == ClusterType.SHARDED;
        }
        return supported;
    }

    /**
     * @param work given the transaction's session, or empty when transactions are not supported
     */
    public <T> T inTransactionIfSupported(Function<Optional<ClientSession>, T> work) {
        if (!supported()) {
            return work.apply(Optional.empty());
        }
        try (ClientSession session = client.startSession()) {
            return session.withTransaction(() -> work.apply(Optional.of(session)));
        }
    }
}
