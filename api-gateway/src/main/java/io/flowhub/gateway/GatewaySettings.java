package io.flowhub.gateway;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import org.springframework.security.web.util.matcher.IpAddressMatcher;
import org.springframework.util.unit.DataSize;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Settings of the gateway.
 *
 * @param publishTimeout     how long a request waits for Kafka to acknowledge its command before answering 503
 * @param maxActiveJobs      how many jobs of one kind (bulk, cleanup) one owner may have queued or running; a
 *                           request for one more is a 429, so that one owner never fills the queue for everyone
 * @param activeJobsRetryAfter the {@code Retry-After} of that 429: about how long a job takes to leave the queue
 * @param maxBodySize        the largest request body (uploads excepted) the gateway reads; a larger one is a 413
 *                           before it is parsed
 * @param maxStreamsPerCaller how many job event streams one caller may hold open at once
 * @param maxStreams         how many job event streams the gateway serves at once, from all callers
 * @param teams              the teams a caller with the internal key may name ({@code X-FlowHub-Team}), each with its
 *                           own cap of queued or running jobs of a kind ({@code flowhub.gateway.teams.qa=20})
 * @param trustedProxies     reverse proxies (addresses or CIDR ranges) whose {@code X-Forwarded-For} names the client;
 *                           none by default, so the connection's peer is the client
 */
@ConfigurationProperties("flowhub.gateway")
public record GatewaySettings(
        @DefaultValue("15s") Duration publishTimeout,
        @DefaultValue("10") int maxActiveJobs,
        @DefaultValue("5s") Duration activeJobsRetryAfter,
        @DefaultValue("1MB") DataSize maxBodySize,
        @DefaultValue("10") int maxStreamsPerCaller,
        @DefaultValue("500") int maxStreams,
        @DefaultValue Map<String, Integer> teams,
        @DefaultValue List<String> trustedProxies) {

    public GatewaySettings {
        if (maxActiveJobs < 1) {
            throw new IllegalArgumentException("flowhub.gateway.max-active-jobs must be at least 1, not " + maxActiveJobs);
        }
        teams = teams == null ? Map.of() : Map.copyOf(teams);
        teams.forEach((team, cap) -> {
            if (cap == null || cap < 1) {
                throw new IllegalArgumentException("flowhub.gateway.teams." + team + " must be at least 1, not " + cap);
            }
        });
        trustedProxies = trustedProxies == null ? List.of() : trustedProxies.stream().filter(proxy -> !proxy.isBlank()).toList();
        for (String proxy : trustedProxies) {
            try {
                new IpAddressMatcher(proxy.strip());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("flowhub.gateway.trusted-proxies: '" + proxy
                        + "' is not an IP address or CIDR range (" + e.getMessage() + ")", e);
            }
        }
    }
}
