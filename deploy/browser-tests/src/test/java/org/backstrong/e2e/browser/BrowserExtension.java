package org.backstrong.e2e.browser;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.AnnotatedElement;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import org.backstrong.e2e.stack.LocalStack;
import org.backstrong.e2e.stack.StackExtension;

/**
 * A fresh headless Chromium per test (Debian's /usr/bin/chromium through /usr/bin/chromedriver;
 * nothing is downloaded), phone-sized unless {@link DesktopWindow} asks otherwise. After each
 * test it saves a screenshot of the last page as target/screenshots/&lt;TestClass&gt;-&lt;method&gt;.png;
 * on failure also the page's HTML beside it, and prints the tails of the stack's logs.
 */
public final class BrowserExtension implements ParameterResolver, AfterTestExecutionCallback {

    /** An iPhone 12–15 sized viewport: the patient pages are phone pages. */
    public static final int PHONE_WIDTH = 390;

    public static final int PHONE_HEIGHT = 844;
    public static final int DESKTOP_WIDTH = 1280;
    public static final int DESKTOP_HEIGHT = 900;

    private static final int LOG_LINES_ON_FAILURE = 40;
    private static final Pattern INVOCATION = Pattern.compile("\\[test-template-invocation:#(\\d+)]$");
    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(BrowserExtension.class);

    /** Where each open browser saves downloads (one folder per test). */
    private static final Map<WebDriver, Path> DOWNLOADS = new java.util.concurrent.ConcurrentHashMap<>();

    /** The test's browser; quit when JUnit closes the test's store. */
    private record Browser(WebDriver driver) implements AutoCloseable {
        @Override
        public void close() {
            DOWNLOADS.remove(driver);
            try {
                driver.quit();
            } catch (WebDriverException e) {
                System.out.println("[browser] quitting failed: " + e.getMessage());
            }
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == WebDriver.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getStore(NAMESPACE)
                .computeIfAbsent(
                        Browser.class,
                        key -> new Browser(open(isDesktop(context), downloadsOf(context))),
                        Browser.class)
                .driver();
    }

    /** The folder the browser of this test saves downloads to (target/downloads/&lt;TestClass&gt;-&lt;method&gt;). */
    public static Path downloads(WebDriver driver) {
        Path folder = DOWNLOADS.get(driver);
        if (folder == null) {
            throw new IllegalArgumentException("not a browser of BrowserExtension");
        }
        return folder;
    }

