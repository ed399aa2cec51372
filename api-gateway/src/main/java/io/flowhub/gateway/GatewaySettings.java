package io.flowhub.gateway;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * Settings of the gateway.
 *
 * @param publishTimeout how long a request waits for Kafka to acknowledge its command before answering 503
 */
@ConfigurationProperties("flowhub.gateway")
public record GatewaySettings(@DefaultValue("15s") Duration publishTimeout) {
}
