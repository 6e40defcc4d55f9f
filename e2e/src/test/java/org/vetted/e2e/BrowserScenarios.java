package org.vetted.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.vetted.e2e.PipelineSteps.fixture;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.vetted.events.ArticlePublished;
import tools.jackson.databind.JsonNode;

/** The pages in a real browser (Debian's chromium and chromium-driver): skipped where they are not installed. */
interface BrowserScenarios extends PipelineSteps {
    @TopologyIndependent
    @Test
    default void aReaderSeesThePublishedPageInABrowserWithNothingExecutable() throws IOException {
        Assumptions.assumeTrue(Browser.installed(), "Debian's chromium and chromium-driver are not installed");
        Http.Response response = Http.post(
                intake() + "/api/drafts", "walter", "text/markdown; charset=UTF-8", fixture("melatonin-jet-lag.md"));
        assertThat(response.status()).as(response.body()).isEqualTo(202);
        String articleId = response.json().path("articleId").asString();
        approveAndSignOff("paul", articleId, 1);
        ArticlePublished published = awaitPublished(articleId, 1);

        Path profile = Files.createTempDirectory("vetted-chromium");
        ChromeDriver browser = Browser.start(profile);
        try {
            browser.get(published.getUrl());
            assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Does Melatonin Help With Jet Lag?");
            assertThat(browser.findElement(By.tagName("body")).getText())
                    .contains("Medically reviewed by Paul Park, PharmD")
                    .contains("Doses of 0.5 mg to 5 mg");
            assertThat(browser.executeScript("return typeof window.__pwned")).isEqualTo("undefined");
            // The one script element is schema.org JSON-LD: data the browser never runs, and exactly one of it.
            assertThat(browser.findElements(
                            By.cssSelector("script:not([type='application/ld+json']), img[onerror], [onerror]")))
                    .isEmpty();
            assertThat(browser.findElements(By.cssSelector("script[type='application/ld+json']")))
                    .hasSize(1);
            for (WebElement link : browser.findElements(By.tagName("a"))) {
                assertThat(String.valueOf(link.getAttribute("href")).toLowerCase(Locale.ROOT))
                        .doesNotStartWith("javascript:");
            }
            Path shot = Path.of(System.getProperty("vetted.logs.dir", "target"), "published-page.png");
            Files.createDirectories(shot.getParent());
            Files.write(shot, browser.getScreenshotAs(OutputType.BYTES));

            // The site header leads home: the front page lists the article with who reviewed it, and passes axe-core.
            assertThat(Browser.accessibilityViolations(browser))
                    .as("WCAG 2.1 A/AA on the article page")
                    .isEmpty();
            Browser.clickAndWait(browser, By.cssSelector("header.site a.home"));
            assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Latest articles");
            assertThat(browser.findElement(By.tagName("main")).getText())
                    .contains("Does Melatonin Help With Jet Lag?")
                    .contains("Medically reviewed by Paul Park, PharmD");
            assertThat(browser.findElements(By.cssSelector("script, [onerror], [onclick]")))
                    .isEmpty();
            assertThat(Browser.accessibilityViolations(browser))
                    .as("WCAG 2.1 A/AA on the front page")
                    .isEmpty();
        } finally {
            browser.quit();
        }
    }

