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
 *
 * <p>The servers that write in them are stopped first, by the same one shutdown hook ({@link #onExit}), newest first:
 * JVM shutdown hooks run in no order, and a database whose files go while it stops holds the JVM's exit up.
 */
public final class ScratchDirectories {

    private static final List<Path> MADE = new ArrayList<>();
    private static final List<Runnable> STOPS = new ArrayList<>();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(ScratchDirectories::exit, "scratch-directories"));
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

    /** Runs {@code stop} as the JVM exits, before the directories go: a server that writes in one. */
    public static void onExit(Runnable stop) {
        synchronized (MADE) {
            STOPS.add(stop);
        }
    }

    private static void exit() {
        synchronized (MADE) {
            for (int i = STOPS.size() - 1; i >= 0; i--) {
                try {
                    STOPS.get(i).run();
                } catch (RuntimeException e) {
                    // the next stops and the deletion still run
                }
            }
            STOPS.clear();
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
