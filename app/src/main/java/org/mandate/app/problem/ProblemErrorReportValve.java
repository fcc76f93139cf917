package org.mandate.app.problem;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;

import java.io.IOException;
import java.io.PrintWriter;

/**
 * Tomcat refuses some requests before any filter or servlet sees them (an encoded slash, backslash or NUL in the
 * path, a malformed request line or header, TRACE) and renders the refusal with its error report valve, as HTML.
 * This valve renders the same refusals as problem+json, so every answer of the application, whoever gave it,
 * has the shape the API promises. It writes only where nothing else has (Spring's error handling runs first for
 * everything that reaches the application).
 */
public class ProblemErrorReportValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        try {
            response.setContentType("application/problem+json");
            response.setCharacterEncoding("UTF-8");
            PrintWriter writer = response.getReporter();
            if (writer != null) {
                writer.write("{\"type\":\"about:blank\",\"title\":\"" + title(status) + "\",\"status\":" + status
                        + ",\"detail\":\"" + detail(status) + "\"}");
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException notWritable) {
            // the connection is gone or the response was taken over: nothing more to say
        }
    }

    private static String title(int status) {
        return switch (status) {
            case 400 -> "Bad Request";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 413 -> "Content Too Large";
            case 414 -> "URI Too Long";
            case 431 -> "Request Header Fields Too Large";
            case 500 -> "Internal Server Error";
            case 503 -> "Service Unavailable";
            default -> "Error";
        };
    }

    private static String detail(int status) {
        return switch (status) {
            case 400 -> "The request could not be read: the address holds a character that is not allowed there "
                    + "(an encoded slash, backslash or NUL), or a header holds a control character. Send a plain "
                    + "address and printable header values.";
            case 405 -> "This address does not accept that method (TRACE is never accepted).";
            case 413, 414, 431 -> "The request is too large for the server to read. Send a shorter address, fewer "
                    + "or smaller headers, or a smaller body.";
            case 500, 503 -> "The server could not handle the request. Try again later.";
            default -> "The request was refused with status " + status + ".";
        };
    }
}