    /**
     * The whole product loop in a real browser, on the writer's real paste: the writer submits it, the reviewer
     * rejects one claim and asks for changes, the writer sees why and revises from the text on the page, the reviewer
     * sees what changed, approves every claim in place and signs off, and the page is on the site. axe-core checks
     * every page on the way against WCAG 2.1 A and AA.
     */
    @TopologyIndependent
    @Test
    default void aWriterAndAReviewerTakeTheSharedSampleFromPasteToPublicationInThePages() throws IOException {
        Assumptions.assumeTrue(Browser.installed(), "Debian's chromium and chromium-driver are not installed");
        Paste paste = Paste.sharedSampleOrOwn();
        Path profile = Files.createTempDirectory("vetted-chromium");
        ChromeDriver browser = Browser.start(profile);
        List<String> inaccessible = new ArrayList<>();
        try {
            browser.get(intake() + "/");
            assertThat(browser.getCurrentUrl()).endsWith("/login");
            inaccessible.addAll(Browser.accessibilityViolations(browser));
            signIn(browser, "wanda", "wanda-pass");
            assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("My articles");
            assertThat(browser.findElement(By.cssSelector("header.site")).getText())
                    .contains("Signed in as Wanda Writer");
            inaccessible.addAll(Browser.accessibilityViolations(browser));

            Browser.clickAndWait(browser, By.linkText("Submit a new draft"));
            inaccessible.addAll(Browser.accessibilityViolations(browser));
            // As a writer pastes: the whole text at once (typing it key by key would take minutes).
            browser.executeScript("document.getElementById('text').value = arguments[0]", paste.text());
            // Checked first: what the reviewers will get, with nothing sent yet.
            Browser.clickAndWait(browser, By.id("check-draft"));
            assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("New draft");
            assertThat(browser.findElement(By.cssSelector("#checked [role=status]"))
                            .getText())
                    .contains("not sent");
            assertThat(browser.findElements(By.cssSelector("#claims li"))).hasSizeGreaterThanOrEqualTo(3);
            assertThat(browser.findElement(By.id("warnings")).getText()).contains("Leave a Reply");
            inaccessible.addAll(Browser.accessibilityViolations(browser));
            long titledBefore = articlesTitled("wanda", paste.title());
            Browser.clickAndWait(browser, By.id("submit-draft"));

            assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Submitted for review");
            assertThat(browser.getCurrentUrl()).as("post/redirect/get").endsWith("/revisions/1");
            // A refresh shows the page again and submits nothing.
            browser.navigate().refresh();
            assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Submitted for review");
            assertThat(browser.findElement(By.id("warnings")).getText())
                    .contains("Leave a Reply")
                    .contains(paste.uncredentialedExpert());
            assertThat(browser.findElements(By.cssSelector("#claims li"))).hasSizeGreaterThanOrEqualTo(3);
            assertThat(browser.findElement(By.id("title")).getText()).isEqualTo(paste.title());
            assertThat(browser.findElement(By.cssSelector("#preview h2, #preview p"))
                            .getText())
                    .isNotBlank();
            inaccessible.addAll(Browser.accessibilityViolations(browser));
            screenshot(browser, "writer-draft-page.png");
            String articleId = browser.findElement(By.cssSelector("main p a"))
                    .getAttribute("href")
                    .replaceAll(".*/articles/", "");
            browser.get(intake() + "/");
            assertThat(browser.findElements(By.cssSelector("a[href$='/articles/" + articleId + "']")))
                    .as("the article in My articles")
                    .hasSize(1);
            assertThat(articlesTitled("wanda", paste.title()))
                    .as("one article more after the submit and the refresh")
                    .isEqualTo(titledBefore + 1);
            inaccessible.addAll(Browser.accessibilityViolations(browser));

            // The reviewer rejects the first claim, approves the rest in place, and asks for changes.
            awaitUnderReview(articleId, 1);
            browser.get(review() + "/");
            signIn(browser, "rita", "rita-pass");
            assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Waiting for review");
            inaccessible.addAll(Browser.accessibilityViolations(browser));
            // Other scenarios leave articles waiting, more than a page: the reviewer sorts the newest first.
            new Select(browser.findElement(By.id("sort"))).selectByValue("newest");
            Browser.clickAndWait(browser, By.xpath("//form//button[normalize-space()='Show']"));
            Browser.clickAndWait(browser, By.cssSelector("a[href='/reviews/" + articleId + "']"));
            assertThat(browser.findElement(By.id("why-not")).getText()).contains("every claim approved");
            assertThat(browser.findElements(By.cssSelector("pre mark")))
                    .as("claims marked in the text")
                    .isNotEmpty();
            inaccessible.addAll(Browser.accessibilityViolations(browser));
            List<String> claimIds = claimIdsOnPage(browser);
            String rejected = claimIds.get(0);
            String rejectedText = browser.findElement(By.id("text-" + rejected)).getText();
            browser.findElement(By.id("comment-" + rejected)).sendKeys("Which trial shows this? Cite it or soften it.");
            decideInPlace(browser, rejected, "reject", "Rejected");
            for (String claimId : claimIds.subList(1, claimIds.size())) {
                decideInPlace(browser, claimId, "approve", "Approved");
            }
            assertThat(browser.findElement(By.id("signoff-approve")).isEnabled())
                    .isFalse();
            inaccessible.addAll(Browser.accessibilityViolations(browser));
            browser.findElement(By.id("signoff-comment")).sendKeys("One claim needs a source.");
            assertThat(Browser.submitAndRead(browser, By.id("signoff-request-changes")))
                    .startsWith("Changes requested");

            // The writer sees why, and revises from the latest text the page starts the form with.
            awaitPage(browser, intake() + "/articles/" + articleId, "#status", "changes requested");
            assertThat(browser.findElement(By.cssSelector(".returned")).getText())
                    .contains("Changes requested")
                    .contains("One claim needs a source.")
                    .as("the rejected claim named by its sentence, not its id")
                    .doesNotContain(rejected);
            assertThat(browser.findElement(By.id("claim-1-" + rejected)).getText())
                    .contains("Rejected")
                    .contains("Which trial shows this?");
            inaccessible.addAll(Browser.accessibilityViolations(browser));
            String revised = (String) browser.executeScript("""
                    const text = document.getElementById('text');
                    const claim = arguments[0];
                    const softened = 'Some small studies suggest this, though more research is needed.';
                    text.value = text.value.includes(claim) ? text.value.replace(claim, softened)
                        : text.value + '\\n\\n' + softened + '\\n';
                    return text.value;""", rejectedText);
            assertThat(revised).startsWith("---\ntitle: ");
            Browser.clickAndWait(browser, By.cssSelector("#revise-heading + form #submit-draft"));
            assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Submitted for review");
            assertThat(browser.findElement(By.cssSelector("main p[role=status]"))
                            .getText())
                    .startsWith("Revision 2");

            // The reviewer sees what changed, approves every claim and signs off.
            awaitUnderReview(articleId, 2);
            browser.get(review() + "/reviews/" + articleId);
            assertThat(browser.findElements(By.cssSelector("#changes-previous ins, #changes-previous del")))
                    .as("words added and removed since revision 1")
                    .isNotEmpty();
            inaccessible.addAll(Browser.accessibilityViolations(browser));
            for (String claimId : claimIdsOnPage(browser)) {
                unfold(browser, claimId);
                browser.findElement(By.id("reference-" + claimId)).sendKeys("https://example.org/evidence");
                decideInPlace(browser, claimId, "approve", "Approved");
            }
            // A high-risk claim (a dose, say) needs a second reviewer: Paul approves those, and Rita reloads.
            List<String> needSecond = claimIdsOnPage(browser).stream()
                    .filter(claimId -> browser.findElement(By.cssSelector("#claim-" + claimId + " .decision .verdict"))
                            .getText()
                            .contains("1 of 2"))
                    .toList();
            JsonNode revision2 = awaitUnderReview(articleId, 2);
            for (String claimId : needSecond) {
                decide("paul", articleId, revision2, claimId, "APPROVED");
            }
            browser.navigate().refresh();
            new WebDriverWait(browser, Duration.ofSeconds(20))
                    .until(driver ->
                            driver.findElement(By.id("signoff-approve")).isEnabled());
            browser.executeScript("window.scrollTo(0, 0)");
            screenshot(browser, "reviewer-article-page.png");
            assertThat(Browser.submitAndRead(browser, By.id("signoff-approve"))).startsWith("Approved");
            ArticlePublished published = awaitPublished(articleId, 2);
            assertThat(published.getMedicallyReviewedBy().getDisplayName()).isEqualTo("Rita Reyes");
            // Every claim approved with a reference is now in the claims library.
            await().atMost(PIPELINE).pollInterval(Duration.ofMillis(500)).until(() -> {
                browser.get(review() + "/claims?query=" + paste.libraryWord());
                return !browser.findElements(By.cssSelector(".library-entry")).isEmpty();
            });
            inaccessible.addAll(Browser.accessibilityViolations(browser));

            browser.get(published.getUrl());
            assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo(paste.title());
            assertThat(browser.findElement(By.tagName("body")).getText()).contains("Medically reviewed by Rita Reyes");
            inaccessible.addAll(Browser.accessibilityViolations(browser));

            awaitPage(browser, intake() + "/articles/" + articleId, "#status", "published");
            assertThat(browser.findElements(By.cssSelector("#revision-2 .decision .approved")))
                    .hasSameSizeAs(browser.findElements(By.cssSelector("#revision-2 tbody tr")));
            assertThat(browser.findElement(By.cssSelector("#revision-2 summary"))
                            .getText())
                    .contains("published")
                    .contains(" 0 not decided yet");
            assertThat(browser.findElement(By.id("history-heading"))
                            .findElement(By.xpath(".."))
                            .getText())
                    .contains("Rita Reyes approved ‘")
                    .contains("submitted revision 2")
                    .doesNotContain("ClaimReviewed");
            Browser.clickAndWait(browser, By.cssSelector("form.who button"));
            assertThat(browser.getCurrentUrl()).contains("/login?signedOut");
            browser.get(intake() + "/drafts/new");
            assertThat(browser.getCurrentUrl()).as("signed out for real").endsWith("/login");
            assertThat(inaccessible)
                    .as("WCAG 2.1 A/AA violations found by axe-core")
                    .isEmpty();
        } finally {
            browser.quit();
        }
    }

