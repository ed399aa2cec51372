package io.flowhub.gateway.limit;

import io.flowhub.gateway.GatewaySettings;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.web.util.matcher.IpAddressMatcher;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The network address of the client a request comes from, which the per-client limits count by.
 * It is the connection's peer, unless that peer is one of {@code flowhub.gateway.trusted-proxies}
 * (addresses or CIDR ranges): then {@code X-Forwarded-For} is read from the right, each trusted proxy
 * vouching for the hop before it, and the first address no trusted proxy stands for is the client.
 * Anything a client writes into the header itself lies to the left of that and is never read, and a
 * request that does not come through a trusted proxy has its header ignored altogether.
 */
@Component
public class ClientAddresses {

    private static final Pattern IP_LITERAL = Pattern.compile("[0-9A-Fa-f.:]{2,45}");

    private final List<IpAddressMatcher> trusted;

    public ClientAddresses(GatewaySettings settings) {
        this.trusted = settings.trustedProxies().stream().map(String::strip).map(IpAddressMatcher::new).toList();
    }

    public String of(HttpServletRequest request) {
        String client = request.getRemoteAddr();
        if (!trusted(client)) {
            return client;
        }
        List<String> hops = new ArrayList<>();
        for (String header : Collections.list(request.getHeaders("X-Forwarded-For"))) {
            for (String hop : header.split(",")) {
                hops.add(hop.strip());
            }
        }
        for (int i = hops.size() - 1; i >= 0; i--) {
            String hop = hops.get(i);
            if (!IP_LITERAL.matcher(hop).matches()) {
                // why: a trusted proxy vouched for a hop it could not name; the last address vouched for is all there is
                return client;
            }
            client = hop;
            if (!trusted(hop)) {
                return client;
            }
        }
        return client;
    }

    private boolean trusted(String address) {
        if (trusted.isEmpty() || !IP_LITERAL.matcher(address).matches()) {
            return false;
        }
        return trusted.stream().anyMatch(range -> range.matches(address));
    }
}
