package org.perfledger.query.plan;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.perfledger.kernel.money.WanYuan;
import org.perfledger.query.plan.PlanView.Line;
import org.perfledger.query.readmodel.RowJson;

/**
 * One of a project's sub-projects (子项目) as named, with what the 项目支出明细 line of the same name budgeted and spent.
 * Where there is none, {@code amount} is null and {@code amountNote} says why: the plan has no 明细 at all (its amount
 * is not printed), or none of its lines bears this name (a line named otherwise is not taken to be it).
 */
record SubProjectView(String name, WanYuan amount, WanYuan executed, String amountNote) {

    static final String NOT_PRINTED = "not printed";
    static final String NO_LINE = "no 明细 line of this name";

    /** The sub-projects the read model keeps (a JSON array of names), beside the plan's 明细 lines; null if none. */
    static List<SubProjectView> of(String json, List<Line> lines) {
        if (json == null) {
            return null;
        }
        Map<String, Line> byName = lines.stream().collect(Collectors.toMap(Line::name, Function.identity()));
        return List.of(RowJson.read(json, String[].class)).stream().map(name -> {
            Line line = byName.get(name);
            return line == null ? new SubProjectView(name, null, null, lines.isEmpty() ? NOT_PRINTED : NO_LINE)
                    : new SubProjectView(name, line.amount(), line.executed(), null);
        }).toList();
    }
}