    /**
     * What a reviewer may not do is not offered, and refused when forged in the browser: a writer has no review
     * pages, a reviewer credited on an article gets it read only and a decision posted anyway is not recorded, and
     * a form posted without its CSRF token is refused.
     */
    @TopologyIndependent
    @Test
    default void thePagesOfferNothingOneMayNotDoAndRefuseWhatIsForged() throws IOException {
        Assumptions.assumeTrue(Browser.installed(), "Debian's chromium and chromium-driver are not installed");
        String danasArticle =
                submit("dana", "zinc-and-colds.txt", null).path("articleId").asString();
        JsonNode underReview = awaitUnderReview(danasArticle, 1);
        String claimId = underReview.path("claims").path(0).path("id").asString();
        Path profile = Files.createTempDirectory("vetted-chromium");
        ChromeDriver browser = Browser.start(profile);
        try {
            browser.get(review() + "/");
            signIn(browser, "wanda", "wanda-pass");
            assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Forbidden");
            assertThat(browser.getPageSource()).doesNotContain("Waiting for review");

            browser.manage().deleteAllCookies();
            browser.get(review() + "/");
            signIn(browser, "dana", "dana-pass");
            browser.get(review() + "/reviews/" + danasArticle);
            assertThat(browser.findElement(By.tagName("main")).getText()).contains("You are credited on this article");
            assertThat(browser.findElements(By.cssSelector("button[value=APPROVED], #signoff")))
                    .isEmpty();

            // Dana posts a decision anyway, with her valid session and token, as a script on the page could.
            Object answer = browser.executeAsyncScript("""
                    const done = arguments[arguments.length - 1];
                    const body = new URLSearchParams({decision: 'APPROVED', revision: '1', comment: '', reference: '',
                        _csrf: document.querySelector('input[name=_csrf]').value});
                    fetch(arguments[0], {method: 'POST', body: body, headers: {'HX-Request': 'true'}})
                        .then(r => r.text().then(t => done(r.status + ' ' + t))).catch(e => done('failed ' + e));""", "/reviews/" + danasArticle + "/claims/" + claimId);
            assertThat(String.valueOf(answer)).contains("Not recorded");
            JsonNode after =
                    Http.get(review() + "/api/reviews/" + danasArticle, "rita").json();
            assertThat(after.path("claims").path(0).path("decision").isNull())
                    .as("no decision recorded")
                    .isTrue();

            // A form without the CSRF token, as another site's page would send it.
            browser.get(review() + "/");
            WebElement oldPage = browser.findElement(By.tagName("html"));
            browser.executeScript(
                    """
                    const form = document.createElement('form');
                    form.method = 'post';
                    form.action = arguments[0];
                    for (const [name, value] of [['decision', 'APPROVE'], ['contentHash', arguments[1]]]) {
                        const input = document.createElement('input');
                        input.name = name;
                        input.value = value;
                        form.appendChild(input);
                    }
                    document.body.appendChild(form);
                    form.submit();""",
                    "/reviews/" + danasArticle + "/decision",
                    underReview.path("contentHash").asString());
            new WebDriverWait(browser, Duration.ofSeconds(20)).until(driver -> Browser.isGone(oldPage));
            assertThat(browser.findElement(By.tagName("body")).getText()).contains("Forbidden");
            assertThat(Http.get(review() + "/api/reviews/" + danasArticle, "rita")
                            .json()
                            .path("status")
                            .asString())
                    .isEqualTo(underReview.path("status").asString());
        } finally {
            browser.quit();
        }
    }

