package org.perfledger.infra.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every value in a seed data file traces to its document's text: a number the document prints (at any precision:
 * 187 is 187.00), a text it prints (width, spaces and thousands separators aside), or a value marked
 * {@code {"notPrinted": "why"}} or {@code {"derived": "value", "from": "formula"}}.
 *
 * <p>What does not trace is listed, value by value, in {@code docs/seed-transcription.md} (today nothing): the test
 * fails on any untraced value that is not listed, and on a listed one that now traces or is gone, so the list only
 * shrinks. The documents are kept beside the test (copies of {@code shared/seeds/}), so the
 * check runs on a fresh clone.
 */
class SeedTranscriptionTest {

    /** Identifiers, rules and loading hints: PerfLedger's own, not transcriptions. */
    private static final Set<String> OWN = Set.of("document", "note", "district", "code", "schemes", "year", "through",
            "calendar", "achievement", "indicator");
    /** A printed figure's name and kind are PerfLedger's words for it; its value and parts are the document's. */
    private static final Set<String> OWN_IN_PRINTED = Set.of("label", "kind");
    private static final Pattern NUMBER = Pattern.compile("[+-]?\\d+(?:\\.\\d+)?");
    private static final Pattern PLAIN_NUMBER = Pattern.compile("[+-]?\\d+(?:\\.\\d+)?%?");

    @Test
    void everySeedValueTracesToItsDocument() throws IOException {
        List<String> untraced = new ArrayList<>();
        for (String file : SeedDataset.DOCUMENTS) {
            JsonNode seed = SeedDataset.read(file);
            String document = seed.get("document").asText();
            String printed = read(document);
            String text = normalised(printed);
            Set<BigDecimal> numbers = new HashSet<>();
            // numbers where the spaces between them still stand
            Matcher matcher = NUMBER.matcher(Normalizer.normalize(printed, Normalizer.Form.NFKC)
                    .replaceAll("(?<=\\d),(?=\\d{3})", ""));
            while (matcher.find()) {
                numbers.add(new BigDecimal(matcher.group()).stripTrailingZeros());
            }
            walk(seed, "", (path, value) -> {
                if (!traces(value, text, numbers)) {
                    untraced.add(file + " | " + path + " | " + value.replace("|", "/"));
                }
            });
        }
        String listed = Files.readString(Path.of("../../docs/seed-transcription.md"));
        Set<String> known = new TreeSet<>();
        for (String line : listed.lines().toList()) {
            if (line.startsWith("| ") && !line.startsWith("| file ") && !line.startsWith("| ---")) {
                known.add(line.substring(2, line.lastIndexOf(" |")));
            }
        }
        Files.writeString(Path.of("target/seed-transcription.txt"), String.join("\n", untraced) + "\n");
        assertThat(untraced).as("seed values that trace to no document text and are not listed in "
                + "docs/seed-transcription.md (all of them: target/seed-transcription.txt)")
                .isSubsetOf(known);
        assertThat(known).as("listed in docs/seed-transcription.md as untraced, but now traced or gone: take them off "
                + "the list").isSubsetOf(untraced);
    }

    @Test
    void theMarkersAreRecognisedAndAValueThatIsNotPrintedIsNotSent() throws IOException {
        JsonNode seed = SeedDataset.read("003-qiaokou-2020.json");
        JsonNode weight = seed.get("plans").get(0).get("goals").get(0).get("indicators").get(0).get("weight");
        assertThat(weight.has(SeedDataset.NOT_PRINTED)).isTrue();
        assertThat(SeedDataset.steps("003-qiaokou-2020.json")).filteredOn(step -> step.path().endsWith("/GGRY.01"))
                .singleElement().satisfies(step -> assertThat(step.body()).doesNotContain("weight"));
        JsonNode derived = SeedDataset.resolved(new ObjectMapper().readTree("{\"a\":{\"derived\":\"12.50\",\"from\":\"25 / 2\"}}"));
        assertThat(derived.get("a").asText()).isEqualTo("12.50");
    }

    private interface Leaf {
        void at(String path, String value);
    }

    private static void walk(JsonNode node, String path, Leaf leaf) {
        if (node.isObject()) {
            if (node.has(SeedDataset.NOT_PRINTED) || node.has(SeedDataset.DERIVED)) {
                return;
            }
            node.fields().forEachRemaining(field -> {
                if (!OWN.contains(field.getKey())
                        && !(path.contains("/printed/") && OWN_IN_PRINTED.contains(field.getKey()))) {
                    walk(field.getValue(), path + "/" + field.getKey(), leaf);
                }
            });
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                walk(node.get(i), path + "/" + i, leaf);
            }
        } else if (!node.isNull() && !node.isBoolean()) {
            leaf.at(path, node.asText());
        }
    }

    private static boolean traces(String value, String text, Set<BigDecimal> numbers) {
        String wanted = normalised(value);
        if (wanted.isEmpty()) {
            return true;
        }
        if (PLAIN_NUMBER.matcher(wanted).matches()) {
            String number = wanted.endsWith("%") ? wanted.substring(0, wanted.length() - 1) : wanted;
            return numbers.contains(new BigDecimal(number).stripTrailingZeros());
        }
        return text.contains(wanted);
    }

    /**
     * Full-width forms as their ASCII (NFKC), no whitespace, no thousands separators, and no emphasis marks: the text
     * copies mark bold figures with {@code **} (the report's "**4944**批次" prints 4944批次).
     */
    static String normalised(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFKC).replace("**", "").replaceAll("\\s+", "")
                .replaceAll("(?<=\\d),(?=\\d{3})", "");
    }

    private static String read(String document) {
        try (InputStream in = SeedTranscriptionTest.class.getResourceAsStream("/seed-documents/" + document)) {
            assertThat(in).as("seed document " + document).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
