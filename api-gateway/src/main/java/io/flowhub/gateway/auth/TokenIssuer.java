package io.flowhub.gateway.auth;

import io.flowhub.store.user.Role;
import org.bson.types.ObjectId;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;

/** Issues signed bearer tokens: subject the user id, a {@code role} claim, an expiry. */
@Component
public class TokenIssuer {

    static final String ISSUER = "flowhub-jobs";

    private final JwtEncoder encoder;
    private final AuthSettings settings;
    private final Clock clock;

    TokenIssuer(JwtEncoder encoder, AuthSettings settings, Clock clock) {
        this.encoder = encoder;
        this.settings = settings;
        this.clock = clock;
    }

    public IssuedToken issue(ObjectId userId, Role role) {
        Instant now = clock.instant();
        var claims = JwtClaimsSet.builder()
                .issuer(ISSUER)
                .subject(userId.toHexString())
                .issuedAt(now)
                .expiresAt(now.plus(settings.tokenTtl()))
                .claim(CallerArgumentResolver.ROLE_CLAIM, role.name())
                .build();
        var header = JwsHeader.with(MacAlgorithm.HS256).build();
        String token = encoder.encode(JwtEncoderParameters.from(header, claims)).getTokenValue();
        return new IssuedToken(token, "Bearer", settings.tokenTtl().toSeconds());
    }

    public record IssuedToken(String token, String tokenType, long expiresIn) {
    }
}
