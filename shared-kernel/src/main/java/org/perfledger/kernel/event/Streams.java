package org.perfledger.kernel.event;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.perfledger.kernel.organisation.DepartmentCode;
import org.perfledger.kernel.organisation.DepartmentId;
import org.perfledger.kernel.organisation.DistrictId;
import org.perfledger.kernel.organisation.FiscalYear;
import org.perfledger.kernel.performance.IndicatorCode;
import org.perfledger.kernel.plan.PlanId;
import org.perfledger.kernel.scoring.EvaluationKind;

/**
 * The event streams (aggregate ids) of PerfLedger, and which of them a view of a district, a department, a year or a
 * plan rests on. Writers name their streams here; readers of the event store (replays, exports, the event log) select
 * by the same names.
 *
 * <ul>
 *   <li>{@code district:<d>}: the district's onboarding</li>
 *   <li>{@code <d>/<department>}: a department's registration</li>
 *   <li>{@code <d>/<department>/<year>/department} and {@code …/<year>/projects/<code>}: the plans</li>
 *   <li>{@code calendar:<d>:<year>}: finance's reporting calendar</li>
 *   <li>{@code scheme:<d>:<year>:<KIND>}: finance's scoring scheme of a kind</li>
 *   <li>{@code scheme:<d>:<year>:EX_ANTE}: finance's scheme of ex-ante assessments (事前绩效评估)</li>
 *   <li>{@code scheme:<d>:<year>:WARNING}: finance's thresholds of monitoring warnings (预警阈值)</li>
 *   <li>{@code scheme:<d>:<year>:RESULTS}: finance's rules of using the year's results (评价结果应用)</li>
 *   <li>{@code library:<d>:<code>}: an indicator of finance's indicator library (指标库)</li>
 * </ul>
 */
public final class Streams {

    private Streams() {
    }

    /** Not a department's stream: its key cannot be mistaken for a department code. */
    public static String district(DistrictId district) {
        return "district:" + district;
    }

    public static String department(DepartmentId department) {
        return department.streamKey();
    }

    public static String plan(PlanId plan) {
        return plan.aggregateId();
    }

    public static String calendar(DistrictId district, FiscalYear year) {
        return "calendar:" + district + ":" + year;
    }

    public static String scheme(DistrictId district, FiscalYear year, EvaluationKind kind) {
        return "scheme:" + district + ":" + year + ":" + kind.name();
    }

    /** Among the year's schemes, so every scope that takes in the year's scoring schemes takes it in too. */
    public static String assessmentScheme(DistrictId district, FiscalYear year) {
        return "scheme:" + district + ":" + year + ":EX_ANTE";
    }

    /** Among the year's schemes too: every view of the year's plans takes in the lights they are shown under. */
    public static String warningScheme(DistrictId district, FiscalYear year) {
        return "scheme:" + district + ":" + year + ":WARNING";
    }

    /** Among the year's schemes too: every view of the year's plans takes in the rules their proposals follow. */
    public static String resultsScheme(DistrictId district, FiscalYear year) {
        return "scheme:" + district + ":" + year + ":RESULTS";
    }

    public static String libraryIndicator(DistrictId district, IndicatorCode code) {
        return "library:" + district + ":" + code;
    }

    /**
     * The streams a view rests on: a district's whole record; a department's (its registration, its plans of every
     * year, and the district's calendars and schemes its scores depend on); a year's (every department and its plans
     * of that year, that year's calendar and schemes); a department-year's; one plan's. The district's onboarding is
     * in every scope; its indicator library only in the whole record (a plan's indicator holds what it took from it).
     *
     * @param department null for all departments
     * @param year       null for all years
     * @param planKey    {@code department} or a project code, within a department and a year; null for all plans
     */
    public record Scope(DistrictId district, DepartmentCode department, FiscalYear year, String planKey) {

        public Scope {
            Objects.requireNonNull(district, "district");
            if (planKey != null && (department == null || year == null)) {
                throw new IllegalArgumentException("a plan is named within a department and a year");
            }
        }