    private static Path downloadsOf(ExtensionContext context) {
        Path folder = Path.of(System.getProperty("backstrong.e2e.downloads", "target/downloads"))
                .toAbsolutePath()
                .resolve(artifactName(context));
        try {
            if (Files.isDirectory(folder)) {
                try (var old = Files.list(folder)) {
                    for (Path file : old.toList()) {
                        Files.delete(file);
                    }
                }
            }
            return Files.createDirectories(folder);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void afterTestExecution(ExtensionContext context) {
        Optional<Throwable> failure = context.getExecutionException();
        Browser browser = context.getStore(NAMESPACE).get(Browser.class, Browser.class);
        String name = artifactName(context);
        if (browser != null) {
            saveScreenshot(browser.driver(), name);
            if (failure.isPresent()) {
                savePage(browser.driver(), name);
            } else {
                deleteStalePage(name);
            }
        }
        if (failure.isPresent()) {
            LocalStack stack = StackExtension.startedStack(context);
            if (stack != null) {
                System.out.println("[stack] " + name + " failed; the stack's logs end with:\n"
                        + stack.logTailsForFailure(LOG_LINES_ON_FAILURE));
            }
        }
    }

    /**
     * A phone-sized browser on a profile folder of the caller's ({@code --user-data-dir}): quitting it
     * and opening another on the same folder is a browser restart, with the service workers, caches,
     * IndexedDB and persistent cookies of the one before. The caller quits it.
     */
    public static WebDriver openWithProfile(Path userDataDir) {
        try {
            Files.createDirectories(userDataDir);
            return open(
                    false,
                    Files.createDirectories(userDataDir.resolveSibling(userDataDir.getFileName() + "-downloads")),
                    userDataDir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static WebDriver open(boolean desktop, Path downloads) {
        return open(desktop, downloads, null);
    }

    private static WebDriver open(boolean desktop, Path downloads, Path userDataDir) {
        String chromium = System.getProperty("backstrong.e2e.chromium", "/usr/bin/chromium");
        String chromedriver = System.getProperty("backstrong.e2e.chromedriver", "/usr/bin/chromedriver");
        for (String executable : new String[] {chromium, chromedriver}) {
            if (!Files.isExecutable(Path.of(executable))) {
                throw new IllegalStateException(
                        executable + " is missing: install Debian's chromium and chromium-driver"
                                + " (.ci/run does), or point -Dbackstrong.e2e.chromium / -Dbackstrong.e2e.chromedriver elsewhere");
            }
        }
        // Both paths given: Selenium Manager has nothing to find, so it never downloads a browser or driver.
        System.setProperty(ChromeDriverService.CHROME_DRIVER_EXE_PROPERTY, chromedriver);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(chromedriver))
                .usingAnyFreePort()
                .build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium);
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-dev-shm-usage",
                "--lang=en-GB",
                "--window-size=" + (desktop ? DESKTOP_WIDTH + "," + DESKTOP_HEIGHT : PHONE_WIDTH + "," + PHONE_HEIGHT));
        if (userDataDir != null) {
            options.addArguments("--user-data-dir=" + userDataDir.toAbsolutePath());
        }
        if (!desktop) {
            // Headless windows are at least 500 px wide; emulation gives the phone's viewport
            // exactly, with touch and the page's <meta name=viewport> honoured.
            options.setExperimentalOption(
                    "mobileEmulation",
                    Map.of(
                            "deviceMetrics",
                            Map.of(
                                    "width",
                                    PHONE_WIDTH,
                                    "height",
                                    PHONE_HEIGHT,
                                    "pixelRatio",
                                    1.0,
                                    "touch",
                                    true,
                                    "mobile",
                                    true)));
        }
        // No "save password?" or leaked-password prompts over the pages under test.
        options.setExperimentalOption(
                "prefs",
                Map.of(
                        "credentials_enable_service", false,
                        "profile.password_manager_enabled", false,
                        "profile.password_manager_leak_detection", false,
                        "download.default_directory", downloads.toString(),
                        "download.prompt_for_download", false));
        ChromeDriver driver = new ChromeDriver(service, options);
        DOWNLOADS.put(driver, downloads);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        return driver;
    }

    private static boolean isDesktop(ExtensionContext context) {
        return context.getTestMethod().map(BrowserExtension::isDesktop).orElse(false)
                || context.getTestClass().map(BrowserExtension::isDesktop).orElse(false);
    }

    private static boolean isDesktop(AnnotatedElement element) {
        return element.isAnnotationPresent(DesktopWindow.class);
    }

    /** &lt;TestClass&gt;-&lt;method&gt;, plus -&lt;n&gt; for the n-th run of a parameterized or repeated test. */
    static String artifactName(ExtensionContext context) {
        String name = context.getRequiredTestClass().getSimpleName() + "-"
                + context.getRequiredTestMethod().getName();
        Matcher invocation = INVOCATION.matcher(context.getUniqueId());
        if (invocation.find()) {
            name += "-" + invocation.group(1);
        }
        return name;
    }

    private static Path screenshots() throws IOException {
        Path dir = Path.of(System.getProperty("backstrong.e2e.screenshots", "target/screenshots"))
                .toAbsolutePath();
        return Files.createDirectories(dir);
    }

    private static void saveScreenshot(WebDriver driver, String name) {
        try {
            Path png = screenshots().resolve(name + ".png");
            Files.write(png, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
            System.out.println("[browser] screenshot " + png);
        } catch (IOException | WebDriverException e) {
            System.out.println("[browser] no screenshot for " + name + ": " + e.getMessage());
        }
    }

    /** A page saved by an earlier, failed run of this test would mislead now that it passed. */
    private static void deleteStalePage(String name) {
        try {
            Files.deleteIfExists(screenshots().resolve(name + ".html"));
        } catch (IOException e) {
            System.out.println("[browser] cannot remove the old page of " + name + ": " + e.getMessage());
        }
    }

    private static void savePage(WebDriver driver, String name) {
        try {
            Path html = screenshots().resolve(name + ".html");
            String source = "<!-- " + driver.getCurrentUrl() + " -->\n" + driver.getPageSource();
            Files.writeString(html, source, StandardCharsets.UTF_8);
            System.out.println(
                    "[browser] " + name + " failed on " + driver.getCurrentUrl() + "; page saved as " + html);
        } catch (IOException | UncheckedIOException | WebDriverException e) {
            System.out.println("[browser] no page source for " + name + ": " + e.getMessage());
        }
    }
}
