package io.flowhub.gateway.auth;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.flowhub.testing.FlowHubStackExtension;
import io.flowhub.testing.GatewayClient;
import io.flowhub.testing.TestStack;
import io.flowhub.testing.TestUser;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

import static com.mongodb.client.model.Filters.eq;
import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(FlowHubStackExtension.class)
class AuthIntegrationTests {

    private static final Pattern LOGGED_CODE = Pattern.compile("One-time code for (\\S+): (\\d{6})");

    private final TestStack stack;
    private final GatewayClient anonymous;

    AuthIntegrationTests(TestStack stack) {
        this.stack = stack;
        this.anonymous = stack.anonymous();
    }

    @Test
    void aRegisteredUserIsAnEditorAndItsTokenOpensTheApi() {
        String email = "New.User-" + UUID.randomUUID() + "@Example.com";

        var registered = anonymous.post("/api/v1/auth/register",
                "{\"email\":\"" + email + "\",\"password\":\"long enough\",\"name\":\"New User\",\"role\":\"ADMIN\"}");
        var session = anonymous.post("/api/v1/auth/login",
                "{\"email\":\"" + email.toUpperCase() + "\",\"password\":\"long enough\"}");

        assertThat(registered.status()).isEqualTo(201);
        assertThat(registered.data().get("role").asString()).isEqualTo("EDITOR");
        assertThat(registered.data().get("email").asString()).isEqualTo(email.toLowerCase());
        assertThat(registered.text()).doesNotContain("password");
        assertThat(session.status()).isEqualTo(200);
        assertThat(session.data().get("token_type").asString()).isEqualTo("Bearer");
        assertThat(session.data().get("expires_in").asLong()).isEqualTo(3600);
        var me = anonymous.withToken(session.data().get("token").asString()).get("/api/v1/users/me");
        assertThat(me.data().get("email").asString()).isEqualTo(email.toLowerCase());
    }

