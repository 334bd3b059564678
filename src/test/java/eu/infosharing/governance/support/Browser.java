package eu.infosharing.governance.support;

import eu.infosharing.governance.api.PageLanguage;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Chromium from Debian's packages (chromium, chromium-driver), driven like a person uses Camunda
 * Tasklist and our Camunda Forms. Nothing is downloaded: the browser and its driver must be installed
 * (.ci/run installs them).
 */
public class Browser implements AutoCloseable {

    public static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    public static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    private final ChromeDriver driver;
    private final WebDriverWait wait;
    private final String baseUrl;
    private final Path screenshots;
    private int shot;

    public Browser(String baseUrl, Path screenshots) {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            throw new IllegalStateException("Browser tests need Debian's chromium and chromium-driver: "
                    + "apt-get install chromium chromium-driver (.ci/run does this)");
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--window-size=1400,1100", "--lang=en-GB");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        this.driver = new ChromeDriver(service, options);
        this.wait = new WebDriverWait(driver, Duration.ofSeconds(20));
        this.baseUrl = baseUrl;
        this.screenshots = screenshots;
    }

    /**
     * Logs into Tasklist through its login page, as a new session. The page is drawn before Angular binds the
     * form and may be redrawn once, so the person's typing is checked and, if lost, done again.
     */
    /**
     * Opens a page of ours that asks for HTTP Basic credentials (the audit view), signed in as this user: the
     * credentials go in the address, which Chromium accepts for the page itself.
     */
    public void openSignedIn(String path, String user, String password) {
        java.net.URI base = java.net.URI.create(baseUrl);
        driver.get(base.getScheme() + "://" + user + ":" + password + "@" + base.getHost() + ":" + base.getPort() + path);
    }

    /** Opens a page of ours (a path such as "/join", with its query), as a visitor without a login. */
    public void open(String pathAndQuery) {
        driver.get(baseUrl + pathAndQuery);
    }

