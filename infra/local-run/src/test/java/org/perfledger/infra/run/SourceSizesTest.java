package org.perfledger.infra.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The sizes the code keeps so that a reader takes in a file at once: no source file of the services or the kernel over
 * {@value #MOST_LINES} lines, no controller over {@value #MOST_CONTROLLER_LINES}, not counting its package and import
 * lines (what a reader skips). A file that grows past them is split where its parts are.
 */
class SourceSizesTest {

    static final int MOST_LINES = 300;
    static final int MOST_CONTROLLER_LINES = 250;

    /** The repository's root: the local run's module is two folders down. */
    private static final Path ROOT = Path.of("").toAbsolutePath().getParent().getParent();

    @Test
    void noSourceFileOrControllerIsLongerThanItsBound() throws IOException {
        List<Path> sources;
        try (Stream<Path> files = Stream.of("shared-kernel", "command-service", "query-service")
                .map(module -> ROOT.resolve(module).resolve("src/main/java"))
                .flatMap(SourceSizesTest::javaFiles)) {
            sources = files.toList();
        }
        assertThat(sources).as("the services' sources under " + ROOT).hasSizeGreaterThan(300);
        List<String> tooLong = sources.stream()
                .filter(file -> lines(file) > (isController(file) ? MOST_CONTROLLER_LINES : MOST_LINES))
                .map(file -> ROOT.relativize(file) + ": " + lines(file) + " lines").toList();
        assertThat(tooLong).isEmpty();
    }

    private static boolean isController(Path file) {
        return file.getFileName().toString().endsWith("Controller.java");
    }

    private static Stream<Path> javaFiles(Path folder) {
        try {
            return Files.walk(folder).filter(file -> file.toString().endsWith(".java"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The file's lines other than its package and import lines. */
    private static long lines(Path file) {
        try (Stream<String> lines = Files.lines(file)) {
            return lines.filter(line -> !line.startsWith("import ") && !line.startsWith("package ")).count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
