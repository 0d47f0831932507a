package org.perfledger.kernel.performance;

import java.math.BigDecimal;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.perfledger.kernel.performance.TargetValue.Compound;
import org.perfledger.kernel.performance.TargetValue.Qualitative;
import org.perfledger.kernel.performance.TargetValue.Quantity;
import org.perfledger.kernel.validation.Checks;
import org.perfledger.kernel.validation.InvalidValueException;

/**
 * Reads target and actual values in every form the self-evaluation tables use:
 * <ul>
 *   <li>a number with comparator and unit: {@code ≥100}, {@code 不少于2次}, {@code 5万批次以上}, {@code 700件},
 *       {@code 200 人左右}, {@code 1000余人}, {@code 5 个工作日} (a time limit: at most);</li>
 *   <li>a percentage: {@code 100%}, {@code 85%以上}, {@code ≥85%}, {@code 全区企业的 0.1%};</li>
 *   <li>a zero where lower is better: {@code 0 次}, {@code 重大事故 0 次} (at most 0);</li>
 *   <li>a compound: {@code 38/583/39（件）};</li>
 *   <li>a qualitative statement: {@code 有助于}, {@code 合格}, {@code 按标准发放}, {@code 持续优化}.</li>
 * </ul>
 * Full-width forms (（件）, ％, ＞, full-width digits) read like their ASCII forms, and spaces the PDF extraction left
 * inside units ({@code 2600 批 次}) are ignored. Anything else is refused with a message saying what was expected.
 */
public final class TargetParser {

    public static final int MAX_LENGTH = 200;
    static final String EXPECTED = "expected a number with optional comparator and unit (≥100, 不少于2次, 5万批次以上, "
            + "200人左右), a percentage (100%, 85%以上), a zero ceiling (0次), a compound (38/583/39（件）) or a "
            + "statement (合格, 有助于, 保障到位)";

    private static final String NUMBER = "\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?|\\d+(?:\\.\\d+)?";
    private static final Pattern NUMBERS = Pattern.compile("(?<![\\d.,])(?:" + NUMBER + ")(?![\\d])");
    private static final Pattern COMPOUND = Pattern.compile(
            "^((?:" + NUMBER + ")(?:\\s*/\\s*(?:" + NUMBER + "))+)\\s*(?:\\(\\s*(\\p{L}{1,8})\\s*\\)|(\\p{L}{1,8}))?$");
    private static final Pattern PLACEHOLDER = Pattern.compile("^(?:[Xx×]+|[.…]+|[-—_/\\\\]+|无|/)$");
    private static final Pattern UNIT = Pattern.compile("\\p{L}{1,8}");
    private static final Pattern TIME_UNIT = Pattern.compile("(?:个)?(?:工作日|天|日|小时|分钟|个月|月|周)");
    private static final String SYMBOLS = "≥≤<>=≈~⩾⩽";

    /** Comparator words that may stand before the number, longest first so that 不少于 wins over 少于. */
    private static final Map<String, Comparator> PREFIX_WORDS = orderedMap(
            "大于等于", Comparator.AT_LEAST, "小于等于", Comparator.AT_MOST,
            "不少于", Comparator.AT_LEAST, "不低于", Comparator.AT_LEAST, "不小于", Comparator.AT_LEAST,
            "至少", Comparator.AT_LEAST, "达到", Comparator.AT_LEAST,
            "不超过", Comparator.AT_MOST, "不高于", Comparator.AT_MOST, "不多于", Comparator.AT_MOST,
            "不大于", Comparator.AT_MOST, "控制在", Comparator.AT_MOST,
            "高于", Comparator.MORE_THAN, "大于", Comparator.MORE_THAN, "超过", Comparator.MORE_THAN,
            "低于", Comparator.LESS_THAN, "小于", Comparator.LESS_THAN, "少于", Comparator.LESS_THAN,
            "约", Comparator.ABOUT);
    private static final Map<String, Comparator> SUFFIX_WORDS = orderedMap(
            "及以上", Comparator.AT_LEAST, "以上", Comparator.AT_LEAST,
            "及以下", Comparator.AT_MOST, "以下", Comparator.AT_MOST, "以内", Comparator.AT_MOST,
            "左右", Comparator.ABOUT);

