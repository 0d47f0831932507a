package org.perfledger.query.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The web UI has no build step, so nothing compiles its modules before a browser loads them: one syntax error or one
 * import of a name a module does not export leaves every page blank. Each module is parsed as a module by Node where
 * it is installed, and each relative import is checked against what the imported module exports.
 */
class UiModulesTest {

    private static final Path UI = Path.of("src/main/resources/static/ui");
    private static final Pattern IMPORT = Pattern.compile("import\\s*\\{([^}]*)}\\s*from\\s*'(\\.[^']+)'");
    private static final Pattern DECLARED = Pattern.compile(
            "export\\s+(?:async\\s+)?(?:function|const|let|class)\\s+(\\w+)");
    private static final Pattern LISTED = Pattern.compile("export\\s*\\{([^}]*)}");

    private static List<Path> modules() throws Exception {
        try (Stream<Path> files = Files.walk(UI)) {
            return files.filter(file -> file.toString().endsWith(".js")).sorted().toList();
        }
    }

    @Test
    void everyRelativeImportNamesWhatItsModuleExports() throws Exception {
        Map<Path, Set<String>> exports = new HashMap<>();
        for (Path module : modules()) {
            String source = Files.readString(module, StandardCharsets.UTF_8);
            Set<String> names = new HashSet<>();
            Matcher declared = DECLARED.matcher(source);
            while (declared.find()) {
                names.add(declared.group(1));
            }
            Matcher listed = LISTED.matcher(source);
            while (listed.find()) {
                for (String name : listed.group(1).split(",")) {
                    String[] parts = name.trim().split("\\s+as\\s+");
                    names.add(parts[parts.length - 1].trim());
                }
            }
            exports.put(module.normalize(), names);
        }
        List<String> broken = new ArrayList<>();
        for (Path module : modules()) {
            Matcher imported = IMPORT.matcher(Files.readString(module, StandardCharsets.UTF_8));
            while (imported.find()) {
                Path target = module.getParent().resolve(imported.group(2)).normalize();
                Set<String> names = exports.get(target);
                if (names == null) {
                    broken.add(module + " imports the missing module " + imported.group(2));
                    continue;
                }
                for (String name : imported.group(1).split(",")) {
                    String wanted = name.trim().split("\\s+as\\s+")[0].trim();
                    if (!wanted.isEmpty() && !names.contains(wanted)) {
                        broken.add(module + " imports " + wanted + ", which " + imported.group(2) + " does not export");
                    }
                }
            }
        }
        assertThat(modules()).hasSizeGreaterThan(20);
        assertThat(broken).isEmpty();
    }

    @Test
    void everyModuleParsesAsAModule() throws Exception {
        Path node = Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .map(folder -> Path.of(folder, "node")).filter(Files::isExecutable).findFirst().orElse(null);
        assumeTrue(node != null, "Node is not installed: the modules are not parsed");
        Path copy = Files.createTempFile("perfledger-ui", ".mjs");
        try {
            List<String> broken = new ArrayList<>();
            for (Path module : modules()) {
                Files.copy(module, copy, StandardCopyOption.REPLACE_EXISTING);
                Process check = new ProcessBuilder(node.toString(), "--check", copy.toString())
                        .redirectErrorStream(true).start();
                String output = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                if (check.waitFor() != 0) {
                    broken.add(module + ": " + output.lines().limit(5).reduce("", (a, b) -> a + "\n" + b));
                }
            }
            assertThat(broken).isEmpty();
        } finally {
            Files.deleteIfExists(copy);
        }
    }
}
