package io.flowhub.wiring;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.mongodb.autoconfigure.MongoAutoConfiguration;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.context.annotation.Bean;

/** Every command the services send to MongoDB as a Flight Recorder event, recorded only while a recording asks for it. */
@AutoConfiguration(before = MongoAutoConfiguration.class)
public class MongoEventsAutoConfiguration {

    @Bean
    MongoClientSettingsBuilderCustomizer mongoCommandEvents() {
        return settings -> settings.addCommandListener(new MongoCommandEvents());
    }
}
