package org.perfledger.command.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.perfledger.command.platform.DomainRejection;

/** What a workbook must pass before POI opens it; read as a stream, with hard limits. */
class WorkbookGuardTest {

    private static byte[] zip(String name, byte[] content, int copies) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.setLevel(9);
            zip.putNextEntry(new ZipEntry(name));
            for (int i = 0; i < copies; i++) {
                zip.write(content);
            }
            zip.closeEntry();
        }
        return out.toByteArray();
    }

    private static void refused(byte[] bytes, String rule) {
        assertThatThrownBy(() -> WorkbookGuard.check(bytes).close()).isInstanceOfSatisfying(DomainRejection.class,
                e -> {
                    assertThat(e.code()).isEqualTo(rule);
                    assertThat(e.errors().get(0).field()).isEqualTo("file");
                });
    }

    @Test
    void aPartThatInflatesPastItsLimitIsRefusedWithoutBeingHeld() throws IOException {
        byte[] bomb = zip("xl/worksheets/sheet1.xml", new byte[1 << 20], 64);
        assertThat(bomb.length).isLessThan(200_000);
        refused(bomb, "workbook.too-large");
    }

    @Test
    void aDoctypeInAnyPartIsRefusedWhateverItsCaseOrWhereItFalls() throws IOException {
        refused(zip("xl/workbook.xml", "<?xml version=\"1.0\"?><!DocType x []><x/>".getBytes(StandardCharsets.UTF_8),
                1), "workbook.doctype");
        // across the scanner's buffer boundary
        byte[] padded = (" ".repeat(16 * 1024 - 4) + "<!DOCTYPE x>").getBytes(StandardCharsets.US_ASCII);
        refused(zip("xl/styles.xml", padded, 1), "workbook.doctype");
    }

    @Test
    void linksToOtherWorkbooksAreRefused() throws IOException {
        refused(zip("xl/externalLinks/externalLink1.xml", "<externalLink/>".getBytes(StandardCharsets.UTF_8), 1),
                "workbook.external-reference");
    }

    @Test
    void whatIsNoWorkbookIsRefused() {
        refused("name,amount\n".getBytes(StandardCharsets.UTF_8), "workbook.unreadable");
        refused(new byte[] {'P', 'K', 3, 4, 1, 2}, "workbook.unreadable");
    }

    @Test
    void anOrdinaryWorkbookPasses() throws IOException {
        WorkbookGuard.check(zip("xl/workbook.xml", "<workbook/>".getBytes(StandardCharsets.UTF_8), 1)).close();
    }
}
