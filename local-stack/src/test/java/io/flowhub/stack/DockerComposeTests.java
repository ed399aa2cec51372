package io.flowhub.stack;

import io.flowhub.cleanup.job.CleanupWorkerSettings;
import io.flowhub.gateway.GatewaySettings;
import io.flowhub.gateway.auth.AuthSettings;
import io.flowhub.store.audit.AuditSettings;
import io.flowhub.store.file.FileSettings;
import io.flowhub.engine.EngineSettings;
import io.flowhub.store.policy.PolicySettings;
import io.flowhub.wiring.KafkaTopicSettings;
import io.flowhub.wiring.SettingVariables;
import io.flowhub.store.user.AdminAccount;
import io.flowhub.store.user.BootstrapAdminSettings;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.ConfigurationProperties;

import java.lang.reflect.RecordComponent;
import java.net.URI;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import static io.flowhub.stack.RepoFiles.ROOT;
import static io.flowhub.stack.RepoFiles.read;
import static io.flowhub.stack.RepoFiles.yaml;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * docker-compose.yml cannot run here (no Docker engine), so this keeps it honest against the
 * services' own configuration: build contexts, ports, environment variable names, scrape targets.
 */
class DockerComposeTests {

    private static final List<String> SERVICES = List.of("api-gateway", "bulk-worker", "cleanup-worker");
    /** The settings records every service binds, and each service's own; their defaults are set nowhere else. */
    private static final List<Class<?>> SHARED_SETTINGS = List.of(PolicySettings.class, FileSettings.class,
            AuditSettings.class, KafkaTopicSettings.class, BootstrapAdminSettings.class);
    private static final Map<String, List<Class<?>>> OWN_SETTINGS = Map.of(
            "api-gateway", List.of(GatewaySettings.class, AuthSettings.class),
            "bulk-worker", List.of(),
            "cleanup-worker", List.of(CleanupWorkerSettings.class));
    /** The prefix each worker binds the job engine's settings under */
    private static final Map<String, String> ENGINE_PREFIXES = Map.of(
            "bulk-worker", "flowhub.bulk", "cleanup-worker", "flowhub.cleanup");
    /** A variable docker compose fills in from .env, as {@code ${NAME}} or {@code ${NAME:?message}} */
    private static final Pattern INTERPOLATED = Pattern.compile("(?<!\\$)\\$\\{([A-Z][A-Z0-9_]*)[:}]");
    /** A variable an env file (or the script writing one) sets, {@code NAME=value} at a line's start */
    private static final Pattern ASSIGNED = Pattern.compile("(?m)^([A-Z][A-Z0-9_]*)=");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)[:}]");

    private final Map<String, Object> compose = yaml(ROOT.resolve("docker-compose.yml"));

    @Test
    void everyServiceIsBuiltFromItsOwnModule() {
        for (String service : SERVICES) {
            Map<String, Object> build = map(map(compose, "services", service), "build");
            Path context = ROOT.resolve((String) build.get("context")).normalize();

            assertThat(context.resolve((String) build.get("dockerfile"))).as(service).isRegularFile();
            assertThat(map(build, "args").get("SERVICE")).as(service).isEqualTo(service);
            assertThat(context.resolve(service).resolve("pom.xml")).as(service).isRegularFile();
        }
    }

    @Test
    void theGatewayAlonePublishesItsPortAndTheWorkersAreReachedOnTheComposeNetwork() {
        int gatewayPort = port("api-gateway");
        assertThat(list(map(compose, "services", "api-gateway"), "ports")).containsExactly(gatewayPort + ":" + gatewayPort);
        for (String worker : List.of("bulk-worker", "cleanup-worker")) {
            Map<String, Object> service = map(compose, "services", worker);
            assertThat(service).as(worker).doesNotContainKey("ports");
            assertThat(list(service, "expose")).as(worker).containsExactly(String.valueOf(port(worker)));
        }
        assertThat(map(compose, "services", "kafka")).doesNotContainKey("ports");
        assertThat(map(compose, "services", "mongodb")).doesNotContainKey("ports");
        for (String tool : List.of("prometheus", "grafana")) {
            assertThat(DockerComposeTests.<String>list(map(compose, "services", tool), "ports")).as(tool)
                    .allSatisfy(published -> assertThat(published).startsWith("127.0.0.1:"));
        }
    }

    @Test
    void everyServiceRunsAsStagingWithItsSecretsFromTheEnvFileAndNoBuiltInOne() {
        String text = read(ROOT.resolve("docker-compose.yml"));
        for (String service : SERVICES) {
            Map<String, Object> environment = map(map(compose, "services", service), "environment");
            assertThat(environment.get("FLOWHUB_ENVIRONMENT")).as(service).isEqualTo("staging");
            assertThat((String) environment.get("FLOWHUB_INTERNAL_KEY")).as(service)
                    .matches("\\$\\{FLOWHUB_INTERNAL_KEY:\\?.+}");
        }
        Map<String, Object> gateway = map(map(compose, "services", "api-gateway"), "environment");
        for (String secret : List.of("FLOWHUB_JWT_SECRET", "FLOWHUB_ADMIN_PASSWORD")) {
            assertThat((String) gateway.get(secret)).matches("\\$\\{" + secret + ":\\?.+}");
        }
        assertThat(text).doesNotContain(PolicySettings.DEFAULT_INTERNAL_KEY, AuthSettings.DEVELOPMENT_JWT_SECRET,
                AdminAccount.DEVELOPMENT_PASSWORD);
    }

    @Test
    void everyVariableTheFileReadsIsOneTheEnvFileExampleAndItsMakerWrite() {
        Set<String> used = names(INTERPOLATED, read(ROOT.resolve("docker-compose.yml")));
        Set<String> example = names(ASSIGNED, read(ROOT.resolve("ops/compose.env.example")));
        Set<String> made = names(ASSIGNED, read(ROOT.resolve("ops/make-compose-env.sh")));

        assertThat(used).contains("FLOWHUB_INTERNAL_KEY", "MONGO_ROOT_PASSWORD", "GRAFANA_ADMIN_PASSWORD");
        assertThat(example).isEqualTo(used);
        assertThat(made).isEqualTo(used);
    }

    @Test
    void theGatewayAndCleanupWorkerShareOneFilesVolumeAtTheRootTheyAreGiven() {
        Set<String> mounts = new HashSet<>();
        for (String service : List.of("api-gateway", "cleanup-worker")) {
            String root = (String) map(map(compose, "services", service), "environment").get("FLOWHUB_FILES_ROOT");
            List<String> volumes = list(map(compose, "services", service), "volumes");
            assertThat(volumes).as(service).contains("flowhub-files:" + root);
            mounts.add(root);
        }

        assertThat(mounts).hasSize(1);
        assertThat(map(compose, "volumes")).containsKey("flowhub-files");
        assertThat(read(ROOT.resolve("Dockerfile"))).contains("chown 10001 " + mounts.iterator().next());
    }

    @Test
    void everyServiceHasAHealthcheckOnItsOwnHealthEndpoint() {
        for (String service : SERVICES) {
            List<String> test = list(map(map(compose, "services", service), "healthcheck"), "test");

            assertThat(String.join(" ", test)).as(service)
                    .contains("/dev/tcp/localhost/" + port(service), "GET /actuator/health", "\"status\":\"UP\"");
        }
        for (String other : List.of("kafka", "mongodb", "prometheus", "grafana")) {
            assertThat(map(map(compose, "services", other), "healthcheck")).as(other).containsKey("test");
        }
    }

    @Test
    void grafanaIsProvisionedWithThePrometheusOfThisFileAndTheDashboard() {
        List<String> volumes = list(map(compose, "services", "grafana"), "volumes");
        Path provisioning = mounted(volumes, "/etc/grafana/provisioning");
        Map<String, Object> datasource = RepoFiles.maps(yaml(provisioning.resolve("datasources/prometheus.yml")),
                "datasources").getFirst();
        Map<String, Object> provider = RepoFiles.maps(yaml(provisioning.resolve("dashboards/flowhub.yml")),
                "providers").getFirst();
        @SuppressWarnings("unchecked") String dashboardsIn = ((Map<String, String>) provider.get("options")).get("path");

        assertThat(URI.create((String) datasource.get("url")).getHost()).isIn(map(compose, "services").keySet());
        assertThat(mounted(volumes, dashboardsIn).resolve("flowhub.json")).isEqualTo(RepoFiles.DASHBOARD);
        assertThat(read(RepoFiles.DASHBOARD)).contains("\"uid\": \"" + datasource.get("uid") + "\"");
    }

    @Test
    void everyEnvironmentVariableIsOneTheServiceReads() {
        for (String service : SERVICES) {
            Set<String> known = environmentNames(service);

            assertThat(map(map(compose, "services", service), "environment").keySet()).as(service)
                    .isNotEmpty()
                    .allSatisfy(name -> assertThat(known).as("%s reads %s", service, name).contains(name));
        }
    }

    @Test
    void servicesUseTheReplicaSetAndTheBrokerOfThisFile() {
        Set<String> composeServices = map(compose, "services").keySet();
        for (String service : SERVICES) {
            Map<String, Object> environment = map(map(compose, "services", service), "environment");

            assertThat((String) environment.get("FLOWHUB_MONGODB_URI")).contains("replicaSet=");
            assertThat(((String) environment.get("SPRING_KAFKA_BOOTSTRAP_SERVERS")).split(":")[0]).isIn(composeServices);
        }
    }

    @Test
    void prometheusScrapesEveryServiceWhereItServesMetricsAndLoadsTheAlertRules() {
        Path configDir = mounted(list(map(compose, "services", "prometheus"), "volumes"), "/etc/prometheus");
        Map<String, Object> prometheus = yaml(configDir.resolve("prometheus.yml"));

        assertThat(DockerComposeTests.<String>list(prometheus, "rule_files")).isNotEmpty()
                .allSatisfy(rules -> assertThat(configDir.resolve(rules)).isRegularFile());

        for (String service : SERVICES) {
            int port = port(service);
            assertThat(list(prometheus, "scrape_configs")).as(service).anySatisfy(job -> {
                @SuppressWarnings("unchecked") var scrape = (Map<String, Object>) job;
                assertThat(scrape.get("metrics_path")).isEqualTo("/actuator/prometheus");
                assertThat(scrape.toString()).contains(service + ":" + port);
            });
        }
    }

    /**
     * The variables a service reads: every {@code ${NAME}} placeholder in its files, every property
     * its files and settings records set, as Spring's relaxed binding spells it in the environment,
     * and the documented variables {@link SettingVariables} maps.
     */
    private static Set<String> environmentNames(String service) {
        var names = new HashSet<String>();
        for (Path file : List.of(settingsFile(service),
                ROOT.resolve("service-wiring/src/main/resources/flowhub-defaults.yml"))) {
            String text = read(file);
            PLACEHOLDER.matcher(text).results().forEach(match -> names.add(match.group(1)));
            collectRelaxedNames("", yaml(file), names);
        }
        for (Class<?> settings : concat(SHARED_SETTINGS, OWN_SETTINGS.get(service))) {
            collectRecordNames(settings.getAnnotation(ConfigurationProperties.class).value(), settings, names);
        }
        if (ENGINE_PREFIXES.containsKey(service)) {
            collectRecordNames(ENGINE_PREFIXES.get(service), EngineSettings.class, names);
        }
        SettingVariables.VARIABLES.forEach(variable -> names.add(variable.name()));
        return names;
    }

    /** Adds the variable names of a settings record's fields, nested records included. */
    private static void collectRecordNames(String prefix, Class<?> settings, Set<String> names) {
        for (RecordComponent component : settings.getRecordComponents()) {
            String path = prefix + "." + component.getName().replaceAll("([a-z])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
            collectRelaxedNames("", Map.of(path, component.getType().isRecord() ? Map.of() : ""), names);
            if (component.getType().isRecord()) {
                collectRecordNames(path, component.getType(), names);
            }
        }
    }

    private static List<Class<?>> concat(List<Class<?>> first, List<Class<?>> second) {
        var all = new java.util.ArrayList<>(first);
        all.addAll(second);
        return all;
    }

    private static void collectRelaxedNames(String prefix, Map<String, Object> tree, Set<String> names) {
        tree.forEach((key, value) -> {
            String path = prefix.isEmpty() ? key : prefix + "." + key;
            // why: Spring binds both spellings of a dashed name: BOOTSTRAPSERVERS and BOOTSTRAP_SERVERS
            names.add(path.replace('.', '_').replace("-", "").toUpperCase(Locale.ROOT));
            names.add(path.replace('.', '_').replace('-', '_').toUpperCase(Locale.ROOT));
            if (value instanceof Map<?, ?> child) {
                @SuppressWarnings("unchecked") var subtree = (Map<String, Object>) child;
                collectRelaxedNames(path, subtree, names);
            }
        });
    }

    private static int port(String service) {
        return (Integer) map(serviceSettings(service), "server").get("port");
    }

    /** @return the repository directory a service's volumes mount at {@code target} */
    private static Path mounted(List<String> volumes, String target) {
        return volumes.stream().map(volume -> volume.split(":")).filter(parts -> parts[1].equals(target))
                .map(parts -> ROOT.resolve(parts[0]).normalize()).findFirst()
                .orElseThrow(() -> new AssertionError("nothing is mounted at " + target + " in " + volumes));
    }

    private static Set<String> names(Pattern pattern, String text) {
        var names = new TreeSet<String>();
        pattern.matcher(text).results().forEach(match -> names.add(match.group(1)));
        return names;
    }

    private static Map<String, Object> serviceSettings(String service) {
        return yaml(settingsFile(service));
    }

    private static Path settingsFile(String service) {
        return ROOT.resolve(service).resolve("src/main/resources").resolve(service + ".yml");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Map<String, Object> tree, String... path) {
        Map<String, Object> current = tree;
        for (String key : path) {
            assertThat(current).as("has '%s'", key).containsKey(key);
            current = (Map<String, Object>) current.get(key);
        }
        return current;
    }

    @SuppressWarnings("unchecked")
    private static <T> List<T> list(Map<String, Object> tree, String key) {
        assertThat(tree).as("has '%s'", key).containsKey(key);
        return (List<T>) tree.get(key);
    }
}
