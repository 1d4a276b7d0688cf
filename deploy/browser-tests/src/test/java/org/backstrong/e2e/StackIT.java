package org.backstrong.e2e;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.backstrong.e2e.browser.BrowserExtension;
import org.backstrong.e2e.browser.DesktopWindow;
import org.backstrong.e2e.pages.AppPage;
import org.backstrong.e2e.pages.KeycloakLoginPage;
import org.backstrong.e2e.stack.LocalStack;

/** The harness itself: the stack the browser tests run against is up, on its own ports. */
@BrowserTest
class StackIT {

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final Pattern STATUS_UP = Pattern.compile("\"status\"\\s*:\\s*\"UP\"");
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Each database's owner role, and who connects as it. */
    private static final Map<String, String> DATABASES = Map.of(
            "catalog",
            "catalog-service",
            "planner",
            "planner-service",
            "progress",
            "progress-service",
            "keycloak",
            "keycloak");

    @Test
    void everyServiceIsReadyOnItsOwnPort(LocalStack stack) {
        Map<String, String> services = Map.of(
                "catalog-service", stack.catalogUrl(),
                "planner-service", stack.plannerUrl(),
                "progress-service", stack.progressUrl());
        assertAll(services.entrySet().stream().map(service -> () -> {
            HttpResponse<String> health = get(stack.managementUrl(service.getKey()) + "/q/health/ready");
            assertEquals(200, health.statusCode(), service.getKey() + " readiness: " + health.body());
            assertTrue(STATUS_UP.matcher(health.body()).find(), service.getKey() + " is not UP: " + health.body());
        }));
    }

    /** Operations on the management port only; the API port serves the OpenAPI document but no Swagger UI (a dev tool). */
    @Test
    void metricsAndHealthLiveOnTheManagementPortAndSwaggerUiNowhere(LocalStack stack) {
        Map<String, String> services = Map.of(
                "catalog-service", stack.catalogUrl(),
                "planner-service", stack.plannerUrl(),
                "progress-service", stack.progressUrl());
        assertAll(services.entrySet().stream().map(service -> () -> {
            String name = service.getKey();
            // Prometheus' text format, as a scraper asks for it (JSON is not offered: 406).
            HttpResponse<String> metrics =
                    send(HttpRequest.newBuilder(URI.create(stack.managementUrl(name) + "/q/metrics"))
                            .header("Accept", "text/plain"));
            assertEquals(200, metrics.statusCode(), name + " metrics");
            assertTrue(
                    metrics.body().contains("# TYPE jvm_"),
                    name + " metrics are not Prometheus text: "
                            + metrics.body()
                                    .substring(0, Math.min(300, metrics.body().length())));
            assertEquals(
                    404, get(service.getValue() + "/q/metrics").statusCode(), name + " /q/metrics on the API port");
            assertEquals(
                    404, get(service.getValue() + "/q/health/ready").statusCode(), name + " /q/health on the API port");
            assertEquals(404, get(service.getValue() + "/q/swagger-ui").statusCode(), name + " serves Swagger UI");
            assertEquals(200, get(service.getValue() + "/q/openapi").statusCode(), name + " /q/openapi");
        }));
    }

