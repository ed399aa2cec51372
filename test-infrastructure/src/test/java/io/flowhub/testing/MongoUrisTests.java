package io.flowhub.testing;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MongoUrisTests {

    @Test
    void theDatabaseIsReplacedAndTheHostsAndOptionsKept() {
        assertThat(MongoUris.withDatabase("mongodb://a:1,b:2/flowhub?replicaSet=rs0", "it_1"))
                .isEqualTo("mongodb://a:1,b:2/it_1?replicaSet=rs0");
        assertThat(MongoUris.withDatabase("mongodb://localhost:27017", "it_2")).isEqualTo("mongodb://localhost:27017/it_2");
        assertThat(MongoUris.withDatabase("mongodb://u:p@h/?authSource=admin", "it_3"))
                .isEqualTo("mongodb://u:p@h/it_3?authSource=admin");
    }
}
