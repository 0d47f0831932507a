package org.perfledger.kernel.plan;

import java.util.List;
import org.perfledger.kernel.validation.Labelled;

/** 项目属性: a project carried on from earlier years, or new this year. */
public enum ProjectAttribute implements Labelled {
    CONTINUING("持续性项目"),
    NEW("新增性项目");

    private final String label;

    ProjectAttribute(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }

    @Override
    public List<String> aliases() {
        return List.of(label.substring(0, 3), label.substring(0, 2));
    }
}
