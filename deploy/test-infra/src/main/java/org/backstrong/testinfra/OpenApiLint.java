package org.backstrong.testinfra;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Lints a service's OpenAPI document with Redocly's recommended rules, the check the API's
 * consumers run. npx installs the pinned CLI on first use (cached in ~/.npm afterwards), so a
 * machine needs only Node.js and npm. A document passes with no error and no warning: a missing
 * operationId or summary is only a warning to Redocly, but is a defect here.
 */
public final class OpenApiLint {

    /** The Redocly CLI the documents are checked with; a newer one may add rules. */
    public static final String REDOCLY_CLI = "@redocly/cli@2.77.0";

    /** The first run downloads the CLI; later ones take seconds. */
    private static final long TIMEOUT_SECONDS = 300;

    private OpenApiLint() {}

    /** Writes {@code document} to {@code file} and fails the test unless Redocly finds nothing in it. */
    public static void assertClean(String document, Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, document, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot write " + file + ": " + e.getMessage(), e);
        }
        String npx = npx();
        Path report = file.resolveSibling(file.getFileName() + ".lint.json");
        Path log = file.resolveSibling(file.getFileName() + ".lint.log");
        List<String> command = List.of(
                npx,
                "--yes",
                REDOCLY_CLI,
                "lint",
                "--extends",
                "recommended",
                "--format",
                "json",
                file.toAbsolutePath().toString());
        int exit = run(command, report, log);
        JsonNode result = parse(read(report));
        if (result == null || !result.has("totals")) {
            fail("Redocly gave no report (exit " + exit + ") for " + file + ": " + String.join(" ", command) + "\n"
                    + ChildProcess.tail(log));
        }
        int errors = result.path("totals").path("errors").asInt();
        int warnings = result.path("totals").path("warnings").asInt();
        if (errors > 0 || warnings > 0) {
            StringBuilder problems = new StringBuilder();
            for (JsonNode problem : result.path("problems")) {
                problems.append("\n  ")
                        .append(problem.path("severity").asText())
                        .append(' ')
                        .append(problem.path("ruleId").asText())
                        .append(" at ")
                        .append(problem.path("location").path(0).path("pointer").asText())
                        .append(": ")
                        .append(problem.path("message").asText());
            }
            fail("Redocly lint (recommended rules) found " + errors + " errors and " + warnings + " warnings in " + file
                    + " (npx " + REDOCLY_CLI + " lint --extends recommended " + file + "):" + problems);
        }
    }

    private static JsonNode parse(String json) {
        try {
            return json.isBlank() ? null : new ObjectMapper().readTree(json);
        } catch (IOException e) {
            return null;
        }
    }

    /** npx from the PATH, or a failure that says what to install. */
    private static String npx() {
        String path = System.getenv("PATH");
        if (path != null) {
            for (String dir : path.split(File.pathSeparator)) {
                Path candidate = Path.of(dir, "npx");
                if (Files.isExecutable(candidate)) {
                    return candidate.toString();
                }
            }
        }
        fail("npx is missing from the PATH: the OpenAPI documents are linted with " + REDOCLY_CLI
                + ", which npx installs by itself. Install Node.js and npm (Debian: apt-get install nodejs npm).");
        throw new AssertionError("unreachable");
    }

    private static int run(List<String> command, Path report, Path log) {
        try {
            Process process = new ProcessBuilder(new ArrayList<>(command))
                    .redirectOutput(report.toFile())
                    .redirectError(log.toFile())
                    .start();
            process.getOutputStream().close();
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                fail("Timed out after " + TIMEOUT_SECONDS + " s: " + String.join(" ", command) + "\n"
                        + ChildProcess.tail(log));
            }
            return process.exitValue();
        } catch (IOException e) {
            throw new IllegalStateException("Cannot run " + command.get(0) + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while running " + command.get(0), e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            return "";
        }
    }
}