    /** Types into a plain HTML input of our pages, found by its id. */
    public void fill(String id, String value) {
        WebElement input = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id(id)));
        input.clear();
        input.sendKeys(value);
    }

    /** Presses a button or link of our pages, found by its id, and waits for the next page. */
    public void press(String id) {
        WebElement target = wait.until(ExpectedConditions.elementToBeClickable(By.id(id)));
        target.click();
        wait.until(ExpectedConditions.stalenessOf(target));
    }

    /** Waits until an element matching the CSS selector is present, and answers how many there are. */
    public int waitForCount(String css, int atLeast) {
        wait.until(d -> d.findElements(org.openqa.selenium.By.cssSelector(css)).size() >= atLeast);
        return driver.findElements(org.openqa.selenium.By.cssSelector(css)).size();
    }

    public List<String> texts(String css) {
        return driver.findElements(org.openqa.selenium.By.cssSelector(css)).stream().map(e -> e.getText()).toList();
    }

    public void loginToTasklist(String user, String password) {
        // a new session for the next person; the language chosen on our pages stays, as in a person's browser
        driver.manage().getCookies().stream().filter(c -> !PageLanguage.COOKIE.equals(c.getName()))
                .forEach(c -> driver.manage().deleteCookie(c));
        driver.get(baseUrl + "/camunda/app/tasklist/default/");
        for (int attempt = 1; attempt <= 5; attempt++) {
            try {
                // the first drawing of Tasklist loads its scripts and translations: slow on a busy machine
                new WebDriverWait(driver, Duration.ofSeconds(60)).until(ExpectedConditions.visibilityOfElementLocated(
                        By.cssSelector("form[name='signinForm'] input[ng-model='username']")));
            } catch (org.openqa.selenium.TimeoutException e) {
                screenshot("login-page-not-drawn-" + user);
                throw new AssertionError("Tasklist's login page was not drawn; the page says: " + pageText(), e);
            }
            pause(1000);
            WebElement name = driver.findElement(By.cssSelector("form[name='signinForm'] input[ng-model='username']"));
            WebElement secret = driver.findElement(By.cssSelector("form[name='signinForm'] input[ng-model='password']"));
            enter(name, user);
            enter(secret, password);
            if (!user.equals(name.getAttribute("value"))) {
                continue;
            }
            jsClick(driver.findElement(By.cssSelector("form[name='signinForm'] button[type='submit']")));
            try {
                new WebDriverWait(driver, Duration.ofSeconds(8))
                        .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".task-filter")));
                pause(1500);
                return;
            } catch (org.openqa.selenium.TimeoutException e) {
                // the form was redrawn under the typing: type again
            }
        }
        screenshot("login-failed-" + user);
        throw new AssertionError("Tasklist login as " + user + " showed no filter; the page says: " + pageText());
    }

    /** The names of the filters this person sees. */
    public List<String> filterNames() {
        // the name is the link's first text node; a counter follows it in a span
        @SuppressWarnings("unchecked")
        List<String> names = (List<String>) ((JavascriptExecutor) driver).executeScript(
                "return Array.from(document.querySelectorAll('.task-filter h4.name a'))"
                        + ".map(a => a.childNodes[0].textContent.trim()).filter(n => n.length > 0);");
        return names;
    }

    public void openFilter(String name) {
        click(By.xpath("//*[contains(@class,'task-filter')]//h4[contains(@class,'name')]/a[normalize-space(text()[1])='" + name + "']"));
        pause(1500);
    }

    /** Clicks the task with this name in the list; waits for it to appear (the engine may still be working). */
    public void openTask(String name) {
        By task = By.xpath("//*[contains(@class,'tasks-list')]//a[contains(normalize-space(.), \"" + name + "\")]");
        WebDriverWait longer = new WebDriverWait(driver, Duration.ofSeconds(45));
        longer.pollingEvery(Duration.ofSeconds(2)).ignoring(StaleElementReferenceException.class);
        longer.until(d -> {
            List<WebElement> found = d.findElements(task);
            if (found.isEmpty()) {
                // refresh the list as a person would, by clicking the filter again
                jsClick(d.findElement(By.cssSelector(".task-filter.active h4.name a")));
                return false;
            }
            jsClick(found.get(0));
            return true;
        });
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".fjs-form")));
        pause(1000);
        // a person claims a group task before working it; Tasklist enables Complete only then
        By claimLink = By.xpath("//*[self::a or self::button][normalize-space(.)='Claim']");
        if (!driver.findElements(claimLink).isEmpty()) {
            click(claimLink);
            wait.until(d -> d.findElements(By.xpath("//*[self::a or self::button][normalize-space(.)='Claim']")).stream()
                    .noneMatch(WebElement::isDisplayed));
            wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".fjs-form")));
            pause(1000);
        }
    }

    /** Signs into Tasklist as a demo user (password = user name), opens the filter and, in it, the task. */
    public void openTaskAs(String demoUser, String filter, String task) {
        loginToTasklist(demoUser, demoUser);
        openFilter(filter);
        openTask(task);
    }

    /** Whether an element matching the CSS selector is on the page and displayed. */
    public boolean shows(String css) {
        return driver.findElements(By.cssSelector(css)).stream().anyMatch(WebElement::isDisplayed);
    }

    /** Opens a tab of the open task ("Form", "History", "Diagram", "Description") and answers what the page shows. */
    public String openTaskTab(String label) {
        By tab = By.xpath("//ul[contains(@class,'nav-tabs')]/li[.//a[normalize-space(.)='" + label + "']]");
        click(By.xpath("//ul[contains(@class,'nav-tabs')]//a[normalize-space(.)='" + label + "']"));
        wait.until(d -> d.findElement(tab).getAttribute("class").contains("active"));
        pause(1000);
        return pageText();
    }

    public void startProcess(String name) {
        click(By.xpath("//a[contains(normalize-space(.),'Start process')]"));
        click(By.xpath("//div[contains(@class,'modal')]//a[contains(normalize-space(.),'" + name + "')]"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".modal .fjs-form")));
        pause(1000);
    }

    public void type(String key, String value) {
        enter(field(key), value);
    }

    /**
     * Types into a field. Keystrokes first; where this headless Chromium drops them (seen with chromedriver 156 on
     * these machines), the value is entered as a browser's autofill does, with the input and change events the
     * page listens to, so Angular and form-js see it as typed.
     */
    private void enter(WebElement input, String value) {
        input.clear();
        input.sendKeys(value);
        if (!value.equals(input.getAttribute("value"))) {
            ((JavascriptExecutor) driver).executeScript(
                    "const el = arguments[0];"
                            + "const proto = el.tagName === 'TEXTAREA' ? HTMLTextAreaElement.prototype : HTMLInputElement.prototype;"
                            + "Object.getOwnPropertyDescriptor(proto, 'value').set.call(el, arguments[1]);"
                            + "el.dispatchEvent(new Event('input', {bubbles: true}));"
                            + "el.dispatchEvent(new Event('change', {bubbles: true}));"
                            + "el.dispatchEvent(new Event('blur', {bubbles: true}));", input, value);
        }
        pause(500); // form-js takes in what was typed after a short debounce
    }

    /** Picks an option of a form-js select by its label in its dropdown list (whose items react to mouse-down). */
    public void select(String key, String label) {
        // focusing the select opens its dropdown list, as a click or the Tab key does
        WebElement input = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("input[id$='Field_" + key + "']")));
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block:'center'}); arguments[0].focus();", input);
        WebElement option = wait.until(ExpectedConditions.presenceOfElementLocated(By.xpath(
                "//*[contains(@class,'fjs-dropdownlist-item') and normalize-space(.)=\"" + label + "\"]")));
        mouseDown(option);
        pause(200);
    }

    /** The options a form-js select offers, as its dropdown list shows them when the select is focused (left open). */
    public List<String> options(String key) {
        WebElement input = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("input[id$='Field_" + key + "']")));
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block:'center'}); arguments[0].focus();", input);
        By items = By.xpath("//input[substring(@id, string-length(@id) - string-length('Field_" + key + "') + 1) = 'Field_"
                + key + "']/ancestor::*[contains(@class,'fjs-form-field')][1]//*[contains(@class,'fjs-dropdownlist-item')]");
        wait.until(ExpectedConditions.presenceOfElementLocated(items));
        return driver.findElements(items).stream().map(e -> e.getText().trim()).toList();
    }

    /** The labels of a form-js radio group's options, in the order shown. */
    public List<String> radioLabels(String key) {
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("input[type='radio'][id*='Field_" + key + "']")));
        return texts("label[for*='Field_" + key + "-']").stream().map(String::trim).toList();
    }

    /** Scrolls the form so that the field (any input of it, a radio group's first option) stands in the middle. */
    public void scrollTo(String key) {
        jsScroll(wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[id*='Field_" + key + "']"))));
        pause(300);
    }

    private void jsScroll(WebElement element) {
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block:'center'});", element);
    }

    /** The label of the radio option chosen in the group, or null where none is chosen. */
    public String chosen(String key) {
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("input[type='radio'][id*='Field_" + key + "']")));
        return (String) script("const c = document.querySelector(\"input[type='radio'][id*='Field_" + key + "']:checked\");"
                + "if (!c) { return null; }"
                + "const l = c.closest('label') || document.querySelector('label[for=\"' + c.id + '\"]');"
                + "return l ? l.textContent.trim() : c.value;");
    }

    private void mouseDown(WebElement element) {
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block:'center'});"
                + "arguments[0].dispatchEvent(new MouseEvent('mousedown', {bubbles: true, cancelable: true, button: 0}));", element);
    }

    public void choose(String key, String label) {
        click(By.xpath("//label[contains(@for,'Field_" + key + "') and normalize-space(.)=\"" + label + "\"]"));
    }

    public void tick(String key) {
        click(By.cssSelector("input[id$='Field_" + key + "']"));
    }

    public String value(String key) {
        return field(key).getAttribute("value");
    }

    public void clickButton(String text) {
        By button = By.xpath("//button[normalize-space(.)='" + text + "' and not(contains(@class,'ng-hide'))]");
        wait.ignoring(StaleElementReferenceException.class).until(ExpectedConditions.elementToBeClickable(button));
        click(button);
    }

    /** What the page says after a moment: Tasklist shows its notifications (errors included) in the page. */
    public String notifications() {
        pause(2000);
        return pageText();
    }

    /** Waits until the page shows this text (Tasklist's notifications come after its request), and answers the page. */
    public String waitForText(String text, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        String page = pageText();
        while (!page.contains(text) && System.nanoTime() < deadline) {
            pause(500);
            page = pageText();
        }
        return page;
    }

    /** Runs a script in the page and answers its value (for what a person sees but the page text does not say: where). */
    public Object script(String js) {
        return ((JavascriptExecutor) driver).executeScript(js);
    }

    public String pageText() {
        return driver.findElement(By.tagName("body")).getText();
    }

    /** A screenshot of the top of the page, where Tasklist shows its notifications. */
    public Path screenshotTop(String name) {
        ((JavascriptExecutor) driver).executeScript("window.scrollTo(0, 0); document.querySelectorAll('*').forEach(e => { if (e.scrollTop > 0) e.scrollTop = 0; });");
        pause(300);
        return screenshot(name);
    }

    /** Writes a numbered screenshot under target/ and returns its path. */
    public Path screenshot(String name) {
        try {
            Files.createDirectories(screenshots);
            File file = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
            Path target = screenshots.resolve(String.format("%02d-%s.png", ++shot, name));
            Files.copy(file.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
            return target;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Clicks what the locator finds, finding it again if Angular redrew it in between. */
    private void click(By locator) {
        wait.ignoring(StaleElementReferenceException.class).until(d -> {
            jsClick(d.findElement(locator));
            return true;
        });
    }

    private WebElement field(String key) {
        return wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("input[id$='Field_" + key + "'], textarea[id$='Field_" + key + "']")));
    }

    private void jsClick(WebElement element) {
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block:'center'}); arguments[0].click();", element);
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
