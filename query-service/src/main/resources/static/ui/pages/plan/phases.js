// The phases in which the plan page offers an action. The command service's PlanLifecycle holds the rule; the page
// offers an action only where it would be taken.

// statements of fact (headcounts, sub-projects, overall goals): until the self-evaluation that reports them is in
export const STATING = ['DRAFTING', 'TARGETS_SUBMITTED', 'IN_EXECUTION', 'CLOSED', 'SELF_EVALUATION_RETURNED'];
// what the year brought (completions, spending by funding source): from execution until the self-evaluation is in
export const REPORTING = ['IN_EXECUTION', 'CLOSED', 'SELF_EVALUATION_RETURNED'];