    /**
     * Every metric deploy/monitoring's alerts and Grafana dashboard read, and every one its README lists, is one
     * the running services expose (counters included: each is known at 0 from the start).
     */
    @Test
    void theAlertsAndTheDashboardReadMetricsTheServicesExpose(LocalStack stack) throws IOException {
        java.nio.file.Path monitoring = java.nio.file.Path.of("..", "monitoring");
        String named = Files.readString(monitoring.resolve("alerts.yml"), StandardCharsets.UTF_8)
                + Files.readString(monitoring.resolve("grafana-dashboard.json"), StandardCharsets.UTF_8)
                + Files.readString(monitoring.resolve("README.md"), StandardCharsets.UTF_8);
        java.util.Set<String> metrics = new java.util.TreeSet<>();
        Pattern.compile("\\b((?:backstrong|kafka|agroal|http_server)_[a-z_]+)\\b")
                .matcher(named)
                .results()
                .forEach(match -> metrics.add(match.group(1)));
        assertTrue(metrics.size() >= 25, "metrics named by the alerts, the dashboard and the README: " + metrics);
        // The HTTP server's metrics appear with a service's first request to its API (/q/ is not counted): one
        // each, whatever ran before; without a token each answers 401.
        for (String api : List.of(
                stack.catalogUrl() + "/exercises",
                stack.plannerUrl() + "/patients",
                stack.progressUrl() + "/pain-flags")) {
            assertEquals(401, get(api).statusCode(), api);
        }
        StringBuilder scraped = new StringBuilder();
        for (String service : List.of("catalog-service", "planner-service", "progress-service")) {
            HttpResponse<String> scrape =
                    send(HttpRequest.newBuilder(URI.create(stack.managementUrl(service) + "/q/metrics"))
                            .header("Accept", "text/plain"));
            assertEquals(200, scrape.statusCode(), service + " metrics");
            scraped.append(scrape.body()).append('\n');
        }
        List<String> missing = metrics.stream()
                .filter(metric -> !Pattern.compile("(?m)^" + metric + "[{ ]")
                        .matcher(scraped)
                        .find())
                .toList();
        assertEquals(List.of(), missing, "named by deploy/monitoring but exposed by no service");
    }

