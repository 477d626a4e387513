package com.example.testapi.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.logging.Level;

import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Chromium (or Chrome) driven through chromedriver, used as a person uses the app: controls found by their
 * visible labels and texts, screenshots saved under {@code target/screenshots}. Both are where the build's first
 * step found them (.mvn/test-tools/TestTools.java: -Dchromium, CHROME_BIN, PATH, the usual places of each OS), read
 * from target/test-tools/browser.properties; a chromedriver it did not find is left to Selenium Manager.
 */
final class Browser implements AutoCloseable {

    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    final WebDriver driver;
    final WebDriverWait wait;

    Browser() throws IOException {
        Properties found = found();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(found.getProperty("chromium"));
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1100,900",
                "--user-data-dir=" + Files.createTempDirectory("chromium-profile"));
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        String chromedriver = found.getProperty("chromedriver", "");
        driver = chromedriver.isEmpty() ? new ChromeDriver(options) // Selenium Manager finds (or fetches) one
                : new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(Path.of(chromedriver)
                        .toFile()).build(), options);
        wait = new WebDriverWait(driver, Duration.ofSeconds(20));
    }

    /** What the build's test-tools step found; without it (or without Chromium) one message says what to do. */
    static Properties found() throws IOException {
        Path file = Path.of("target", "test-tools", "browser.properties");
        Properties found = new Properties();
        if (Files.isRegularFile(file)) {
            try (var in = Files.newBufferedReader(file)) {
                found.load(in);
            }
        }
        if (found.getProperty("chromium", "").isEmpty()) {
            throw new IllegalStateException("No Chromium for the browser tests in " + file + ": the build's first step"
                    + " (not skipped by -Dtest-tools.skip) looks for it and says how to install it (docs/testing.md)");
        }
        return found;
    }

    /** The input a visible label names. */
    WebElement field(String label) {
        String id = driver.findElement(By.xpath("//label[normalize-space()=" + literal(label) + "]")).getAttribute("for");
        return driver.findElement(By.id(id));
    }

    WebElement button(String text) {
        return driver.findElement(By.xpath("//button[normalize-space()=" + literal(text) + " and not(ancestor::*[@hidden])]"));
    }

    /** {@code text} as an XPath 1.0 string literal: in double quotes when it holds an apostrophe ("Reset ada's …"). */
    private static String literal(String text) {
        if (text.contains("'") && text.contains("\"")) {
            throw new IllegalArgumentException("both quotes in " + text);
        }
        return text.contains("'") ? "\"" + text + "\"" : "'" + text + "'";
    }

    void type(String label, String text) {
        WebElement field = field(label);
        field.clear();
        field.sendKeys(text);
    }

    String text(String id) {
        return driver.findElement(By.id(id)).getText();
    }

    /** Waits for element {@code id} to show {@code part}, across a page load (each try looks it up anew). */
    void waitForText(String id, String part) {
        wait.withMessage(() -> "#" + id + " shows '" + part + "' at " + driver.getCurrentUrl() + ", it shows '"
                + driver.findElements(By.id(id)).stream().map(WebElement::getText).findFirst().orElse("(no such element)")
                + "'").ignoring(StaleElementReferenceException.class)
                .until(d -> d.findElements(By.id(id)).stream().anyMatch(e -> e.getText().contains(part)));
    }

    /** Opens {@code app} and signs in with its form (the outcome is for the caller to wait for). */
    void signIn(java.net.URI app, String user, String password) {
        driver.get(app.toString());
        type("Username", user);
        type("Password", password);
        button("Sign in").click();
    }

    /**
     * Opens {@code app}, signs in, and answers the app's code prompt with a code of {@code totpSecret} computed by
     * the test (an authenticator app of its own).
     */
    void signIn(java.net.URI app, String user, String password, String totpSecret) {
        signIn(app, user, password);
        waitForVisible("Code");
        type("Code", com.example.testapi.support.TotpCodes.unused(totpSecret));
        button("Verify code").click();
    }

    /** The text of the QR code {@code element} shows, read from a screenshot of it as a phone's camera would. */
    static String qrCode(WebElement element) {
        try {
            java.awt.image.BufferedImage image = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(
                    element.getScreenshotAs(OutputType.BYTES)));
            return new com.google.zxing.MultiFormatReader().decode(new com.google.zxing.BinaryBitmap(
                    new com.google.zxing.common.HybridBinarizer(
                            new com.google.zxing.client.j2se.BufferedImageLuminanceSource(image)))).getText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (com.google.zxing.NotFoundException e) {
            throw new AssertionError("no QR code in the element's screenshot", e);
        }
    }

    void waitForUrl(String prefix) {
        wait.withMessage(() -> "the address starts with " + prefix + ", it is " + driver.getCurrentUrl())
                .until(d -> d.getCurrentUrl().startsWith(prefix));
    }

    /** Waits for the input {@code label} names to show, across a page load (each try looks it up anew). */
    void waitForVisible(String label) {
        wait.withMessage(() -> "the field '" + label + "' shows").ignoring(StaleElementReferenceException.class)
                .until(d -> field(label).isDisplayed());
    }

    void screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Files.write(SCREENSHOTS.resolve(name + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Console errors, except the browser's own network line for each HTTP refusal a test provokes on purpose (a wrong
     * password's 400, bob's 403): what is left is a JavaScript error or a request the browser blocked (CORS).
     */
    List<String> consoleErrors() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(LogEntry::getMessage)
                .filter(message -> !message.contains("Failed to load resource: the server responded with a status of"))
                .toList();
    }

    @Override
    public void close() {
        driver.quit();
    }
}
