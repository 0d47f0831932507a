package org.perfledger.command.budget;

import java.util.ArrayList;
import java.util.LinkedHashMap;
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

    static <E extends Enum<E> & Labelled> Map<E, WanYuan> amounts(
            RequestFields fields, String field, Map<String, String> given, Class<E> type) {
        Map<E, WanYuan> amounts = new LinkedHashMap<>();
        if (given == null) {
            return amounts;
        }
        given.forEach((key, value) -> {
            E parsed = fields.label(field, key, type);
            WanYuan amount = fields.parse(field + "." + key, value, WanYuan::parseNonNegative);
            if (parsed != null && amount != null && amounts.put(parsed, amount) != null) {
                fields.reject(field + "." + key, "duplicate", key + " is given twice under " + field);
            }
        });
        return amounts;
    }
}