    /**
     * A reviewer who decides with the keyboard alone: {@code j} puts the focus on the first open claim, {@code a}
     * approves it and the focus stays on its block, and Tab then Enter on the page's own link reaches the sign-off.
     */
    @TopologyIndependent
    @Test
    default void aReviewerApprovesAClaimAndReachesTheSignOffWithTheKeyboardOnly() throws IOException {
        inBrowserOnAnArticleUnderReview((browser, articleId) -> {
            openReview(browser, articleId);
            String first = claimIdsOnPage(browser).get(0);
            new Actions(browser).sendKeys("j").perform();
            awaitFocus(browser, "claim-" + first);
            new Actions(browser).sendKeys("a").perform();
            awaitVerdict(browser, first, "Approved");
            awaitFocus(browser, "claim-" + first);
            assertThat(awaitDecision(articleId, first).path("decision").asString())
                    .isEqualTo("APPROVED");

            browser.navigate().refresh();
            for (int tab = 0; tab < 40 && !"#signoff".equals(focusedHref(browser)); tab++) {
                new Actions(browser).sendKeys(Keys.TAB).perform();
            }
            assertThat(focusedHref(browser)).as("Tab reaches the sign-off link").isEqualTo("#signoff");
            new Actions(browser).sendKeys(Keys.ENTER).perform();
            new Actions(browser).sendKeys(Keys.TAB).perform();
            assertThat(browser.executeScript(
                            "return document.getElementById('signoff').contains(document.activeElement)"))
                    .as("the next Tab is in the sign-off form")
                    .isEqualTo(true);
        });
    }

