package org.perfledger.command.budget;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.perfledger.command.budget.BudgetController.ItemRequest;
import org.perfledger.command.platform.RequestFields;
import org.perfledger.kernel.budget.BudgetLine;
import org.perfledger.kernel.money.WanYuan;
import org.perfledger.kernel.validation.Labelled;

/** The budget requests' repeated fields: amounts by funding source or class, and named amounts. */
final class BudgetFields {

    private BudgetFields() {
    }

    /** Named amounts (budget lines, an adjustment's parts), each checked where it stands: {@code field[i].name}. */
    static <T> List<T> items(RequestFields fields, String field, List<ItemRequest> given,
                             BiFunction<String, WanYuan, T> item) {
        List<T> items = new ArrayList<>();
        for (int i = 0; i < given.size(); i++) {
            String at = field + "[" + i + "]";
            String name = fields.text(at + ".name", given.get(i).name(), BudgetLine.MAX_NAME_LENGTH);
            WanYuan amount = fields.parse(at + ".amount", given.get(i).amount(), WanYuan::parseNonNegative);
            if (name != null && amount != null) {
                items.add(item.apply(name, amount));
            }
        }
        return items;
    }

    /** Amounts by funding source or class ({@code {"一般公共预算财政拨款": "149.60"}}), none below 0. */
    static <E extends Enum<E> & Labelled> Map<E, WanYuan> amounts(
            RequestFields fields, String field, Map<String, String> given, Class<E> type) {
        return fields.byLabel(field, given, type, WanYuan::parseNonNegative);
    }
}
