package no.samhandling.discharge.bench.data;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The service's REST API with the dev-only tokens of deploy/dev/token.sh (see README, "Tokens for trying the API"). */
public final class ServiceClient {

    private static final Pattern STAY_ID = Pattern.compile("^\\{\"id\":\"([0-9a-f-]{36})\"");
    private static final Pattern EVENT = Pattern.compile("\\{\"id\":\"([0-9a-f-]{36})\",\"sequence\":(\\d+)");

    private final String baseUrl;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    final String admin;
    final String integration;
    final String board;

    public ServiceClient(String baseUrl) throws IOException, InterruptedException {
        this.baseUrl = baseUrl.replaceAll("/$", "");
        this.admin = token("admin");
        this.integration = token("integration");
        this.board = token("board");
    }

    public String board() {
        return board;
    }

    public String admin() {
        return admin;
    }

    public String integration() {
        return integration;
    }

    /** A failed request: its status and the start of the problem details the service answered. */
    public static final class Refused extends RuntimeException {
        final int status;

        Refused(String method, String path, int status, String body) {
            super(method + " " + path + " answered " + status + ": " + body.substring(0, Math.min(400, body.length())), null, false, false);
            this.status = status;
        }
    }

    public String post(String path, String json, String token, String idempotencyKey) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path)).header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + token).POST(HttpRequest.BodyPublishers.ofString(json));
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return send("POST", path, request.build());
    }

    public String put(String path, String json) throws IOException, InterruptedException {
        return send("PUT", path, HttpRequest.newBuilder(URI.create(baseUrl + path)).header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + admin).PUT(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    public String get(String pathAndQuery, String token) throws IOException, InterruptedException {
        return send("GET", pathAndQuery, HttpRequest.newBuilder(URI.create(baseUrl + pathAndQuery))
                .header("Authorization", "Bearer " + token).GET().build());
    }

    /** Status and body without failing on an error status (the trend endpoint may not exist yet). */
    public HttpResponse<String> exchange(String pathAndQuery, String token) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(baseUrl + pathAndQuery)).header("Authorization", "Bearer " + token).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private String send(String method, String path, HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 300) {
            throw new Refused(method, path, response.statusCode(), response.body());
        }
        return response.body();
    }

    public static String stayIdOf(String stayJson) {
        Matcher matcher = STAY_ID.matcher(stayJson);
        if (!matcher.find()) {
            throw new IllegalStateException("No stay id in " + stayJson.substring(0, Math.min(200, stayJson.length())));
        }
        return matcher.group(1);
    }

    /** The id of the stay's latest event (highest sequence) in a stay's JSON. */
    static String lastEventId(String stayJson) {
        Matcher matcher = EVENT.matcher(stayJson);
        String id = null;
        int highest = -1;
        while (matcher.find()) {
            int sequence = Integer.parseInt(matcher.group(2));
            if (sequence > highest) {
                highest = sequence;
                id = matcher.group(1);
            }
        }
        if (id == null) {
            throw new IllegalStateException("No event in the stay's history");
        }
        return id;
    }

    private static String token(String role) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(Path.of("deploy/dev/token.sh").toString(), role, "--hours", "24")
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String token = new String(process.getInputStream().readAllBytes()).strip();
        if (process.waitFor() != 0 || token.isEmpty()) {
            throw new IllegalStateException("deploy/dev/token.sh " + role + " failed (it needs openssl)");
        }
        return token;
    }
}
