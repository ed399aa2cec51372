package io.flowhub.gateway.limit;

import io.flowhub.events.RunIds;
import io.flowhub.gateway.GatewaySettings;
import io.flowhub.gateway.system.BadRequestException;
import io.flowhub.gateway.user.Caller;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Component;

/**
 * Which {@link Share} a request's job counts against. A signed-in user counts as its person (the
 * account that created it, or itself), so one holder of ten accounts has one cap. A caller with the
 * internal key counts as the test run it names ({@code X-FlowHub-Run}), else as the team
 * ({@code X-FlowHub-Team}, one of {@code flowhub.gateway.teams}, each with its own cap), else as the
 * key: twenty pipelines on one key, each under its own run, get twenty caps, not one between them.
 */
@Component
public class Shares {

    public static final String RUN_HEADER = "X-FlowHub-Run";
    public static final String TEAM_HEADER = "X-FlowHub-Team";

    private final GatewaySettings settings;

    public Shares(GatewaySettings settings) {
        this.settings = settings;
    }

    public Share of(Caller caller) {
        return new Share("person:" + caller.person().toHexString(), "You have", settings.maxActiveJobs());
    }

    /**
     * @param key the key's caller name, as the audit names it ({@code key:<fingerprint>})
     * @throws io.flowhub.events.InvalidCommandException when the run id is malformed
     * @throws BadRequestException when the team is not configured
     */
    public Share ofKey(String key, HttpServletRequest request) {
        String run = request.getHeader(RUN_HEADER);
        if (run != null) {
            String checked = RunIds.check(RUN_HEADER + " header", run);
            return new Share("run:" + checked, "Run " + checked + " has", settings.maxActiveJobs());
        }
        String team = request.getHeader(TEAM_HEADER);
        if (team != null) {
            Integer cap = settings.teams().get(team.strip());
            if (cap == null) {
                throw new BadRequestException(TEAM_HEADER + " '" + team.strip() + "' is not a team of this gateway; "
                        + (settings.teams().isEmpty() ? "none is configured (flowhub.gateway.teams.<name>=<max active jobs>)"
                        : "it knows " + String.join(", ", settings.teams().keySet().stream().sorted().toList())));
            }
            return new Share("team:" + team.strip(), "Team " + team.strip() + " has", cap);
        }
        return new Share(key, "This key has", settings.maxActiveJobs());
    }
}
