package org.perfledger.kernel.organisation;

import java.util.List;
import org.perfledger.kernel.validation.Labelled;

/**
 * The headcounts a department's self-evaluation states in its 基本情况 (天心 2020: 在职人员 168 人，其中行政编制 108 人，
 * 事业参公编制 7 人，非参公事业人员 53 人，离休人员 1 人，编外人员 92 人). The three establishments are the parts of 在职人员.
 */
public enum StaffCategory implements Labelled {
    IN_SERVICE("在职人员", false),
    ADMINISTRATIVE("行政编制", true),
    PUBLIC_SERVICE_MANAGED("事业参公编制", true),
    OTHER_INSTITUTION("非参公事业人员", true),
    RETIRED_VETERAN("离休人员", false),
    RETIRED("退休人员", false),
    OUTSIDE_ESTABLISHMENT("编外人员", false);

    private final String label;
    private final boolean partOfInService;

    StaffCategory(String label, boolean partOfInService) {
        this.label = label;
        this.partOfInService = partOfInService;
    }

    @Override
    public String label() {
        return label;
    }

    /** Whether it is one of the parts 在职人员 is made of. */
    public boolean partOfInService() {
        return partOfInService;
    }

    @Override
    public List<String> aliases() {
        return switch (this) {
            case ADMINISTRATIVE -> List.of("行政编制人员");
            case PUBLIC_SERVICE_MANAGED -> List.of("事业参公编制人员", "参公事业编制");
            case OUTSIDE_ESTABLISHMENT -> List.of("编外");
            default -> List.of();
        };
    }
}