    /** A rejection needs a reason: without one the browser refuses it and the claim stays open; with one it counts. */
    @TopologyIndependent
    @Test
    default void aClaimIsRejectedInTheBrowserOnlyWithAReason() throws IOException {
        inBrowserOnAnArticleUnderReview((browser, articleId) -> {
            openReview(browser, articleId);
            String claimId = claimIdsOnPage(browser).get(0);
            browser.findElement(By.id("reject-" + claimId)).click();
            assertThat(browser.executeScript(
                            "return document.getElementById('comment-' + arguments[0]).validity.valueMissing", claimId))
                    .as("the empty comment is what stops it")
                    .isEqualTo(true);
            assertThat(browser.findElement(By.id("claim-" + claimId)).getAttribute("data-verdict"))
                    .as("the claim stays open")
                    .isEqualTo("UNDECIDED");
            assertThat(decisionOn(articleId, claimId).isNull())
                    .as("nothing recorded")
                    .isTrue();

            browser.findElement(By.id("comment-" + claimId)).sendKeys("No trial shows zinc shortens colds this much.");
            decideInPlace(browser, claimId, "reject", "Rejected");
            JsonNode decision = awaitDecision(articleId, claimId);
            assertThat(decision.path("decision").asString()).isEqualTo("REJECTED");
            assertThat(decision.toString()).contains("No trial shows zinc");
        });
    }

