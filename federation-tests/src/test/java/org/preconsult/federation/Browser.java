package org.preconsult.federation;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A headless Chromium (Debian's, never a downloaded one) driven as a person would: it opens pages,
 * types and clicks, runs axe-core on every page it visits, notes the server time of each page and
 * saves screenshots of the pages worth showing into {@code docs/ui/}.
 */
final class Browser implements AutoCloseable {

    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    /** Where the screenshots go: docs/ui of the project. */
    static final Path SCREENSHOTS = Path.of("").toAbsolutePath().getParent().resolve("docs/ui");

    /** One accessibility finding of axe-core. */
    record Violation(String page, String rule, String impact, int nodes, String help) {
    }

    private static String axeSource;
    /** Pages checked with axe-core, and the rules they passed in all. */
    int pagesChecked;
    int rulesPassed;

    private final ChromeDriver driver;
    private final WebDriverWait wait;
    final List<Violation> violations = new ArrayList<>();
    /** Server time (request sent to first byte) of each page visited, in milliseconds. */
    final Map<String, Double> serverMillis = new LinkedHashMap<>();

    Browser() {
        if (!Files.isExecutable(CHROMEDRIVER) || !Files.isExecutable(CHROMIUM)) {
            throw new IllegalStateException("The browser tests need Debian's chromium and chromium-driver: "
                    + "apt-get install -y chromium chromium-driver (.ci/run installs them when missing)");
        }
        var options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
                "--window-size=1280,1000", "--lang=en");
        var service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        wait = new WebDriverWait(driver, Duration.ofSeconds(20));
    }

    /** Opens a page, then checks it with axe-core. */
    void open(String url) {
        driver.get(url);
        checked();
    }

    /** Checks the page the browser shows now: axe-core and the server time. */
    void checked() {
        String page = driver.getCurrentUrl().replaceFirst("https?://[^/]+", "");
        var timing = (Number) ((JavascriptExecutor) driver).executeScript(
                "const n = performance.getEntriesByType('navigation')[0]; return n ? n.responseStart - n.requestStart : null;");
        if (timing != null) {
            serverMillis.put(page.replaceAll("[0-9a-f]{8}-[0-9a-f-]{27}", "{id}") + " (" + lang() + ")", timing.doubleValue());
        }
        var js = (JavascriptExecutor) driver;
        js.executeScript(axe());
        @SuppressWarnings("unchecked")
        var result = (Map<String, Object>) js.executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + "axe.run(document).then(r => done({passes: r.passes.length, violations: r.violations.map(v => ("
                        + "{id: v.id, impact: v.impact, nodes: v.nodes.length, help: v.help}))}));");
        // An axe that checked nothing would report nothing: it must have passed rules on every page.
        if (((Number) result.get("passes")).intValue() < 10) {
            throw new AssertionError("axe-core checked almost nothing on " + page + ": " + result);
        }
        rulesPassed += ((Number) result.get("passes")).intValue();
        pagesChecked++;
        @SuppressWarnings("unchecked")
        var found = (List<Map<String, Object>>) result.get("violations");
        for (var v : found) {
            violations.add(new Violation(page, (String) v.get("id"), (String) v.get("impact"),
                    ((Number) v.get("nodes")).intValue(), (String) v.get("help")));
        }
    }

    List<Violation> seriousOrCritical() {
        return violations.stream().filter(v -> "serious".equals(v.impact()) || "critical".equals(v.impact())).toList();
    }

    String lang() {
        return driver.findElement(By.tagName("html")).getAttribute("lang");
    }

    WebElement find(String css) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
    }

    /** An element that is there, shown or not (GOV.UK radios hide the input behind its label). */
    WebElement element(String css) {
        return wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(css)));
    }

    String text(String css) {
        return find(css).getText();
    }

    void type(String css, String text) {
        var field = find(css);
        field.clear();
        field.sendKeys(text);
    }

    /** Opens the node's sign-in page (with its query, e.g. the language) and signs in as the user. */
    void signIn(String nodeBase, String query, String username, String password) {
        open(nodeBase + "/sign-in" + query);
        type("#username", username);
        type("#password", password);
        clickThrough("#sign-in");
    }

    /** Clicks what leads to another page and checks the page it lands on. */
    void clickThrough(String css) {
        markPage();
        find(css).click();
        awaitNewPage();
    }

    // A mark on the window of the current page: a new page has none once it has loaded.
    private void markPage() {
        ((JavascriptExecutor) driver).executeScript("window.__leaving = true;");
    }

    private void awaitNewPage() {
        wait.until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript(
                "return window.__leaving === undefined && document.readyState === 'complete';")));
        checked();
    }

    /** Follows the link with this text and checks the page it lands on. */
    void clickLink(String linkText) {
        markPage();
        wait.until(ExpectedConditions.elementToBeClickable(By.linkText(linkText))).click();
        awaitNewPage();
    }

    void waitUntil(String description, java.util.function.BooleanSupplier condition) {
        try {
            wait.until(d -> condition.getAsBoolean());
        } catch (org.openqa.selenium.TimeoutException e) {
            String shown = driver.getPageSource();
            throw new AssertionError("Timed out waiting until " + description + " at " + driver.getCurrentUrl()
                    + "; the page shows: " + shown.substring(0, Math.min(3000, shown.length())), e);
        }
    }

    /** What a script run in the page returns (a measurement the test checks). */
    Object script(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    /** Saves the whole page as docs/ui/{name}.png. */
    void screenshot(String name) {
        var js = (JavascriptExecutor) driver;
        js.executeScript("window.scrollTo(0, 0);");
        long height = ((Number) js.executeScript("return document.documentElement.scrollHeight;")).longValue();
        driver.manage().window().setSize(new Dimension(1280, (int) Math.min(Math.max(height + 120, 700), 4000)));
        try {
            Files.createDirectories(SCREENSHOTS);
            Files.copy(driver.getScreenshotAs(OutputType.FILE).toPath(), SCREENSHOTS.resolve(name + ".png"),
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        driver.manage().window().setSize(new Dimension(1280, 1000));
    }

    /**
     * Moves the focus with the Tab key only until it reaches the element the selector names: what a
     * person without a mouse does. Fails when sixty presses do not get there.
     */
    void tabTo(String css) {
        var js = (JavascriptExecutor) driver;
        for (int i = 0; i < 60; i++) {
            if (Boolean.TRUE.equals(js.executeScript("return document.activeElement != null && document.activeElement.matches(arguments[0]);", css))) {
                return;
            }
            new Actions(driver).sendKeys(Keys.TAB).perform();
        }
        throw new AssertionError("Tab never reached " + css + " on " + url());
    }

    /** Types into the element that has the focus, as the keyboard does. */
    void typeHere(String text) {
        new Actions(driver).sendKeys(text).perform();
    }

    /** Presses a key (Enter on a link or a form, Space on a button) that leads to another page, and checks that page. */
    void pressThrough(Keys key) {
        markPage();
        new Actions(driver).sendKeys(key).perform();
        awaitNewPage();
    }

    /** Chooses a file for a file input (what the browser's file dialog does). */
    void chooseFile(String css, Path file) {
        element(css).sendKeys(file.toAbsolutePath().toString());
    }

    /** Violations of every impact found on pages whose path starts with one of these. */
    List<Violation> violationsOn(List<String> paths) {
        return violations.stream().filter(v -> paths.stream().anyMatch(p -> v.page().startsWith(p))).toList();
    }

    String url() {
        return driver.getCurrentUrl();
    }

    private static synchronized String axe() {
        if (axeSource == null) {
            try (InputStream in = Browser.class.getResourceAsStream("/axe/axe.min.js")) {
                axeSource = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return axeSource;
    }

    @Override
    public void close() {
        driver.quit();
    }
}
