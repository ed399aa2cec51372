package io.flowhub.gateway.auth;

import io.flowhub.store.user.User;
import io.flowhub.store.user.UserStore;
import org.bson.types.ObjectId;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

import java.util.List;

/**
 * Turns a verified token into the user it names as that user is now: the role comes from the user's
 * record at every request, not from the token, so a demoted ADMIN loses its powers at once and the
 * token of a deleted user stops working. One {@code _id} lookup per request, which every server
 * answers from its primary index.
 */
class CurrentUserAuthentication implements Converter<Jwt, AbstractAuthenticationToken> {

    static final String ROLE_PREFIX = "ROLE_";
    /** why an authority: it rides with the authentication to the {@link io.flowhub.gateway.user.Caller}, read once */
    static final String PERSON_PREFIX = "PERSON_";

    private final UserStore users;

    CurrentUserAuthentication(UserStore users) {
        this.users = users;
    }

    @Override
    public AbstractAuthenticationToken convert(Jwt jwt) {
        // why: the decoder's validators have checked that the subject is an id (TokenValidators)
        User user = users.find(new ObjectId(jwt.getSubject())).orElseThrow(() -> new BadCredentialsException(
                "The account this token was issued for no longer exists"));
        return new JwtAuthenticationToken(jwt, List.of(new SimpleGrantedAuthority(ROLE_PREFIX + user.role().name()),
                new SimpleGrantedAuthority(PERSON_PREFIX + user.person().toHexString())), jwt.getSubject());
    }
}
