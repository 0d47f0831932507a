package org.perfledger.infra.run;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The page as it stands, at desktop and phone widths, checked by axe-core (WCAG 2.1 A and AA) and for sideways
 * scrolling on a phone; a screenshot of each is kept under target/screenshots.
 */
final class Accessibility {

    private Accessibility() {
    }

    /** Serious and critical violations at 1440 and 390 px, as "name @width: rule (impact) × n e.g. target". */
    static List<String> violations(ChromeDriver browser, String name, String folder) throws IOException {
        List<String> found = new ArrayList<>();
        Dimension before = browser.manage().window().getSize();
        for (int width : new int[] {1440, 390}) {
            browser.manage().window().setSize(new Dimension(width, 900));
            Path shots = Files.createDirectories(Path.of("target", "screenshots", folder));
            Files.write(shots.resolve(name + "-" + width + ".png"), browser.getScreenshotAs(OutputType.BYTES));
            Results results = new AxeBuilder().withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa"))
                    .analyze(browser);
            for (Rule rule : results.getViolations()) {
                if ("serious".equals(rule.getImpact()) || "critical".equals(rule.getImpact())) {
                    found.add(name + " @" + width + ": " + rule.getId() + " (" + rule.getImpact() + ") × "
                            + rule.getNodes().size() + " e.g. " + rule.getNodes().get(0).getTarget());
                }
            }
            long overflow = (Long) browser.executeScript(
                    "return document.documentElement.scrollWidth - document.documentElement.clientWidth");
            if (width == 390 && overflow > 0) {
                found.add(name + " @390: the page is " + overflow + " px wider than the screen");
            }
        }
        browser.manage().window().setSize(before);
        return found;
    }
}