    /** On a 375-px-wide screen the queue scrolls only down, shows each article's title and author, and passes axe. */
    @TopologyIndependent
    @Test
    default void theQueueFitsAPhoneWideWindow() throws IOException {
        inBrowserOnAnArticleUnderReview((browser, articleId) -> {
            browser.executeCdpCommand(
                    "Emulation.setDeviceMetricsOverride",
                    Map.of("width", 375, "height", 812, "deviceScaleFactor", 1, "mobile", false));
            browser.get(review() + "/");
            signIn(browser, "rita", "rita-pass");
            assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Waiting for review");
            assertThat(browser.executeScript("return window.innerWidth")).isEqualTo(375L);
            assertThat((Long) browser.executeScript("return document.documentElement.scrollWidth"))
                    .as("no horizontal scroll")
                    .isLessThanOrEqualTo(375L);
            List<WebElement> rows = browser.findElements(By.cssSelector("table.queue tbody tr"));
            assertThat(rows).isNotEmpty();
            for (WebElement row : rows) {
                for (String cell : List.of("td[data-label=Article] a", "td[data-label=Author]")) {
                    WebElement shown = row.findElement(By.cssSelector(cell));
                    assertThat(shown.isDisplayed()).as(cell).isTrue();
                    assertThat(shown.getText()).as(cell).isNotBlank();
                    assertThat((Boolean) browser.executeScript(
                                    "const r = arguments[0].getBoundingClientRect(); return r.left >= 0 && r.right <= 375",
                                    shown))
                            .as("%s within the screen", cell)
                            .isTrue();
                }
            }
            assertThat(Browser.accessibilityViolations(browser))
                    .as("WCAG 2.1 A/AA on the queue at phone width")
                    .isEmpty();
            screenshot(browser, "queue-phone-width.png");
        });
    }

    /**
     * After publication, in the pages: the writer corrects a published article with a note typed into its revision
     * form (a refresh sends nothing twice), the reviewer sees the note above the text, types a review-by date into
     * the sign-off form and is told the expiry it got, and readers see the note on the page. axe-core checks the
     * pages with the new fields.
     */
    @TopologyIndependent
    @Test
    default void aWriterCorrectsAPublishedArticleAndTheReviewerSetsItsReviewByDateInThePages() throws IOException {
        Assumptions.assumeTrue(Browser.installed(), "Debian's chromium and chromium-driver are not installed");
        String articleId =
                submit("walter", "zinc-and-colds.txt", null).path("articleId").asString();
        approveAndSignOff("paul", articleId, 1);
        ArticlePublished published = awaitPublished(articleId, 1);

        ChromeDriver browser = Browser.start(Files.createTempDirectory("vetted-chromium"));
        List<String> inaccessible = new ArrayList<>();
        try {
            browser.get(intake() + "/");
            signIn(browser, "walter", "walter-pass");
            // Intake learns of the publication from the public topic; then the form offers a correction note.
            awaitPage(browser, intake() + "/articles/" + articleId, "#status", "published");
            inaccessible.addAll(Browser.accessibilityViolations(browser));
            String note = "An earlier version overstated how much zinc shortens a cold; it may shorten it by a day.";
            browser.findElement(By.id("correction")).sendKeys(note);
            Browser.clickAndWait(browser, By.cssSelector("#revise-heading + form #submit-draft"));
            assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Submitted for review");
            assertThat(browser.getCurrentUrl()).as("post/redirect/get").endsWith("/revisions/2");
            browser.navigate().refresh();
            assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Submitted for review");

            JsonNode second = awaitUnderReview(articleId, 2);
            approveEveryClaim("paul", articleId, second);
            browser.get(review() + "/");
            signIn(browser, "rita", "rita-pass");
            browser.get(review() + "/reviews/" + articleId);
            assertThat(browser.findElement(By.id("correction")).getText())
                    .as("the note readers will see, above the text")
                    .contains(note);
            // The date typed as a person types it into Chromium's date field (month, day, year in en-US).
            LocalDate reviewBy = LocalDate.now(ZoneOffset.UTC).plusMonths(6);
            WebElement date = browser.findElement(By.id("signoff-review-by"));
            date.sendKeys(String.format(
                    "%02d%02d%04d", reviewBy.getMonthValue(), reviewBy.getDayOfMonth(), reviewBy.getYear()));
            assertThat(date.getAttribute("value")).isEqualTo(reviewBy.toString());
            new WebDriverWait(browser, Duration.ofSeconds(20))
                    .until(driver ->
                            driver.findElement(By.id("signoff-approve")).isEnabled());
            inaccessible.addAll(Browser.accessibilityViolations(browser));
            assertThat(Browser.submitAndRead(browser, By.id("signoff-approve")))
                    .startsWith("Approved")
                    .contains("Its review expires on " + reviewBy + " (UTC).");

            await().atMost(PIPELINE).pollInterval(Duration.ofMillis(500)).until(() -> {
                browser.get(published.getUrl());
                return !browser.findElements(By.cssSelector("#corrections li.correction"))
                        .isEmpty();
            });
            assertThat(browser.findElement(By.id("corrections")).getText()).contains(note);
            inaccessible.addAll(Browser.accessibilityViolations(browser));
            assertThat(inaccessible)
                    .as("WCAG 2.1 A/AA violations found by axe-core")
                    .isEmpty();
        } finally {
            browser.quit();
        }
    }

