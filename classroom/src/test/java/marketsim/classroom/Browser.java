package marketsim.classroom;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Function;

import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real headless Chromium driven by Selenium: Debian's chromium and chromium-driver, named explicitly (no Selenium
 * Manager download; .ci/run installs both), started with the flags this closed network needs, its page sized to a
 * projector's 1280x720.
 */
final class Browser implements AutoCloseable {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path DRIVER = Path.of("/usr/bin/chromedriver");
    static final int WIDTH = 1280;
    static final int HEIGHT = 720;

    final WebDriver driver;

    Browser() {
        this(WIDTH, HEIGHT);
    }

    /** A browser whose page is {@code width} x {@code height} CSS pixels (a phone: 390x844). */
    Browser(int width, int height) {
        assertThat(CHROMIUM).as("Debian's chromium (apt-get install chromium chromium-driver)").exists();
        assertThat(DRIVER).as("Debian's chromium-driver").exists();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--hide-scrollbars", "--window-size=" + width + "," + height);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        fitViewport(width, height);
    }

    /** Makes the page's viewport (not the window) {@code width} x {@code height}. */
    private void fitViewport(int width, int height) {
        for (int attempt = 0; attempt < 3; attempt++) {
            long w = ((Number) js("return window.innerWidth")).longValue();
            long h = ((Number) js("return window.innerHeight")).longValue();
            if (w == width && h == height) {
                return;
            }
            Dimension window = driver.manage().window().getSize();
            driver.manage().window().setSize(new Dimension(window.getWidth() + (int) (width - w),
                    window.getHeight() + (int) (height - h)));
        }
    }

    Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    <T> T await(String what, Duration patience, Function<WebDriver, T> condition) {
        return new WebDriverWait(driver, patience).withMessage(what).until(condition);
    }

    /** Saves what the page shows now. */
    void screenshot(Path file) throws Exception {
        Files.createDirectories(file.getParent());
        File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    @Override
    public void close() {
        driver.quit();
    }
}
