package io.flowhub.gateway.system;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;

/**
 * Tomcat's own error page, for what it refuses before the application sees the request — a path
 * with an encoded slash or NUL, characters a URI may not hold, a request line or headers over their
 * size — as Problem Details instead of an HTML page, saying what to fix and nothing about the server.
 */
public class ProblemReportValve extends ErrorReportValve {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** Made by Tomcat's host, from its class name (see {@code GatewayConfiguration}). */
    public ProblemReportValve() {
        setShowReport(false);
        setShowServerInfo(false);
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        HttpStatus known = HttpStatus.resolve(status);
        var problem = new LinkedHashMap<String, Object>();
        problem.put("type", "about:blank");
        problem.put("title", known == null ? "Error" : known.getReasonPhrase());
        problem.put("status", status);
        problem.put("detail", detail(status, throwable));
        try {
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(JSON.writeValueAsString(problem));
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // why: the client is gone or the response was committed meanwhile; there is nobody left to tell
        }
    }

    private static String detail(int status, Throwable throwable) {
        if (throwable != null && throwable.getMessage() != null && throwable.getMessage().contains("too large")) {
            status = 431;
        }
        return switch (status) {
            case 400 -> "The request could not be read: its path or query holds characters a URL may not carry"
                    + " unencoded, or an encoded slash, backslash or NUL; encode path values and send ids as"
                    + " 24-character hexadecimal strings";
            case 413 -> "The request is larger than the gateway accepts";
            case 414, 431 -> "The request line or its headers are longer than the gateway accepts (8 KB): send"
                    + " fewer or shorter query parameters, or use a request body";
            case 505 -> "Send HTTP/1.1 or HTTP/2";
            default -> "The request was refused before it reached the application";
        };
    }
}
