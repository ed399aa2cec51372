package io.flowhub.gateway.limit;

import com.mongodb.client.MongoDatabase;
import io.flowhub.store.CollectionNames;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;

/** The limits every gateway instance shares, kept in MongoDB. */
@Configuration(proxyBeanMethods = false)
class LimitConfiguration {

    @Bean
    MongoBuckets mongoBuckets(MongoDatabase database, Clock clock) {
        return new MongoBuckets(database.getCollection(CollectionNames.RATE_LIMITS), clock);
    }

    @Bean
    Slots slots(MongoDatabase database, Clock clock) {
        return new Slots(database.getCollection(CollectionNames.LIMIT_SLOTS), clock);
    }
}