    /** What a scenario does in the browser with an article of its own under review. */
    interface BrowserStep {
        void run(ChromeDriver browser, String articleId) throws IOException;
    }

    /** Walter's zinc draft under review and a browser for {@code step}, closed after it. */
    private void inBrowserOnAnArticleUnderReview(BrowserStep step) throws IOException {
        Assumptions.assumeTrue(Browser.installed(), "Debian's chromium and chromium-driver are not installed");
        String articleId =
                submit("walter", "zinc-and-colds.txt", null).path("articleId").asString();
        awaitUnderReview(articleId, 1);
        ChromeDriver browser = Browser.start(Files.createTempDirectory("vetted-chromium"));
        try {
            step.run(browser, articleId);
        } finally {
            browser.quit();
        }
    }

    /** The API's decision on a claim of the revision under review: null while it is open. */
    private JsonNode decisionOn(String articleId, String claimId) {
        return PipelineSteps.elements(Http.get(review() + "/api/reviews/" + articleId, "rita")
                        .json()
                        .path("claims"))
                .stream()
                .filter(claim -> claim.path("id").asString().equals(claimId))
                .findFirst()
                .orElseThrow()
                .path("decision");
    }

    /** The decision on a claim once review's view has it (decisions go round the topics). */
    private JsonNode awaitDecision(String articleId, String claimId) {
        return await().atMost(PIPELINE)
                .pollInterval(Duration.ofMillis(250))
                .until(
                        () -> decisionOn(articleId, claimId),
                        decision -> !decision.isNull() && !decision.isMissingNode());
    }

    /** Rita signed in on the article's review page. */
    private void openReview(ChromeDriver browser, String articleId) {
        browser.get(review() + "/");
        signIn(browser, "rita", "rita-pass");
        browser.get(review() + "/reviews/" + articleId);
    }

    private static void awaitFocus(ChromeDriver browser, String id) {
        new WebDriverWait(browser, Duration.ofSeconds(20))
                .until(driver -> id.equals(browser.executeScript("return document.activeElement.id")));
    }

    private static String focusedHref(ChromeDriver browser) {
        return (String) browser.executeScript("return document.activeElement.getAttribute('href')");
    }

