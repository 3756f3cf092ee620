package backstop.experiments;

import backstop.experiments.cli.Main;
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
 * A sweep's report.html as a reader sees it: written by {@code backstop sweep}, opened in a real headless Chromium
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

    @Test
    void theSweepReportLoadsEveryImageAndShowsTheVerdictInChromium(@TempDir Path tmp) throws Exception {
        boolean available = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (System.getenv("CI") == null) {
            Assumptions.assumeTrue(available, "chromium is not installed (apt-get install chromium chromium-driver)");
        }
        assertTrue(available, "CI must have chromium and chromedriver (.ci/run installs them)");
        Path file = tmp.resolve("sweep.yaml");
        Files.writeString(file, SWEEP);
        Path out = tmp.resolve("out");
        assertEquals(0, Main.execute("sweep", file.toString(), "--out", out.toString(), "--threads", "2"));
        Path report = out.resolve("report.html");
        assertTrue(Files.isRegularFile(report), "sweep writes its report");

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
            // Every <img> decoded (complete with a natural size): the charts inlined as data URIs are real PNGs.
            long images = (Long) js.executeScript("return document.images.length");
            long decoded = (Long) js.executeScript(
                    "return Array.from(document.images).filter(i => i.complete && i.naturalWidth > 0).length");
            assertTrue(images >= 6, "the report has its charts: " + images);
            assertEquals(images, decoded, "every image loaded in the browser");
            WebElement verdict = browser.findElement(By.id("verdict"));
            List<WebElement> rows = verdict.findElements(By.tagName("tr"));
            assertEquals(3, rows.size(), "a header and one row per design compared with the baseline");
            assertTrue(rows.get(1).getText().startsWith("dydx-v4"), rows.get(1).getText());
            assertTrue(browser.getPageSource().indexOf("id=\"verdict\"") < browser.getPageSource().indexOf("Tail risk"),
                    "the verdict comes first");
            // Nothing overflows the page sideways: wide tables scroll inside their own box.
            long overflow = (Long) js.executeScript(
                    "return document.documentElement.scrollWidth - document.documentElement.clientWidth");
            assertTrue(overflow <= 0, "the page is " + overflow + " px wider than the window");

            byte[] png = browser.getScreenshotAs(OutputType.BYTES);
            BufferedImage shot = ImageIO.read(new ByteArrayInputStream(png));
            assertTrue(shot.getWidth() >= 1000 && shot.getHeight() >= 800, shot.getWidth() + " × " + shot.getHeight());
            Path kept = Path.of("target", "report-browser.png");
            Files.createDirectories(kept.getParent());
            Files.write(kept, png);
        } finally {
            browser.quit();
        }
    }
}
