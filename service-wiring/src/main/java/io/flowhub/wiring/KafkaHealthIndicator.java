package io.flowhub.wiring;

import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.DescribeClusterResult;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.kafka.core.KafkaAdmin;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** Reports Kafka UP when the cluster answers a describe-cluster request within the timeout. */
class KafkaHealthIndicator extends AbstractHealthIndicator implements DisposableBean {

    private final KafkaAdmin admin;
    private final Duration timeout;
    private volatile AdminClient client;

    KafkaHealthIndicator(KafkaAdmin admin, Duration timeout) {
        super("Kafka health check failed");
        this.admin = admin;
        this.timeout = timeout;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) throws Exception {
        DescribeClusterResult cluster = client().describeCluster(
                new DescribeClusterOptions().timeoutMs((int) timeout.toMillis()));
        long millis = timeout.toMillis();
        builder.up()
                .withDetail("clusterId", cluster.clusterId().get(millis, TimeUnit.MILLISECONDS))
                .withDetail("nodes", cluster.nodes().get(millis, TimeUnit.MILLISECONDS).size());
    }

    private AdminClient client() {
        AdminClient current = client;
        if (current == null) {
            synchronized (this) {
                if (client == null) {
                    client = AdminClient.create(admin.getConfigurationProperties());
                }
                current = client;
            }
        }
        return current;
    }

    @Override
    public void destroy() {
        if (client != null) {
            client.close(Duration.ofSeconds(2));
        }
    }
}
