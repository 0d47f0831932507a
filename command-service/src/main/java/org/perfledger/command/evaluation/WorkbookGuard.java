package org.perfledger.command.evaluation;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.perfledger.command.platform.BusyException;
import org.perfledger.command.platform.DomainRejection;

/**
 * What an uploaded workbook must pass before POI opens it, so that no file can exhaust the service's memory or make
 * it read anything but the file: an .xlsx (a zip of XML parts) is read once as a stream, part by part, counting what
 * each part inflates to, and refused past hard limits (parts, bytes per part, bytes in all), with a DOCTYPE in any
 * part (entity expansion, external entities) or with links to other workbooks. An .xls is bounded by the upload
 * limit already (it is not compressed). Only one workbook is opened at a time, so the memory POI needs for a
 * workbook within these limits (tens of MiB) is needed once.
 */
final class WorkbookGuard {

    /** A self-evaluation table's parts inflate to some hundred KiB; these leave room for a workbook of many sheets. */
    static final int MAX_PARTS = 500;
    static final long MAX_PART_BYTES = 4L << 20;
    static final long MAX_TOTAL_BYTES = 16L << 20;

    private static final byte[] ZIP = {'P', 'K', 3, 4};
    private static final byte[] OLE2 = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0};
    private static final Semaphore ONE_AT_A_TIME = new Semaphore(1, true);

    private WorkbookGuard() {
    }

    /** Opens the way for one workbook, once the bytes passed every limit. */
    static Permit check(byte[] bytes) {
        if (startsWith(bytes, ZIP)) {
            scanZip(bytes);
        } else if (!startsWith(bytes, OLE2)) {
            throw refused("workbook.unreadable", "file: not an Excel workbook (.xlsx or .xls)");
        }
        try {
            if (!ONE_AT_A_TIME.tryAcquire(30, TimeUnit.SECONDS)) {
                throw busy();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw busy();
        }
        return ONE_AT_A_TIME::release;
    }

    /** Held while POI reads the workbook. */
    interface Permit extends AutoCloseable {
        @Override
        void close();
    }


    private static void scanZip(byte[] bytes) {
        long total = 0;
        int parts = 0;
        byte[] buffer = new byte[16 * 1024];
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                if (++parts > MAX_PARTS) {
                    throw refused("workbook.too-many-parts", "file: the workbook has more than " + MAX_PARTS
                            + " parts");
                }
                String name = entry.getName();
                if (name.toLowerCase(Locale.ROOT).startsWith("xl/externallinks/")) {
                    throw refused("workbook.external-reference", "file: the workbook links to other workbooks "
                            + "(external references); paste the values instead and save it again");
                }
                long part = 0;
                DoctypeScan doctype = new DoctypeScan();
                for (int read = zip.read(buffer); read >= 0; read = zip.read(buffer)) {
                    part += read;
                    total += read;
                    if (part > MAX_PART_BYTES || total > MAX_TOTAL_BYTES) {
                        throw refused("workbook.too-large", "file: the workbook unpacks to more than "
                                + (part > MAX_PART_BYTES ? (MAX_PART_BYTES >> 20) + " MiB in one part ("
                                + abbreviated(name) + ")" : (MAX_TOTAL_BYTES >> 20) + " MiB")
                                + "; a self-evaluation table is far smaller");
                    }
                    if (doctype.found(buffer, read)) {
                        throw refused("workbook.doctype", "file: part " + abbreviated(name) + " declares a "
                                + "DOCTYPE, which workbooks never need; it is not read");
                    }
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            throw refused("workbook.unreadable", "file: not a readable Excel workbook (the zip is damaged)");
        }
        if (parts == 0) {
            throw refused("workbook.unreadable", "file: not a readable Excel workbook (an empty zip)");
        }
    }

    /** Finds "<!DOCTYPE" (any case, in UTF-8 or ASCII) across buffer boundaries. */
    private static final class DoctypeScan {
        private static final byte[] NEEDLE = "<!doctype".getBytes(StandardCharsets.US_ASCII);
        private int matched;

        boolean found(byte[] buffer, int length) {
            for (int i = 0; i < length; i++) {
                byte b = buffer[i];
                byte lower = b >= 'A' && b <= 'Z' ? (byte) (b + 32) : b;
                if (lower == NEEDLE[matched]) {
                    if (++matched == NEEDLE.length) {
                        return true;
                    }
                } else {
                    matched = lower == NEEDLE[0] ? 1 : 0;
                }
            }
            return false;
        }
    }

    private static boolean startsWith(byte[] bytes, byte[] magic) {
        if (bytes.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if (bytes[i] != magic[i]) {
                return false;
            }
        }
        return true;
    }

    private static String abbreviated(String name) {
        return name.length() > 60 ? name.substring(0, 60) + "…" : name;
    }

    /** A file refused: 422 naming the file and the rule. */
    static DomainRejection refused(String rule, String message) {
        return new DomainRejection(DomainRejection.Kind.RULE, rule, "file", message);
    }

    private static BusyException busy() {
        return new BusyException("another workbook is being read");
    }
}