    /**
     * Least privilege in PostgreSQL: every service and Keycloak connects as the role that owns its
     * database and nothing else; none of them is a superuser or may create databases or roles, and
     * one role cannot even connect to another's database.
     */
    @Test
    void everyServiceAndKeycloakConnectsAsItsOwnDatabasesOwnerAndNoneAsASuperuser(LocalStack stack)
            throws SQLException {
        try (Connection admin = DriverManager.getConnection(
                        stack.jdbcUrl("postgres"), "backstrong", stack.secret("DB_PASSWORD"));
                Statement sql = admin.createStatement()) {
            // A pool may have closed its idle connections: readiness checks and a sign-in open them again.
            await().atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofSeconds(2))
                    .untilAsserted(() -> {
                        for (String service : List.of("catalog-service", "planner-service", "progress-service")) {
                            get(stack.managementUrl(service) + "/q/health/ready");
                        }
                        post(
                                stack.issuer() + "/protocol/openid-connect/token",
                                null,
                                "grant_type=password&client_id=backstrong-cli&username=adam&password=adam");
                        Map<String, String> connected = connections(sql);
                        for (String database : DATABASES.keySet()) {
                            assertTrue(
                                    connected.containsKey(database),
                                    DATABASES.get(database) + " holds no connection to " + database + "; connections: "
                                            + connected);
                        }
                    });
            Map<String, String> connected = connections(sql);
            List<String> superusers = new ArrayList<>();
            try (ResultSet rows = sql.executeQuery("SELECT a.datname, a.usename FROM pg_stat_activity a"
                    + " JOIN pg_roles r ON r.oid = a.usesysid"
                    + " WHERE a.backend_type = 'client backend' AND a.pid <> pg_backend_pid() AND r.rolsuper")) {
                while (rows.next()) {
                    superusers.add(rows.getString(2) + " on " + rows.getString(1));
                }
            }
            assertEquals(List.of(), superusers, "connections by a superuser, besides this test's own");
            for (Map.Entry<String, String> database : DATABASES.entrySet()) {
                assertEquals(
                        database.getKey(),
                        connected.get(database.getKey()),
                        database.getValue() + " connects to " + database.getKey() + " as another role");
            }
            for (String role : DATABASES.keySet()) {
                try (ResultSet rows =
                        sql.executeQuery("SELECT r.rolsuper, r.rolcreatedb, r.rolcreaterole, r.rolreplication,"
                                + " r.rolbypassrls, (SELECT string_agg(d.datname, ',' ORDER BY d.datname) FROM pg_database d"
                                + " WHERE d.datdba = r.oid) FROM pg_roles r WHERE r.rolname = '" + role + "'")) {
                    assertTrue(rows.next(), "no role " + role);
                    for (int column = 1; column <= 5; column++) {
                        assertFalse(
                                rows.getBoolean(column),
                                role + ": " + rows.getMetaData().getColumnName(column));
                    }
                    assertEquals(role, rows.getString(6), "the databases role " + role + " owns");
                }
            }
        }
        SQLException refused = assertThrows(
                SQLException.class,
                () -> DriverManager.getConnection(
                                stack.jdbcUrl("planner"), "catalog", stack.secret("CATALOG_DB_PASSWORD"))
                        .close());
        assertTrue(refused.getMessage().contains("permission denied"), refused.getMessage());
    }

    /** Database by database, the one role connected to it (or several, comma-separated, which the test then names). */
    private static Map<String, String> connections(Statement sql) throws SQLException {
        Map<String, String> connected = new TreeMap<>();
        try (ResultSet rows = sql.executeQuery("SELECT datname, string_agg(DISTINCT usename, ',') FROM pg_stat_activity"
                + " WHERE backend_type = 'client backend' AND pid <> pg_backend_pid() AND datname IS NOT NULL"
                + " GROUP BY datname")) {
            while (rows.next()) {
                connected.put(rows.getString(1), rows.getString(2));
            }
        }
        return connected;
    }

    /** The demo realm's tokens carry the audience every service requires, and wrong passwords are counted. */
    @Test
    void demoRealmTokensCarryTheServicesAudienceAndBruteForceProtectionIsOn(LocalStack stack) throws IOException {
        HttpResponse<String> token = post(
                stack.issuer() + "/protocol/openid-connect/token",
                null,
                "grant_type=password&client_id=backstrong-cli&username=clara&password=clara");
        assertEquals(200, token.statusCode(), token.body());
        String accessToken = JSON.readTree(token.body()).path("access_token").asText();
        JsonNode claims =
                JSON.readTree(Base64.getUrlDecoder().decode(accessToken.split("\\.")[1]));
        assertTrue(claims.path("aud").toString().contains("\"backstrong-web\""), "aud: " + claims.path("aud"));

        String admin = LoadPatients.adminToken(stack);
        JsonNode realm = JSON.readTree(get(stack.keycloakUrl() + "/admin/realms/" + LocalStack.REALM, admin)
                .body());
        assertTrue(realm.path("bruteForceProtected").asBoolean(), "brute-force protection is off");
    }

    /**
     * The production realm file, imported into a scratch realm of this Keycloak: Keycloak takes it, and
     * what it made has no users, no client with the password grant, brute-force protection, the
     * password policy (a short password is refused) and the short lifetimes.
     */
    @Test
    void productionRealmImportsWithItsHardeningAndWithoutDemoUsers(LocalStack stack) throws IOException {
        String scratch = "backstrong-prod-check";
        String file = Files.readString(
                        stack.root().resolve("deploy/realm/backstrong-realm.prod.json"), StandardCharsets.UTF_8)
                .replace("${BACKSTRONG_WEB_CLIENT_SECRET}", "scratch-secret")
                .replace("${BACKSTRONG_WEB_URL}", "https://backstrong.example.org");
        ObjectNode definition = (ObjectNode) JSON.readTree(file);
        definition.put("realm", scratch);
        String admin = LoadPatients.adminToken(stack);
        String realms = stack.keycloakUrl() + "/admin/realms";
        HttpResponse<String> created = post(realms, admin, JSON.writeValueAsString(definition));
        assertEquals(201, created.statusCode(), "import of the production realm: " + created.body());
        try {
            JsonNode realm = JSON.readTree(get(realms + "/" + scratch, admin).body());
            assertTrue(realm.path("bruteForceProtected").asBoolean(), "brute-force protection");
            assertTrue(
                    realm.path("passwordPolicy").asText().contains("length(12)"),
                    realm.path("passwordPolicy").asText());
            assertTrue(
                    realm.path("passwordPolicy").asText().contains("notUsername"),
                    realm.path("passwordPolicy").asText());
            assertEquals(300, realm.path("accessTokenLifespan").asInt());
            assertEquals(1800, realm.path("ssoSessionIdleTimeout").asInt());
            assertEquals(
                    "[]", get(realms + "/" + scratch + "/users", admin).body().replaceAll("\\s", ""));
            List<String> passwordGrant = new ArrayList<>();
            for (JsonNode client : JSON.readTree(
                    get(realms + "/" + scratch + "/clients", admin).body())) {
                if (client.path("directAccessGrantsEnabled").asBoolean()
                        && client.path("enabled").asBoolean()) {
                    passwordGrant.add(client.path("clientId").asText());
                }
            }
            assertEquals(List.of(), passwordGrant, "clients with the password grant");

            HttpResponse<String> weak = post(
                    realms + "/" + scratch + "/users",
                    admin,
                    "{\"username\":\"nora\",\"enabled\":true,"
                            + "\"email\":\"nora@clinic-a.example.org\",\"firstName\":\"Nora\",\"lastName\":\"Nurse\","
                            + "\"credentials\":[{\"type\":\"password\",\"value\":\"nora-2026\",\"temporary\":false}]}");
            assertEquals(400, weak.statusCode(), "a 9-character password: " + weak.body());
        } finally {
            HttpResponse<String> deleted = send(HttpRequest.newBuilder(URI.create(realms + "/" + scratch))
                    .header("Authorization", "Bearer " + admin)
                    .DELETE());
            assertEquals(204, deleted.statusCode(), deleted.body());
        }
    }

    @Test
    void keycloakPublishesTheRealmWithTheIssuerTheServicesCheck(LocalStack stack) {
        HttpResponse<String> discovery = get(stack.issuer() + "/.well-known/openid-configuration");

        assertEquals(200, discovery.statusCode(), discovery.body());
        assertTrue(
                discovery.body().contains("\"issuer\":\"" + stack.issuer() + "\""),
                "issuer is not " + stack.issuer() + ": " + discovery.body());
    }

    @Test
    void plannerApiAsksForATokenInsteadOfRedirecting(LocalStack stack) {
        HttpResponse<String> patients = get(stack.plannerUrl() + "/patients");

        assertEquals(401, patients.statusCode(), patients.body());
    }

    /** The browser, the page object and Keycloak's login page work, whatever planner's pages do. */
    @Test
    @DesktopWindow
    void demoUserSignsInOnKeycloaksLoginPage(LocalStack stack, WebDriver browser) {
        browser.get(stack.issuer() + "/account/");

        KeycloakLoginPage.expect(browser, stack).signInAs("clara");

        // Keycloak's account console, signed in, names her (first and last name of the realm's user).
        new WebDriverWait(browser, Duration.ofSeconds(30))
                .withMessage(() -> "not in clara's account console: " + browser.getCurrentUrl())
                .until(d -> d.getCurrentUrl().startsWith(stack.issuer() + "/account")
                        && d.findElement(By.tagName("body")).getText().contains("Clara Clinician"));
    }

    @Test
    void browserHasAPhoneSizedViewportByDefault(LocalStack stack, WebDriver browser) {
        AppPage.open(browser, stack);
        KeycloakLoginPage.expect(browser, stack);

        assertEquals((long) BrowserExtension.PHONE_WIDTH, viewportWidth(browser));
    }

    @Test
    @DesktopWindow
    void browserHasADesktopSizedViewportWhenATestAsks(LocalStack stack, WebDriver browser) {
        AppPage.open(browser, stack);
        KeycloakLoginPage.expect(browser, stack);

        assertEquals((long) BrowserExtension.DESKTOP_WIDTH, viewportWidth(browser));
    }

    private static Object viewportWidth(WebDriver browser) {
        return ((JavascriptExecutor) browser).executeScript("return window.innerWidth");
    }

    private static HttpResponse<String> get(String url) {
        return send(HttpRequest.newBuilder(URI.create(url)).header("Accept", "application/json"));
    }

    private static HttpResponse<String> get(String url, String bearer) {
        return send(HttpRequest.newBuilder(URI.create(url))
                .header("Accept", "application/json")
                .header("Authorization", "Bearer " + bearer));
    }

    /** A POST of a form (no bearer) or of JSON (with one). */
    private static HttpResponse<String> post(String url, String bearer, String body) {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(URI.create(url)).POST(HttpRequest.BodyPublishers.ofString(body));
        if (bearer == null) {
            request.header("Content-Type", "application/x-www-form-urlencoded");
        } else {
            request.header("Content-Type", "application/json").header("Authorization", "Bearer " + bearer);
        }
        return send(request);
    }

    private static HttpResponse<String> send(HttpRequest.Builder builder) {
        HttpRequest request = builder.timeout(Duration.ofSeconds(30)).build();
        String url = request.method() + " " + request.uri();
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AssertionError(url + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted: " + url, e);
        }
    }
}
