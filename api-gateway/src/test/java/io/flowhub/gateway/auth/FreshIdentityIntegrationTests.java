package io.flowhub.gateway.auth;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.flowhub.testing.FlowHubStackExtension;
import io.flowhub.testing.TestStack;
import io.flowhub.testing.TestUser;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;

import static com.mongodb.client.model.Filters.eq;
import static org.assertj.core.api.Assertions.assertThat;

/** A token names a user; what that user may do is what the user's record says now. */
@ExtendWith(FlowHubStackExtension.class)
class FreshIdentityIntegrationTests {

    private final TestStack stack;

    FreshIdentityIntegrationTests(TestStack stack) {
        this.stack = stack;
    }

    @Test
    void aDemotedAdminLosesItsPowersAtOnceWithTheTokenItAlreadyHas() {
        TestUser admin = stack.admin();
        TestUser user = stack.newEditor();
        admin.gateway().patch("/api/v1/users/" + user.id() + "/role", "{\"role\":\"ADMIN\"}");
        var asAdmin = stack.anonymous().withToken(freshToken(user));
        assertThat(asAdmin.get("/api/v1/users").status()).isEqualTo(200);

        admin.gateway().patch("/api/v1/users/" + user.id() + "/role", "{\"role\":\"VIEWER\"}");

        assertThat(asAdmin.get("/api/v1/users").status()).isEqualTo(403);
        assertThat(asAdmin.patch("/api/v1/users/" + user.id() + "/role", "{\"role\":\"ADMIN\"}").status())
                .isEqualTo(403);
        assertThat(asAdmin.post("/api/v1/items", "{\"name\":\"as viewer\"}").status()).isEqualTo(403);
        assertThat(stack.database().getCollection("users").find(eq("_id", new ObjectId(user.id()))).first()
                .getString("role")).isEqualTo("VIEWER");
    }

    @Test
    void theTokenOfAUserWhoseRecordIsGoneIsA401() {
        TestUser user = stack.newEditor();
        stack.database().getCollection("users").deleteOne(eq("_id", new ObjectId(user.id())));

        var created = user.gateway().post("/api/v1/items", "{\"name\":\"after my account went\"}");

        assertThat(created.status()).isEqualTo(401);
        assertThat(created.header("Content-Type")).startsWith("application/problem+json");
        assertThat(stack.database().getCollection("items").countDocuments(eq("created_by", new ObjectId(user.id()))))
                .isZero();
    }

    @Test
    void validlySignedTokensWithoutAnExpiryOrWithBadClaimsAre401sAndAnUnknownRoleClaimGrantsNothing()
            throws Exception {
        TestUser user = stack.newEditor();
        Instant now = Instant.now();

        String noExpiry = sign(new JWTClaimsSet.Builder().issuer(TokenIssuer.ISSUER).subject(user.id())
                .issueTime(Date.from(now)).claim("role", "EDITOR").build());
        String badSubject = sign(claims("not-an-object-id", "EDITOR", now));
        String noSubject = sign(new JWTClaimsSet.Builder().issuer(TokenIssuer.ISSUER).issueTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(600))).claim("role", "EDITOR").build());
        String unknownRole = sign(claims(user.id(), "SUPERUSER", now));
        String claimsAdmin = sign(claims(user.id(), "ADMIN", now));

        for (String token : new String[] {noExpiry, badSubject, noSubject}) {
            var response = stack.anonymous().withToken(token).get("/api/v1/items");
            assertThat(response.status()).as(token).isEqualTo(401);
            assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        }
        assertThat(stack.anonymous().withToken(unknownRole).get("/api/v1/items").status()).isEqualTo(200);
        assertThat(stack.anonymous().withToken(claimsAdmin).get("/api/v1/users").status()).isEqualTo(403);
    }

    /** @return a token issued now, which carries the role the user has now */
    private String freshToken(TestUser user) {
        var session = stack.anonymous().post("/api/v1/auth/login",
                "{\"email\":\"" + user.email() + "\",\"password\":\"" + user.password() + "\"}");
        assertThat(session.status()).isEqualTo(200);
        return session.data().get("token").asString();
    }

    private static JWTClaimsSet claims(String subject, String role, Instant now) {
        return new JWTClaimsSet.Builder().issuer(TokenIssuer.ISSUER).subject(subject).issueTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(600))).claim("role", role).build();
    }

    /** Signs claims with the test stack's key, the built-in development secret, as a forger who had it would. */
    private static String sign(JWTClaimsSet claims) throws Exception {
        var token = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
        token.sign(new MACSigner(AuthSettings.DEVELOPMENT_JWT_SECRET.getBytes(StandardCharsets.UTF_8)));
        return token.serialize();
    }
}
