package org.vetted.e2e;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.openqa.selenium.By;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** Debian's Chromium driven by its own chromedriver: nothing is downloaded at run time. */
final class Browser {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    static boolean installed() {
        return Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    }

    static ChromeDriver start(Path profileDir) {
        ChromeOptions options = new ChromeOptions()
                .setBinary(CHROMIUM.toFile())
                .addArguments(
                        "--headless=new",
                        "--no-sandbox",
                        "--disable-gpu",
                        "--disable-dev-shm-usage",
                        "--disable-quic",
                        "--no-first-run",
                        "--disable-background-networking",
                        "--disable-component-update",
                        "--disable-sync",
                        "--window-size=1200,1600",
                        "--user-data-dir=" + profileDir);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        return new ChromeDriver(service, options);
    }

    /**
     * Whether the page an element belonged to has been replaced. Chromedriver reports a node of a replaced document
     * as stale or, at times, as an unknown inspector error; either means the same here.
     */
    static boolean isGone(WebElement element) {
        try {
            element.isEnabled();
            return false;
        } catch (WebDriverException e) {
            return true;
        }
    }

    /** Clicks what leads to another page and waits until the browser has left this one. */
    static void clickAndWait(ChromeDriver browser, By target) {
        WebElement oldPage = browser.findElement(By.tagName("html"));
        browser.findElement(target).click();
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(driver -> isGone(oldPage));
    }

    /**
     * Clicks a form's button and reads the notice or the problem the page it leads to shows: waits for the old page
     * to go (the post, then the redirect) and the new one to say something; the whole page when it says neither.
     */
    static String submitAndRead(ChromeDriver browser, By button) {
        WebElement oldPage = browser.findElement(By.tagName("html"));
        browser.findElement(button).click();
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        try {
            wait.until(driver -> isGone(oldPage));
            wait.until(driver -> !driver.findElements(By.cssSelector("[role=status], [role=alert]"))
                    .isEmpty());
        } catch (TimeoutException e) {
            return browser.findElement(By.tagName("body")).getText();
        }
        return browser.findElements(By.cssSelector("[role=status], [role=alert]"))
                .get(0)
                .getText();
    }

    /**
     * What axe-core (Deque's engine, run in the page) finds against WCAG 2.1 A and AA on the page the browser shows:
     * one line per rule broken, with the elements breaking it. Empty when the page passes.
     */
    static List<String> accessibilityViolations(ChromeDriver browser) {
        Results results = new AxeBuilder()
                .withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa"))
                .analyze(browser);
        if (results.isErrored()) {
            throw new IllegalStateException(
                    "axe-core could not check " + browser.getCurrentUrl() + ": " + results.getErrorMessage());
        }
        return results.getViolations().stream()
                .map(rule -> describe(browser.getCurrentUrl(), rule))
                .toList();
    }

    private static String describe(String url, Rule rule) {
        return url + ": " + rule.getId() + " (" + rule.getImpact() + ") " + rule.getHelp() + " at "
                + rule.getNodes().stream()
                        .map(node -> String.valueOf(node.getTarget()))
                        .collect(Collectors.joining(", "));
    }

    private Browser() {}
}