    private TargetParser() {
    }

    /** @throws InvalidValueException with rule {@code target.*} and a message that says what was expected */
    public static TargetValue parse(String raw) {
        Checks.requireText(raw, "target value", MAX_LENGTH);
        String text = Normalizer.normalize(raw, Normalizer.Form.NFKC).replaceAll("\\s+", " ").strip();
        if (PLACEHOLDER.matcher(text).matches()) {
            throw new InvalidValueException("target.placeholder",
                    "'" + raw + "' is a placeholder, not a target value; " + EXPECTED);
        }
        List<MatchResult> numbers = numbers(text);
        if (numbers.isEmpty()) {
            return qualitative(raw, text);
        }
        Matcher compound = COMPOUND.matcher(text);
        if (compound.matches()) {
            List<BigDecimal> parts = new ArrayList<>();
            for (String part : compound.group(1).split("/")) {
                parts.add(decimal(part.strip()));
            }
            String unit = compound.group(2) != null ? compound.group(2) : compound.group(3);
            return new Compound(parts, unit);
        }
        if (numbers.size() > 1) {
            throw new InvalidValueException("target.single-number", "'" + raw + "' holds " + numbers.size()
                    + " numbers; a value holds one number, several go in a compound such as 38/583/39（件）; "
                    + EXPECTED);
        }
        return quantity(raw, text, numbers.get(0));
    }

    private static TargetValue qualitative(String raw, String text) {
        for (int i = 0; i < text.length(); i++) {
            if (SYMBOLS.indexOf(text.charAt(i)) >= 0) {
                throw new InvalidValueException("target.number-missing",
                        "'" + raw + "' has a comparator but no number; " + EXPECTED);
            }
        }
        if (PREFIX_WORDS.containsKey(text) || SUFFIX_WORDS.containsKey(text)) {
            throw new InvalidValueException("target.number-missing",
                    "'" + raw + "' is a comparator without a number; " + EXPECTED);
        }
        if (text.codePoints().noneMatch(Character::isLetter)) {
            throw new InvalidValueException("target.format", "'" + raw + "' is neither a number nor a statement; "
                    + EXPECTED);
        }
        return new Qualitative(text);
    }

