package org.perfledger.infra.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;

/**
 * Temporary directories of tests and benchmarks (a database's files, a broker's log, a browser's profile), deleted
 * with everything in them when the JVM exits. A benchmark's million-event district leaves several GiB; without this a
 * developer who runs the suite a few times fills the disk.
 */
public final class ScratchDirectories {

    private static final List<Path> MADE = new ArrayList<>();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(ScratchDirectories::deleteAll, "scratch-directories"));
    }

    private ScratchDirectories() {
    }

    /** A new empty directory in the system's temporary folder, its name starting with {@code prefix}. */
    public static Path create(String prefix) {
        try {
            Path made = Files.createTempDirectory(prefix);
            synchronized (MADE) {
                MADE.add(made);
            }
            return made;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteAll() {
        synchronized (MADE) {
            MADE.forEach(ScratchDirectories::delete);
            MADE.clear();
        }
    }

    /** Deletes what it can: a file a server still writes as the JVM exits is left, and nothing fails. */
    private static void delete(Path directory) {
        try {
            Files.walkFileTree(directory, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                    quietly(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException e) {
                    quietly(dir);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException | RuntimeException e) {
            // at exit there is no one left to tell
        }
    }

    private static void quietly(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            // left for the system's own cleaning of its temporary folder
        }
    }
}