    @Test
    void aSecondAccountWithTheSameEmailIsA409() {
        String body = "{\"email\":\"twice-" + UUID.randomUUID() + "@example.com\",\"password\":\"long enough\",\"name\":\"T\"}";

        anonymous.post("/api/v1/auth/register", body);
        var again = anonymous.post("/api/v1/auth/register", body);

        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("detail").asString()).contains("exists already");
    }

    @Test
    void invalidRegistrationsAre400sNamingEachField() {
        var response = anonymous.post("/api/v1/auth/register", "{\"email\":\"not-an-email\",\"password\":\"short\"}");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("errors").findValuesAsString("field"))
                .containsExactlyInAnyOrder("email", "password", "name");
    }

    @Test
    void aWrongPasswordAndAnUnknownAddressGetTheSame401() {
        TestUser user = stack.newEditor();

        var wrongPassword = anonymous.post("/api/v1/auth/login",
                "{\"email\":\"" + user.email() + "\",\"password\":\"wrong password\"}");
        var unknown = anonymous.post("/api/v1/auth/login",
                "{\"email\":\"nobody-" + UUID.randomUUID() + "@example.com\",\"password\":\"whatever1\"}");

        assertThat(wrongPassword.status()).isEqualTo(401);
        assertThat(unknown.status()).isEqualTo(401);
        assertThat(wrongPassword.json().get("detail").asString()).isEqualTo(unknown.json().get("detail").asString());
    }

    @Test
    void aPasswordBCryptCannotReadIsA400AtRegistrationAndA401AtSignIn() {
        String email = "long-" + UUID.randomUUID() + "@example.com";
        String seventyTwoLettersOfTwoBytes = "é".repeat(72);

        var registered = anonymous.post("/api/v1/auth/register", "{\"email\":\"" + email + "\",\"password\":\""
                + seventyTwoLettersOfTwoBytes + "\",\"name\":\"Long\"}");
        var signIn = anonymous.post("/api/v1/auth/login", "{\"email\":\"" + stack.newEditor().email()
                + "\",\"password\":\"" + seventyTwoLettersOfTwoBytes + "\"}");

        assertThat(registered.status()).isEqualTo(400);
        assertThat(registered.json().get("detail").asString()).contains("72 bytes");
        assertThat(signIn.status()).isEqualTo(401);
    }

    @Test
    void aOneTimeCodeSignsInOnceAndIsStoredOnlyAsAHash() {
        TestUser user = stack.newEditor();

        String code = requestCode(user.email());
        Document stored = stack.database().getCollection("otps").find(eq("email", user.email())).first();
        var signedIn = anonymous.post("/api/v1/auth/otp/verify", "{\"email\":\"" + user.email() + "\",\"code\":\"" + code + "\"}");
        var reused = anonymous.post("/api/v1/auth/otp/verify", "{\"email\":\"" + user.email() + "\",\"code\":\"" + code + "\"}");

        assertThat(stored.getString("code_hash")).isNotBlank().doesNotContain(code);
        assertThat(stored.toJson()).doesNotContain("\"" + code + "\"");
        assertThat(signedIn.status()).isEqualTo(200);
        assertThat(signedIn.data().get("user").get("_id").asString()).isEqualTo(user.id());
        assertThat(reused.status()).isEqualTo(401);
    }

    @Test
    void fiveWrongCodesSpendTheCode() {
        TestUser user = stack.newEditor();
        String code = requestCode(user.email());
        String wrong = wrongCodeFor(code);

        for (int attempt = 1; attempt <= 5; attempt++) {
            var response = verify(user.email(), wrong);
            assertThat(response.status()).isEqualTo(401);
            assertThat(response.json().get("detail").asString()).contains("request a new one");
        }
        var sixth = verify(user.email(), code);

        assertThat(sixth.status()).isEqualTo(401);
    }

    @Test
    void guessesSentAtOnceAreComparedWithTheCodeNoMoreThanFiveTimes() throws Exception {
        TestUser user = stack.newEditor();
        String code = requestCode(user.email());
        String wrong = wrongCodeFor(code);
        double checkedBefore = codesChecked();

        List<GatewayClient.Response> answers;
        try (ExecutorService senders = Executors.newFixedThreadPool(40)) {
            var guesses = IntStream.range(0, 40)
                    .mapToObj(guess -> senders.submit(() -> verify(user.email(), guess == 39 ? code : wrong)))
                    .toList();
            answers = new ArrayList<>();
            for (var guess : guesses) {
                answers.add(guess.get());
            }
        }

        assertThat(codesChecked() - checkedBefore).isLessThanOrEqualTo(5);
        assertThat(answers).extracting(GatewayClient.Response::status).isSubsetOf(200, 401);
        assertThat(answers.stream().filter(answer -> answer.status() == 200)).hasSizeLessThanOrEqualTo(1);
    }

    @Test
    void aCodeRightTwiceAtOnceSignsInOnce() throws Exception {
        TestUser user = stack.newEditor();
        String code = requestCode(user.email());

        List<GatewayClient.Response> answers = new ArrayList<>();
        try (ExecutorService senders = Executors.newFixedThreadPool(8)) {
            var tries = IntStream.range(0, 8).mapToObj(i -> senders.submit(() -> verify(user.email(), code))).toList();
            for (var attempt : tries) {
                answers.add(attempt.get());
            }
        }

        assertThat(answers.stream().filter(answer -> answer.status() == 200)).hasSize(1);
    }

    @Test
    void anExpiredCodeIsRefused() {
        TestUser user = stack.newEditor();
        String code = requestCode(user.email());
        stack.database().getCollection("otps").updateMany(eq("email", user.email()),
                new Document("$set", new Document("expires_at", Date.from(Instant.now().minusSeconds(1)))));

        var response = verify(user.email(), code);

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.json().get("detail").asString()).contains("request a new one");
    }

    @Test
    void requestingACodeForAnUnknownAddressAnswersTheSameAndStoresNothing() {
        String email = "ghost-" + UUID.randomUUID() + "@example.com";
        TestUser user = stack.newEditor();

        var response = anonymous.post("/api/v1/auth/otp/request", "{\"email\":\"" + email + "\"}");
        var known = anonymous.post("/api/v1/auth/otp/request", "{\"email\":\"" + user.email() + "\"}");

        assertThat(response.status()).isEqualTo(202);
        assertThat(response.text()).isEqualTo(known.text());
        assertThat(stack.database().getCollection("otps").countDocuments(eq("email", email))).isZero();
        assertThat(verify(email, "12ab").status()).isEqualTo(400);
    }

    @Test
    void aCodeForAnUnknownAddressAndAWrongCodeForAKnownOneGetTheSame401() {
        TestUser user = stack.newEditor();
        String code = requestCode(user.email());
        String unknown = "ghost-" + UUID.randomUUID() + "@example.com";

        var wrong = verify(user.email(), wrongCodeFor(code));
        var ghost = verify(unknown, "123456");
        var noCode = verify(stack.newEditor().email(), "123456");

        assertThat(List.of(wrong.status(), ghost.status(), noCode.status())).containsOnly(401);
        assertThat(ghost.json().get("detail").asString()).isEqualTo(wrong.json().get("detail").asString())
                .isEqualTo(noCode.json().get("detail").asString());
    }

    private static String wrongCodeFor(String code) {
        return code.equals("000000") ? "111111" : "000000";
    }

    /** @return how many codes the gateway has compared with a stored code, from its metrics */
    private double codesChecked() {
        return anonymous.get("/actuator/prometheus").text().lines()
                .filter(line -> line.startsWith("flowhub_auth_code_checks_total"))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
    }

    private GatewayClient.Response verify(String email, String code) {
        return anonymous.post("/api/v1/auth/otp/verify", "{\"email\":\"" + email + "\",\"code\":\"" + code + "\"}");
    }

    /** Requests a code and reads it where the development sender delivers it: the log. */
    private String requestCode(String email) {
        var logger = (Logger) LoggerFactory.getLogger("io.flowhub.gateway.internal.OtpOutbox");
        var delivered = new ListAppender<ILoggingEvent>();
        delivered.start();
        logger.addAppender(delivered);
        try {
            var response = anonymous.post("/api/v1/auth/otp/request", "{\"email\":\"" + email + "\"}");
            assertThat(response.status()).isEqualTo(202);
            return delivered.list.stream()
                    .map(event -> LOGGED_CODE.matcher(event.getFormattedMessage()))
                    .filter(matcher -> matcher.find() && matcher.group(1).equals(email))
                    .map(matcher -> matcher.group(2))
                    .reduce((first, second) -> second)
                    .orElseThrow(() -> new AssertionError("No code was delivered to " + email));
        } finally {
            logger.detachAppender(delivered);
        }
    }
}
