package org.perfledger.kernel.plan;

import java.util.List;
import org.perfledger.kernel.validation.Labelled;

/** 项目类型: recurring every year, running over several years, or once. */
public enum ProjectType implements Labelled {
    RECURRING("常年性项目"),
    MULTI_YEAR("延续性项目"),
    ONE_OFF("一次性项目");

    private final String label;

    ProjectType(String label) {
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
