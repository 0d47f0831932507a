package org.perfledger.kernel.warning;

import java.math.BigDecimal;
import java.util.Objects;
import org.perfledger.kernel.money.Percentage;

/**
 * District finance's thresholds of the year's monitoring warnings, in percentage points: a plan or an indicator
 * behind time by more than {@code yellow} shows 黄灯, by more than {@code red} 红灯. {@link #DEFAULT} (5 and 10)
 * stands where finance has set none; 10 is also the margin past which the dashboard has always said that spending
 * trails the year.
 */
public record MonitoringThresholds(Percentage yellow, Percentage red) {

    public static final MonitoringThresholds DEFAULT = new MonitoringThresholds(new Percentage(BigDecimal.valueOf(5)),
            new Percentage(BigDecimal.TEN));

    public MonitoringThresholds {
        Objects.requireNonNull(yellow, "yellow");
        Objects.requireNonNull(red, "red");
    }

    /** The light of something {@code behind} percentage points behind where it should be (negative: ahead). */
    public TrafficLight light(BigDecimal behind) {
        if (behind.compareTo(red.value()) > 0) {
            return TrafficLight.RED;
        }
        return behind.compareTo(yellow.value()) > 0 ? TrafficLight.YELLOW : TrafficLight.GREEN;
    }
}
