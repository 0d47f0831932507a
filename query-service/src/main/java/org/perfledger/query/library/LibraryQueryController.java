package org.perfledger.query.library;

import java.util.List;
import java.util.function.BiFunction;
import org.perfledger.kernel.performance.IndicatorCode;
import org.perfledger.kernel.security.Caller;
import org.perfledger.kernel.validation.InvalidValueException;
import org.perfledger.query.platform.NotFoundException;
import org.perfledger.query.platform.ReadAccess;
import org.perfledger.query.platform.TenantReads;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * District finance's indicator library (指标库): every indicator as it stands and how many plans picked it; one
 * indicator's versions and the plans that use it; and its benchmark across departments and years. A department's
 * staff see the library whole but only their own department's uses and figures.
 */
@RestController
class LibraryQueryController {

    private static final String LIBRARY = "/api/v1/districts/{district}/indicator-library";

    private final LibraryRows rows;
    private final TenantReads reads;
    private final ReadAccess access;

    LibraryQueryController(JdbcTemplate jdbc, TenantReads reads, ReadAccess access) {
        this.rows = new LibraryRows(jdbc);
        this.reads = reads;
        this.access = access;
    }

    record Detail(LibraryRows.Entry current, List<LibraryRows.Entry> versions, List<LibraryRows.Use> uses) {
    }

    record Benchmark(LibraryRows.Entry indicator, List<Benchmarking.Year> years) {
    }

    @GetMapping(LIBRARY)
    List<LibraryRows.Entry> library(@PathVariable("district") String district) {
        String department = scope(access.requireDistrict(district));
        return reads.inDistrict(district, () -> rows.current(district, department));
    }

    @GetMapping(LIBRARY + "/{code}")
    Detail indicator(@PathVariable("district") String district, @PathVariable("code") String code) {
        return read(district, code, (versions, uses) -> new Detail(versions.get(versions.size() - 1), versions, uses));
    }

    @GetMapping(LIBRARY + "/{code}/benchmark")
    Benchmark benchmark(@PathVariable("district") String district, @PathVariable("code") String code) {
        return read(district, code, (versions, uses) -> new Benchmark(versions.get(versions.size() - 1),
                Benchmarking.byYear(uses)));
    }

    /** One library indicator's versions and the uses the reader may see, shaped by {@code view}; 404 if none. */
    private <T> T read(String district, String code, BiFunction<List<LibraryRows.Entry>, List<LibraryRows.Use>, T> view) {
        String department = scope(access.requireDistrict(district));
        String wanted = code(code);
        return reads.inDistrict(district, () -> {
            List<LibraryRows.Entry> versions = rows.versions(district, wanted, department);
            if (versions.isEmpty()) {
                throw notFound(code);
            }
            return view.apply(versions, rows.uses(district, wanted, department));
        });
    }

    /** The department whose uses the reader sees, or null for the whole district. */
    private static String scope(Caller reader) {
        return reader.readsWholeDistrict() ? null : reader.department();
    }

    private static String code(String code) {
        try {
            return new IndicatorCode(code).value();
        } catch (InvalidValueException e) {
            throw notFound(code);
        }
    }

    private static NotFoundException notFound(String code) {
        return new NotFoundException("code", "library.not-found", "the district's indicator library has no "
                + (code.length() > 63 ? code.substring(0, 63) + "…" : code));
    }
}