        public static Scope district(DistrictId district) {
            return new Scope(district, null, null, null);
        }

        public static Scope year(DistrictId district, FiscalYear year) {
            return new Scope(district, null, year, null);
        }

        public static Scope department(DepartmentId department) {
            return new Scope(department.district(), department.code(), null, null);
        }

        public static Scope departmentYear(DepartmentId department, FiscalYear year) {
            return new Scope(department.district(), department.code(), year, null);
        }

        public static Scope plan(PlanId plan) {
            return new Scope(plan.district(), plan.department().code(), plan.year(),
                    plan.departmentWide() ? PlanId.DEPARTMENT_WIDE : plan.project());
        }

        /**
         * What to read from the store: stream ids, exactly or as a prefix. Every stream of the scope is matched; a
         * match may also take in streams outside it, which {@link #contains} then leaves out.
         */
        public List<Match> matches() {
            List<Match> matches = new ArrayList<>();
            matches.add(Match.exactly(Streams.district(district)));
            String d = district.value();
            if (department == null) {
                matches.add(Match.prefix(d + "/"));
            } else {
                matches.add(Match.exactly(d + "/" + department.value()));
                if (year == null) {
                    matches.add(Match.prefix(d + "/" + department.value() + "/"));
                } else if (planKey == null) {
                    matches.add(Match.prefix(d + "/" + department.value() + "/" + year + "/"));
                } else {
                    matches.add(Match.exactly(d + "/" + department.value() + "/" + year + "/"
                            + (planKey.equals(PlanId.DEPARTMENT_WIDE) ? planKey : "projects/" + planKey)));
                }
            }
            if (department == null && year == null) {
                matches.add(Match.prefix("library:" + d + ":"));
            }
            if (year == null) {
                matches.add(Match.prefix("calendar:" + d + ":"));
                matches.add(Match.prefix("scheme:" + d + ":"));
            } else {
                matches.add(Match.exactly(Streams.calendar(district, year)));
                matches.add(Match.prefix("scheme:" + d + ":" + year + ":"));
            }
            return matches;
        }

        /** Whether the stream belongs to this scope. */
        public boolean contains(String streamId) {
            String d = district.value();
            if (streamId.equals(Streams.district(district))) {
                return true;
            }
            String[] calendarOrScheme = streamId.split(":", -1);
            if (calendarOrScheme.length == 3 && calendarOrScheme[0].equals("library")) {
                return calendarOrScheme[1].equals(d) && department == null && year == null;
            }
            if (calendarOrScheme.length >= 3 && (calendarOrScheme[0].equals("calendar")
                    || calendarOrScheme[0].equals("scheme"))) {
                return calendarOrScheme[1].equals(d)
                        && (year == null || calendarOrScheme[2].equals(year.toString()));
            }
            String[] parts = streamId.split("/", -1);
            if (parts.length < 2 || !parts[0].equals(d)
                    || department != null && !parts[1].equals(department.value())) {
                return false;
            }
            if (parts.length == 2) {
                return true; // a department's registration
            }
            if (year != null && !parts[2].equals(year.toString())) {
                return false;
            }
            if (planKey == null) {
                return true;
            }
            String key = parts.length == 4 ? parts[3] : parts.length == 5 ? parts[4] : null;
            return planKey.equals(key) && (parts.length == 4) == planKey.equals(PlanId.DEPARTMENT_WIDE);
        }
    }

    /** A stream id to read, exactly or every id that starts with it. */
    public record Match(String value, boolean prefix) {

        public static Match exactly(String value) {
            return new Match(value, false);
        }

        public static Match prefix(String value) {
            return new Match(value, true);
        }

        /** The value as a SQL LIKE pattern (escape character {@code \}) for a prefix, or as it is. */
        public String likePattern() {
            String escaped = value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
            return prefix ? escaped + "%" : escaped;
        }
    }
}
