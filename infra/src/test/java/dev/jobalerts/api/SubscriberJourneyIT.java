package dev.jobalerts.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jobalerts.json.Json;
import dev.jobalerts.local.LocalCloud;
import dev.jobalerts.local.Outbox;
import dev.jobalerts.local.SampleBoard;
import dev.jobalerts.store.SourceStore;
import dev.jobalerts.subscribe.SubscriberSearch;
import dev.jobalerts.subscribe.SubscriberStatus;
import dev.jobalerts.subscribe.SubscriberStore;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The whole subscriber journey in headless Chromium against the real handler, served on loopback by
 * the local cloud (as `serve` runs it): sign up, confirm from the link in the outbox email, add a search, unsubscribe;
 * and the preview of a search while it is typed, with and without JavaScript, over the sample board's 23 postings.
 * Skipped (visibly) where Chromium is not installed. Screenshots go to target/screenshots.
 */
class SubscriberJourneyIT {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private static Path outboxDir;
    private static LocalCloud cloud;
    private static Outbox outbox;
    private static SubscriberStore store;
    private static String base;

    private WebDriver browser;
    private Path profile;

    /** The local cloud as `serve` runs it: the real handler on loopback, DynamoDB Local, mail to an outbox directory. */
    @BeforeAll
    static void startServers() throws IOException {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "browser test skipped: install Debian packages chromium and chromium-driver (/usr/bin/chromium, /usr/bin/chromedriver)");
        outboxDir = Files.createTempDirectory("jobalerts-outbox-");
        cloud = LocalCloud.start(new LocalCloud.Options(0, 0, 0, outboxDir));
        outbox = new Outbox(outboxDir);
        store = new SubscriberStore(cloud.dynamo(), cloud.tables().subscribers());
        base = cloud.apiUrl();
        // Postings to preview against; fetched before anyone signs up, so nobody gets an alert for them.
        var sources = new SourceStore(cloud.dynamo(), cloud.tables().sources());
        SampleBoard.sources(cloud.boardUrl()).forEach(sources::saveDefinition);
        cloud.fetch(Set.of(), line -> { });
        cloud.drainStreams();
    }

    @AfterAll
    static void stopServers() {
        if (cloud != null) cloud.close();
    }

    @BeforeEach
    void openBrowser() throws IOException {
        profile = Files.createTempDirectory("jobalerts-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--no-first-run", "--disable-sync", "--window-size=1100,1400",
                "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterEach
    void closeBrowser() throws IOException {
        if (browser != null) browser.quit();
        if (profile != null) {
            try (var files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            }
        }
    }

    @Test
    void subscriberJourney_signUpConfirmAddSearchUnsubscribe() throws IOException {
        String email = "journey@example.com";
        browser.get(base + "/");
        screenshot("1-signup");

        // A bad address is refused by the server and the message appears next to the field.
        browser.findElement(By.id("email")).sendKeys("not-an-address");
        browser.findElement(By.cssSelector("form[data-api=signup] button[type=submit]")).click();
        waitForText(By.id("email-error"), "email must be an address");

        browser.findElement(By.id("email")).clear();
        browser.findElement(By.id("email")).sendKeys(email);
        browser.findElement(By.id("query-new")).sendKeys("java AND backend");
        browser.findElement(By.id("locations-new")).sendKeys("Berlin, Lisbon");
        new Select(browser.findElement(By.id("remote-new"))).selectByValue("include");
        browser.findElement(By.id("minSalary-new")).sendKeys("60000");
        browser.findElement(By.cssSelector("input[name=frequency][value=daily]")).click();
        browser.findElement(By.cssSelector("form[data-api=signup] button[type=submit]")).click();
        waitForText(By.id("status"), "we sent you an email");
        screenshot("2-pending");

        // The sign-up stored a pending search; the Subscribers stream brings it to the confirmation mailer.
        cloud.drainStreams();
        String confirmLink = outbox.latestConfirmLink(email).orElseThrow(() -> new AssertionError("no confirmation email in the outbox"));
        browser.get(confirmLink);
        assertThat(browser.findElement(By.tagName("h1")).getText()).contains("confirmed");
        screenshot("3-confirmed");

        browser.findElement(By.id("next")).click();
        waitForText(By.tagName("h1"), "Your job alerts");
        assertThat(browser.getPageSource()).contains("Saved searches (1 of 10)", "java AND backend");
        screenshot("4-manage");

        var add = browser.findElement(By.id("add-search"));
        add.findElement(By.name("query")).sendKeys("kotlin");
        new Select(add.findElement(By.name("remote"))).selectByValue("only");
        add.findElement(By.cssSelector("button[type=submit]")).click();
        waitForText(By.id("searches-heading"), "(2 of 10)");
        screenshot("5-two-searches");
        String subscriberId = cloud.subscriptions().findByEmail(email).orElseThrow().subscriberId();
        assertThat(store.searchesOf(subscriberId)).extracting(s -> s.search().query()).containsExactlyInAnyOrder("java AND backend", "kotlin");
        assertThat(store.searchesOf(subscriberId)).allMatch(SubscriberSearch::live);

        browser.findElement(By.id("unsubscribe")).click();
        waitForText(By.tagName("h1"), "You are unsubscribed");
        screenshot("6-unsubscribed");
        assertThat(store.find(subscriberId).orElseThrow().status()).isEqualTo(SubscriberStatus.UNSUBSCRIBED);
        assertThat(store.searchesOf(subscriberId)).noneMatch(SubscriberSearch::live);
    }

    @Test
    void signUpWithoutJavaScript_postsTheFormAndShowsThePendingPage() throws IOException {
        browser.quit();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--no-first-run", "--disable-sync", "--user-data-dir=" + profile,
                "--blink-settings=scriptEnabled=false");
        browser = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build(), options);

        browser.get(base + "/");
        browser.findElement(By.id("email")).sendKeys("nojs@example.com");
        browser.findElement(By.id("query-new")).sendKeys("<b>golang</b>");
        browser.findElement(By.cssSelector("form[data-api=signup] button[type=submit]")).click();
        waitForText(By.tagName("h1"), "Check your inbox");
        screenshot("7-no-js-pending");
        cloud.drainStreams();
        assertThat(outbox.latestConfirmLink("nojs@example.com")).isPresent();
        // Until its link is followed the search is only pending: nothing the address's owner sees yet.
        String id = cloud.subscriptions().findByEmail("nojs@example.com").map(s -> s.subscriberId()).orElse(null);
        assertThat(id).isNull();
    }

    @Test
    void signUpPage_previewsTheSearchWhileItIsTyped_withoutARequestPerKeystroke() throws Exception {
        browser.get(base + "/");
        String query = "python AND (django OR flask)";

        browser.findElement(By.id("query-new")).sendKeys(query);
        waitForText(By.cssSelector("#preview-new .preview-count"), "of the 23 postings first seen in the last 14 days match");

        int expected = previewCount("{\"query\":\"" + query + "\"}");
        assertThat(browser.findElement(By.cssSelector("#preview-new .preview-count")).getText()).startsWith(expected + " of the 23 postings");
        assertThat(browser.findElements(By.cssSelector("#preview-new .preview-examples li"))).hasSize(Math.min(5, expected));
        assertThat(browser.findElement(By.cssSelector("#preview-new .preview-examples li .preview-matched")).getText()).startsWith("matched: python");
        // The page asks once the typing pauses, not once per key.
        assertThat(previewRequests()).isBetween(1L, (long) query.length() / 4);
        screenshot("8-preview-while-typing");

        // A filter narrows the preview; the page asks again after the change.
        new Select(browser.findElement(By.id("remote-new"))).selectByValue("only");
        int remoteOnly = previewCount("{\"query\":\"" + query + "\",\"remote\":\"only\"}");
        waitForText(By.cssSelector("#preview-new .preview-count"), (remoteOnly == 0 ? "None of the 23" : remoteOnly + " of the 23"));

        // A query that does not parse: the positional error appears next to the field, the preview says why it is gone.
        browser.findElement(By.id("query-new")).sendKeys(" AND (");
        waitForText(By.id("query-new-error"), "at character");
        waitForText(By.id("preview-new"), "Fix the search to see what it would match");
        assertThat(browser.findElement(By.id("query-new")).getAttribute("aria-invalid")).isEqualTo("true");
        screenshot("9-preview-parse-error");

        browser.findElement(By.id("query-new")).clear();
        browser.findElement(By.id("query-new")).sendKeys("cobol");
        waitForText(By.cssSelector("#preview-new .preview-count"), "None of the 23 postings first seen in the last 14 days match this search.");
        assertThat(browser.findElement(By.id("query-new-error")).getText()).isEmpty();
        assertThat(browser.findElements(By.cssSelector("#preview-new .preview-examples li"))).isEmpty();
    }

    @Test
    void previewWithoutJavaScript_thePreviewButtonRendersThePageWithTheMatches() throws IOException {
        browser.quit();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--no-first-run", "--disable-sync", "--window-size=1100,1400", "--user-data-dir=" + profile,
                "--blink-settings=scriptEnabled=false");
        browser = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build(), options);

        browser.get(base + "/");
        browser.findElement(By.id("email")).sendKeys("nojs-preview@example.com");
        browser.findElement(By.id("query-new")).sendKeys("python AND (django OR flask)");
        browser.findElement(By.cssSelector("button[data-preview-button]")).click();
        waitForText(By.cssSelector("#preview-new .preview-count"), "of the 23 postings first seen in the last 14 days match");
        // The form keeps what was typed, ready to be sent with "Create alert".
        assertThat(browser.findElement(By.id("email")).getAttribute("value")).isEqualTo("nojs-preview@example.com");
        assertThat(browser.findElement(By.id("query-new")).getAttribute("value")).isEqualTo("python AND (django OR flask)");
        screenshot("10-no-js-preview");

        browser.findElement(By.cssSelector("form[data-api=signup] button[type=submit]")).click();
        waitForText(By.tagName("h1"), "Check your inbox");
    }

    /** How many preview requests this page has made (the browser's own resource timing). */
    private long previewRequests() {
        Object count = ((JavascriptExecutor) browser).executeScript(
                "return performance.getEntriesByType('resource').filter(function (e) { return e.name.indexOf('/subscriptions/preview') >= 0; }).length;");
        return ((Number) count).longValue();
    }

    /** What the API answers for a search, to compare the page with. */
    private static int previewCount(String search) throws Exception {
        var response = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + "/subscriptions/preview"))
                .header("content-type", "application/json").POST(java.net.http.HttpRequest.BodyPublishers.ofString(search)).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        return Json.mapper().readTree(response.body()).get("matches").asInt();
    }

    private void waitForText(By locator, String text) {
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.textToBePresentInElementLocated(locator, text));
    }

    private void screenshot(String name) throws IOException {
        Path shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(shot, SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }

}
