package io.flowhub.gateway.auth;

import io.flowhub.gateway.user.Caller;
import io.flowhub.gateway.system.AuthenticationFailedException;
import io.flowhub.store.user.Role;
import org.bson.types.ObjectId;
import org.springframework.core.MethodParameter;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/** Lets controllers take a {@link Caller} parameter: the verified token's user, with the role it has now. */
class CallerArgumentResolver implements HandlerMethodArgumentResolver {

    static final String ROLE_CLAIM = "role";

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == Caller.class;
    }

    @Override
    public Caller resolveArgument(MethodParameter parameter, ModelAndViewContainer container, NativeWebRequest request,
            WebDataBinderFactory binders) {
        if (!(SecurityContextHolder.getContext().getAuthentication() instanceof JwtAuthenticationToken token)) {
            throw new AuthenticationFailedException("Sign in first: send 'Authorization: Bearer <token>'");
        }
        // why: the role the user has now, which CurrentUserAuthentication read from its record
        Role role = token.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .filter(authority -> authority.startsWith(CurrentUserAuthentication.ROLE_PREFIX))
                .map(authority -> Role.parse(authority.substring(CurrentUserAuthentication.ROLE_PREFIX.length())))
                .findFirst()
                .orElseThrow(() -> new AuthenticationFailedException("Sign in again: this session has no role"));
        ObjectId id = new ObjectId(token.getToken().getSubject());
        ObjectId person = token.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .filter(authority -> authority.startsWith(CurrentUserAuthentication.PERSON_PREFIX))
                .map(authority -> new ObjectId(authority.substring(CurrentUserAuthentication.PERSON_PREFIX.length())))
                .findFirst()
                .orElse(id);
        return new Caller(id, role, person);
    }
}
