package org.perfledger.kernel.warning;

import org.perfledger.kernel.validation.Labelled;

/**
 * How a plan or an indicator stands during the year (绩效运行监控预警): 绿灯 on course, 黄灯 behind by more than
 * finance's yellow threshold, 红灯 behind by more than its red one.
 */
public enum TrafficLight implements Labelled {
    GREEN("绿灯"),
    YELLOW("黄灯"),
    RED("红灯");

    private final String label;

    TrafficLight(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
