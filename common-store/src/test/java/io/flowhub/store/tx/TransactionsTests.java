package io.flowhub.store.tx;

import com.mongodb.client.ClientSession;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoIterable;
import com.mongodb.client.TransactionBody;
import com.mongodb.connection.ClusterDescription;
import com.mongodb.connection.ClusterType;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

class TransactionsTests {

    @Test
    void aReplicaSetRunsTheWorkInsideATransaction() {
        MongoClient client = clientOf(ClusterType.REPLICA_SET);
        ClientSession session = mock(ClientSession.class);
        when(client.startSession()).thenReturn(session);
        when(session.withTransaction(any())).thenAnswer(call -> ((TransactionBody<?>) call.getArgument(0)).execute());

        Optional<ClientSession> given = new Transactions(client).inTransactionIfSupported(maybe -> maybe);

        assertThat(given).containsSame(session);
        verify(session).withTransaction(any());
        verify(session).close();
    }

    @Test
    void aStandaloneServerRunsTheWorkWithoutASession() {
        MongoClient client = clientOf(ClusterType.STANDALONE);

        Optional<ClientSession> given = new Transactions(client).inTransactionIfSupported(maybe -> maybe);

        assertThat(given).isEmpty();
        verify(client, never()).startSession();
    }

    @SuppressWarnings("unchecked")
    private static MongoClient clientOf(ClusterType type) {
        MongoClient client = mock(MongoClient.class);
        MongoIterable<String> names = mock(MongoIterable.class);
        when(client.listDatabaseNames()).thenReturn(names);
        ClusterDescription description = mock(ClusterDescription.class);
        when(description.getType()).thenReturn(type);
        when(client.getClusterDescription()).thenReturn(description);
        return client;
    }
}
