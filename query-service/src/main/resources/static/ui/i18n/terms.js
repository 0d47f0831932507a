/**
 * The kernel's vocabulary in English (its Chinese names come from the query API's /api/v1/vocabulary, from the kernel's
 * own types). A test holds this list to every code the vocabulary has.
 */
export const englishTerms = {
  fundingSource: { GENERAL_PUBLIC_BUDGET: 'General public budget', GOVERNMENT_FUND: 'Government fund budget',
    UPPER_LEVEL_TRANSFER: 'Upper-level transfer', PRIOR_YEAR_CARRYOVER: 'Carried over from last year', OTHER: 'Other funds' },
  expenditureClass: { PERSONNEL: 'Personnel', PUBLIC_FUNDS: 'Running costs', BASIC: 'Basic spending (not divided)',
    PROJECT: 'Project spending' },
  adjustmentKind: { SUPPLEMENT: 'Supplement', REDUCTION: 'Reduction', UPPER_LEVEL_TRANSFER: 'Upper-level transfer',
    CARRYOVER: 'Carry-over' },
  projectCategory: { DEPARTMENT_BUDGET: 'Department budget project', SPECIAL_FUND: 'Special fiscal fund' },
  projectAttribute: { CONTINUING: 'Continuing', NEW: 'New' },
  projectType: { RECURRING: 'Recurring', MULTI_YEAR: 'Multi-year', ONE_OFF: 'One-off' },
  level1: { OUTPUT: 'Output', EFFECT: 'Effect', SATISFACTION: 'Satisfaction', COST: 'Cost', MANAGEMENT: 'Internal management',
    DUTIES: 'Duties' },
  level2: { QUANTITY: 'Quantity', QUALITY: 'Quality', TIMELINESS: 'Timeliness', COST: 'Cost', ECONOMIC: 'Economic effect',
    SOCIAL: 'Social effect', ECOLOGICAL: 'Ecological effect', SUSTAINABLE: 'Sustainable impact',
    SERVICE_SATISFACTION: 'Satisfaction of those served', FINANCIAL_MANAGEMENT: 'Financial management',
    PERSONNEL_MANAGEMENT: 'Personnel management', ASSET_MANAGEMENT: 'Asset management', OTHER_MANAGEMENT: 'Other management',
    DUTY_PERFORMANCE: 'Performance of duties' },
  achievement: { ACHIEVED: 'Achieved', PARTIALLY_ACHIEVED: 'Partly achieved', NOT_ACHIEVED: 'Not achieved' },
  direction: { HIGHER_IS_BETTER: 'Higher is better', LOWER_IS_BETTER: 'Lower is better' },
  staffCategory: { IN_SERVICE: 'Staff in service', ADMINISTRATIVE: 'Administrative establishment',
    PUBLIC_SERVICE_MANAGED: 'Institution staff managed as civil servants', OTHER_INSTITUTION: 'Other institution staff',
    RETIRED_VETERAN: 'Retired veteran cadres', RETIRED: 'Retired staff', OUTSIDE_ESTABLISHMENT: 'Staff outside the establishment' },
  grade: { EXCELLENT: 'Excellent', GOOD: 'Good', FAIR: 'Fair', POOR: 'Poor' },
  phase: { DRAFTING: 'Drafting targets', TARGETS_SUBMITTED: 'Targets submitted', IN_EXECUTION: 'In execution',
    CLOSED: 'Year closed', SELF_EVALUATION_SUBMITTED: 'Self-evaluation submitted',
    SELF_EVALUATION_RETURNED: 'Self-evaluation returned', SELF_EVALUATION_ACCEPTED: 'Self-evaluation accepted',
    PUBLISHED: 'Published' },
};
