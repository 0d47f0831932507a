package org.perfledger.query.web;

import java.util.LinkedHashMap;
import java.util.Map;
import org.perfledger.kernel.budget.AdjustmentKind;
import org.perfledger.kernel.budget.ExpenditureClass;
import org.perfledger.kernel.budget.FundingSource;
import org.perfledger.kernel.evaluation.Grade;
import org.perfledger.kernel.performance.Achievement;
import org.perfledger.kernel.performance.IndicatorLevel1;
import org.perfledger.kernel.performance.IndicatorLevel2;
import org.perfledger.kernel.organisation.StaffCategory;
import org.perfledger.kernel.plan.PlanPhase;
import org.perfledger.kernel.plan.ProjectAttribute;
import org.perfledger.kernel.plan.ProjectCategory;
import org.perfledger.kernel.plan.ProjectType;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The web UI's two dictionaries name the same messages, and the English one is English. */
class DictionariesTest {

    private static final Pattern ENTRY = Pattern.compile("'([A-Za-z0-9_.:-]+)':\\s*'((?:[^'\\\\]|\\\\.)*)'");

    /** A language's messages: its dictionary and the one of the cycle around the year ({@code <language>-cycle.js}). */
    private static String messages(String language) throws IOException {
        return dictionary(language + ".js") + dictionary(language + "-cycle.js");
    }

    /** One of the UI's dictionaries, {@code static/ui/i18n/<file>}. */
    private static String dictionary(String file) throws IOException {
        try (InputStream in = DictionariesTest.class.getResourceAsStream("/static/ui/i18n/" + file)) {
            assertThat(in).as(file).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static String block(String text, String start, String end) {
        int from = text.indexOf(start);
        int to = text.indexOf(end, from + start.length());
        assertThat(from).as(start).isNotNegative();
        assertThat(to).as(end).isGreaterThan(from);
        return text.substring(from, to);
    }

    private static Set<String> keys(String block) {
        Set<String> keys = new LinkedHashSet<>();
        Matcher entry = ENTRY.matcher(block);
        while (entry.find()) {
            keys.add(entry.group(1));
        }
        return keys;
    }

    @Test
    void bothLanguagesNameTheSameMessages() throws IOException {
        Set<String> chinese = keys(messages("zh-CN"));
        Set<String> english = keys(messages("en"));
        assertThat(chinese).hasSizeGreaterThan(100);
        assertThat(english).containsExactlyInAnyOrderElementsOf(chinese);
    }

    @Test
    void theEnglishMessagesAreEnglish() throws IOException {
        Matcher entry = ENTRY.matcher(messages("en"));
        Set<String> chinese = new LinkedHashSet<>();
        while (entry.find()) {
            if (entry.group(1).equals("lang.switch")) {
                continue; // the switch names the other language in that language: 中文
            }
            // Chinese terms of art may stand in parentheses beside their English (自评表, 序时进度); not alone
            String withoutQuoted = entry.group(2).replaceAll("[（(][^）)]*[）)]", "").replaceAll("“[^”]*”", "");
            if (withoutQuoted.codePoints().filter(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN)
                    .count() > withoutQuoted.codePoints().filter(Character::isLetter).count() / 2) {
                chinese.add(entry.group(1) + " = " + entry.group(2));
            }
        }
        assertThat(chinese).as("English messages written mostly in Chinese").isEmpty();
    }

    @Test
    void everyTermOfTheVocabularyHasItsEnglishName() throws IOException {
        String terms = dictionary("terms.js");
        Map<String, Class<? extends Enum<?>>> kinds = new LinkedHashMap<>();
        kinds.put("fundingSource", FundingSource.class);
        kinds.put("expenditureClass", ExpenditureClass.class);
        kinds.put("adjustmentKind", AdjustmentKind.class);
        kinds.put("projectCategory", ProjectCategory.class);
        kinds.put("projectAttribute", ProjectAttribute.class);
        kinds.put("projectType", ProjectType.class);
        kinds.put("level1", IndicatorLevel1.class);
        kinds.put("level2", IndicatorLevel2.class);
        kinds.put("achievement", Achievement.class);
        kinds.put("grade", Grade.class);
        kinds.put("phase", PlanPhase.class);
        kinds.put("staffCategory", StaffCategory.class);
        kinds.forEach((kind, type) -> {
            String entries = block(terms, kind + ": {", "}");
            for (Enum<?> value : type.getEnumConstants()) {
                assertThat(entries).as(kind).containsPattern("\\b" + value.name() + ": '[A-Za-z]");
            }
        });
    }
}
