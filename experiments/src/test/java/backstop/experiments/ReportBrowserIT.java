package backstop.experiments;

import backstop.experiments.cli.Main;
import backstop.experiments.game.SmallGames;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A sweep's and a game's report.html as a reader sees them: written by {@code backstop sweep} and {@code backstop game},
 * opened in a real headless Chromium
 * (Debian's chromium and chromedriver, driven through WebDriver), every image decoded by the browser, the verdict table
 * present with a row per compared design, and the page rendered to a PNG kept under target/ for a person to look at.
 * CI installs chromium and chromium-driver; elsewhere the test is skipped when they are missing, but never on CI.
 */
class ReportBrowserIT {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    static final String SWEEP = """
            name: report-browser
            scenario: black-thursday-2020
            overrides:
              - duration_seconds=3600
              - sample_seconds=120
              - markets[0].process.start=300
              - markets[0].process.duration=2400
              - markets[0].process.drawdown=0.25
              - episodes[0].start=300
              - episodes[0].end=2700
              - agents[1].count=120
              - agents[2].count=10
            designs: [none, dydx-v4, hyperliquid]
            baseline: none
            replications: 3
            base_seed: 1
            """;

    /** A check of a page open in the browser. */
    private interface PageCheck {
        void check(ChromeDriver browser, JavascriptExecutor js) throws Exception;
    }

    @Test
    void theSweepReportLoadsEveryImageAndShowsTheVerdictInChromium(@TempDir Path tmp) throws Exception {
        requireChromium();
        Path file = tmp.resolve("sweep.yaml");
        Files.writeString(file, SWEEP);
        Path out = tmp.resolve("out");
        assertEquals(0, Main.execute("sweep", file.toString(), "--out", out.toString(), "--threads", "2"));
        Path report = out.resolve("report.html");
        assertTrue(Files.isRegularFile(report), "sweep writes its report");
        inChromium(report, "report-browser.png", 6, (browser, js) -> {
            WebElement verdict = browser.findElement(By.id("verdict"));
            List<WebElement> rows = verdict.findElements(By.tagName("tr"));
            assertEquals(3, rows.size(), "a header and one row per design compared with the baseline");
            assertTrue(rows.get(1).getText().startsWith("dydx-v4"), rows.get(1).getText());
            assertTrue(browser.getPageSource().indexOf("id=\"verdict\"") < browser.getPageSource().indexOf("Tail risk"),
                    "the verdict comes first");
        });
    }


    @Test
    void theGameReportLoadsEveryImageAndLeadsWithTheDesignComparisonInChromium(@TempDir Path tmp) throws Exception {
        requireChromium();
        Path file = tmp.resolve("game.yaml");
        Files.writeString(file, SmallGames.threeKeepersReducedToTwo("[maker-liq2, synthetix-v3]"));
        Path out = tmp.resolve("game");
        assertEquals(0, Main.execute("game", file.toString(), "--out", out.toString(), "--threads", "2"));
        Path report = out.resolve("report.html");
        assertTrue(Files.isRegularFile(report), "game writes its report");
        // The outcomes chart and one simplex per design.
        inChromium(report, "report-browser-game.png", 3, (browser, js) -> {
            List<WebElement> rows = browser.findElement(By.id("designs")).findElements(By.tagName("tr"));
            assertEquals(3, rows.size(), "a header and one row per design");
            assertTrue(rows.get(1).getText().startsWith("maker-liq2"), rows.get(1).getText());
            String page = browser.getPageSource();
            assertTrue(page.indexOf("id=\"designs\"") < page.indexOf("Design maker-liq2"), "the comparison comes first");
            for (String design : List.of("maker-liq2", "synthetix-v3")) {
                List<WebElement> payoffs = browser.findElement(By.id("payoffs-" + design)).findElements(By.tagName("tr"));
                assertEquals(1 + 6, payoffs.size(), "a row per reduced profile of " + design);
            }
        });
    }

    private static void requireChromium() {
        boolean available = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (System.getenv("CI") == null) {
            Assumptions.assumeTrue(available, "chromium is not installed (apt-get install chromium chromium-driver)");
        }
        assertTrue(available, "CI must have chromium and chromedriver (.ci/run installs them)");
    }

    /**
     * Opens {@code report} in headless Chromium, checks that it has at least {@code minImages} images, all decoded by the
     * browser (the charts inlined as data URIs are real PNGs), and that nothing overflows the page sideways (wide
     * tables scroll in their own box), runs {@code check}, and keeps a screenshot under target/ for a person to see.
     */
    private static void inChromium(Path report, String screenshot, int minImages, PageCheck check) throws Exception {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--allow-file-access-from-files");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .build();
        ChromeDriver browser = new ChromeDriver(service, options);
        try {
            browser.manage().window().setSize(new Dimension(1200, 1600));
            browser.get(report.toUri().toString());
            JavascriptExecutor js = browser;
            long images = (Long) js.executeScript("return document.images.length");
            long decoded = (Long) js.executeScript(
                    "return Array.from(document.images).filter(i => i.complete && i.naturalWidth > 0).length");
            assertTrue(images >= minImages, "the report has its charts: " + images);
            assertEquals(images, decoded, "every image loaded in the browser");
            long overflow = (Long) js.executeScript(
                    "return document.documentElement.scrollWidth - document.documentElement.clientWidth");
            assertTrue(overflow <= 0, "the page is " + overflow + " px wider than the window");
            check.check(browser, js);
            byte[] png = browser.getScreenshotAs(OutputType.BYTES);
            BufferedImage shot = ImageIO.read(new ByteArrayInputStream(png));
            assertTrue(shot.getWidth() >= 1000 && shot.getHeight() >= 800, shot.getWidth() + " × " + shot.getHeight());
            Path kept = Path.of("target", screenshot);
            Files.createDirectories(kept.getParent());
            Files.write(kept, png);
        } finally {
            browser.quit();
        }
    }
}