    /** The writer's paste: the team's shared sample when it sits beside the repository, else the project's own. */
    record Paste(String text, String title, String uncredentialedExpert, String libraryWord) {
        static Paste sharedSampleOrOwn() throws IOException {
            Path shared = Path.of("../../shared/samples/magnesium-anxiety.txt");
            if (Files.isReadable(shared)) {
                return new Paste(
                        Files.readString(shared, StandardCharsets.UTF_8),
                        "What Are the Potential Benefits of Magnesium for Anxiety?",
                        "Hypolite",
                        "magnesium");
            }
            System.out.println("The shared sample is not beside the repository: the browser journey pastes "
                    + "zinc-and-colds.txt instead.");
            return new Paste(fixture("zinc-and-colds.txt"), "Can Zinc Shorten a Common Cold?", "Brennan", "zinc");
        }
    }

    /** The writer's articles with this title, every page of GET /api/articles read. */
    private long articlesTitled(String writer, String title) {
        long count = 0;
        String cursor = null;
        do {
            JsonNode page = Http.get(
                            intake() + "/api/articles?limit=100"
                                    + (cursor == null
                                            ? ""
                                            : "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8)),
                            writer)
                    .json();
            for (JsonNode article : page.path("articles")) {
                count += title.equals(article.path("title").asString()) ? 1 : 0;
            }
            cursor = page.path("next").isString() ? page.path("next").asString() : null;
        } while (cursor != null);
        return count;
    }

    private static void signIn(ChromeDriver browser, String username, String password) {
        browser.findElement(By.id("username")).sendKeys(username);
        browser.findElement(By.id("password")).sendKeys(password);
        Browser.clickAndWait(browser, By.cssSelector("main form button[type=submit]"));
    }

    /** The claims' ids, read again if htmx swaps a block while they are read (the element read goes stale). */
    private static List<String> claimIdsOnPage(ChromeDriver browser) {
        return new WebDriverWait(browser, Duration.ofSeconds(20))
                .ignoring(StaleElementReferenceException.class)
                .until(driver -> driver.findElements(By.cssSelector("article.claim")).stream()
                        .map(claim -> claim.getAttribute("id").substring("claim-".length()))
                        .toList());
    }

    /** Opens a claim's form: a claim with nothing left for this reviewer to decide (carried over) keeps it folded. */
    private static void unfold(ChromeDriver browser, String claimId) {
        browser.executeScript("""
                const form = document.getElementById('claim-' + arguments[0]).querySelector('details.change-decision');
                if (form) { form.open = true; }""", claimId);
    }

    /** Clicks a claim's approve or reject button and waits for htmx to swap its block to the decision. */
    private static void decideInPlace(ChromeDriver browser, String claimId, String action, String verdict) {
        browser.findElement(By.id(action + "-" + claimId)).click();
        awaitVerdict(browser, claimId, verdict);
    }

    /** Waits for htmx to swap a claim's block to its decision. */
    private static void awaitVerdict(ChromeDriver browser, String claimId, String verdict) {
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(driver -> {
            List<WebElement> shown = driver.findElements(By.cssSelector("#claim-" + claimId + " .decision .verdict"));
            try {
                // "Approved (1 of 2)" for a high-risk claim that still needs a second reviewer.
                return !shown.isEmpty() && shown.get(0).getText().startsWith(verdict);
            } catch (WebDriverException stale) {
                return false;
            }
        });
    }

    /** Loads a page until an element on it reads {@code text}: the projection behind it follows the topics. */
    private static void awaitPage(ChromeDriver browser, String url, String selector, String text) {
        await().atMost(PIPELINE).pollInterval(Duration.ofMillis(500)).until(() -> {
            browser.get(url);
            return browser.findElements(By.cssSelector(selector)).stream()
                    .anyMatch(e -> e.getText().equals(text));
        });
    }

    private static void screenshot(ChromeDriver browser, String name) throws IOException {
        Path shot = Path.of(System.getProperty("vetted.logs.dir", "target"), name);
        Files.createDirectories(shot.getParent());
        Files.write(shot, browser.getScreenshotAs(OutputType.BYTES));
    }
}