    private static TargetValue quantity(String raw, String text, MatchResult number) {
        String prefix = text.substring(0, number.start()).strip();
        String suffix = text.substring(number.end()).replace(" ", "");
        BigDecimal value = decimal(number.text());

        if (prefix.endsWith("-") || prefix.endsWith("−")) {
            throw new InvalidValueException("target.negative",
                    "'" + raw + "' is negative; write a ceiling as ≤ or 以内 instead");
        }
        Comparator comparator = null;
        String subject = prefix;
        if (!prefix.isEmpty() && SYMBOLS.indexOf(prefix.charAt(prefix.length() - 1)) >= 0) {
            comparator = symbol(raw, prefix);
            subject = prefix.replaceAll("[" + SYMBOLS + "]+$", "").strip();
        }
        for (Map.Entry<String, Comparator> word : PREFIX_WORDS.entrySet()) {
            int at = subject.indexOf(word.getKey());
            if (at >= 0 && !coveredByLongerWord(subject, at, word.getKey())) {
                comparator = combine(raw, comparator, word.getValue());
                if (subject.endsWith(word.getKey())) {
                    subject = subject.substring(0, subject.length() - word.getKey().length()).strip();
                }
                break;
            }
        }
        if (subject.chars().anyMatch(c -> SYMBOLS.indexOf(c) >= 0)) {
            throw new InvalidValueException("target.format", "'" + raw + "' has a comparator in the wrong place; "
                    + EXPECTED);
        }

        String rest = suffix;
        if ((rest.startsWith("万") && !rest.startsWith("万元")) || (rest.startsWith("亿") && !rest.startsWith("亿元"))) {
            value = value.multiply(rest.startsWith("万") ? BigDecimal.valueOf(10_000) : BigDecimal.valueOf(100_000_000));
            rest = rest.substring(1);
        }
        if (rest.startsWith("余") || rest.startsWith("多")) {
            comparator = combine(raw, comparator, Comparator.MORE_THAN);
            rest = rest.substring(1);
        }
        boolean percent = rest.startsWith("%");
        if (percent) {
            rest = rest.substring(1);
        }
        for (Map.Entry<String, Comparator> word : SUFFIX_WORDS.entrySet()) {
            if (rest.endsWith(word.getKey())) {
                comparator = combine(raw, comparator, word.getValue());
                rest = rest.substring(0, rest.length() - word.getKey().length());
                break;
            }
        }
        String unit = rest.startsWith("(") && rest.endsWith(")") ? rest.substring(1, rest.length() - 1) : rest;
        if (!unit.isEmpty()) {
            if (percent) {
                throw new InvalidValueException("target.format",
                        "'" + raw + "' has text after the percent sign; " + EXPECTED);
            }
            if (!UNIT.matcher(unit).matches() || unit.startsWith("万") && !unit.startsWith("万元")
                    || unit.startsWith("亿") && !unit.startsWith("亿元")) {
                throw new InvalidValueException("target.format",
                        "'" + raw + "' has '" + suffix + "' after the number where a unit (次, 家, 批次) was expected; "
                                + EXPECTED);
            }
        }
        if (comparator == null) {
            // A bare zero is a ceiling (重大事故 0 次) and a bare time a limit (5个工作日); otherwise more is better.
            comparator = value.signum() == 0 || TIME_UNIT.matcher(unit).matches()
                    ? Comparator.AT_MOST
                    : Comparator.AT_LEAST;
        }
        return new Quantity(comparator, value, percent, unit, subject);
    }

    private static Comparator symbol(String raw, String prefix) {
        String symbols = prefix.replaceAll("^.*?([" + SYMBOLS + "]+)$", "$1");
        return switch (symbols) {
            case "≥", ">=", "⩾", "=>" -> Comparator.AT_LEAST;
            case "≤", "<=", "⩽", "=<" -> Comparator.AT_MOST;
            case ">" -> Comparator.MORE_THAN;
            case "<" -> Comparator.LESS_THAN;
            case "=", "==" -> Comparator.EQUAL;
            case "≈", "~" -> Comparator.ABOUT;
            default -> throw new InvalidValueException("target.comparator",
                    "'" + raw + "' has the comparator '" + symbols + "', which is none of ≥ ≤ > < = ≈; " + EXPECTED);
        };
    }

    private static Comparator combine(String raw, Comparator current, Comparator next) {
        if (current != null && current != next) {
            throw new InvalidValueException("target.comparator-conflict", "'" + raw + "' says both "
                    + current.symbol() + " and " + next.symbol() + "; a value has one comparator");
        }
        return next;
    }

    /** 少于 inside 不少于 is not a word of its own. */
    private static boolean coveredByLongerWord(String text, int at, String word) {
        for (String longer : PREFIX_WORDS.keySet()) {
            if (longer.length() > word.length() && longer.endsWith(word)) {
                int start = at - (longer.length() - word.length());
                if (start >= 0 && text.startsWith(longer, start)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static BigDecimal decimal(String number) {
        return new BigDecimal(number.replace(",", ""));
    }

    private record MatchResult(int start, int end, String text) {
    }

    private static List<MatchResult> numbers(String text) {
        List<MatchResult> found = new ArrayList<>();
        Matcher matcher = NUMBERS.matcher(text);
        while (matcher.find()) {
            found.add(new MatchResult(matcher.start(), matcher.end(), matcher.group()));
        }
        return found;
    }

    private static Map<String, Comparator> orderedMap(Object... pairs) {
        java.util.LinkedHashMap<String, Comparator> map = new java.util.LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], (Comparator) pairs[i + 1]);
        }
        return java.util.Collections.unmodifiableMap(map);
    }
}
