package io.flowhub.bench;

/**
 * One repetition of a scenario: the project's figure and its baseline's, measured one right after
 * the other, each with the conditions it ran under.
 */
record Repetition(double project, double baseline, Conditions projectConditions, Conditions baselineConditions) {

    double ratio() {
        return project / Math.max(baseline, 1e-3);
    }

    /** @return whether either side ran under foreign load; such a repetition is kept but not counted */
    boolean foreignLoad() {
        return projectConditions.foreignLoad() || baselineConditions.foreignLoad();
    }
}
