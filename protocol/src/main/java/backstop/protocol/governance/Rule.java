package backstop.protocol.governance;

/**
 * One if-then governance rule: when {@code observable} is strictly {@link Comparison#BELOW} or
 * {@link Comparison#ABOVE} {@code threshold}, apply {@code action} to {@code parameter}, at most once per
 * {@code cooldownBlocks} blocks (counted from the last change it made).
 *
 * @param label          short name for messages, e.g. {@code raise-margin-on-low-insurance}
 * @param observable     what it watches
 * @param when           which side of the threshold fires it
 * @param threshold      in the observable's units
 * @param parameter      registered parameter name, e.g. {@code margin.scale_ppm}
 * @param action         what it does to the parameter
 * @param cooldownBlocks blocks after a change before the rule may change it again (≥ 0)
 */
public record Rule(String label, Observable observable, Comparison when, long threshold, String parameter,
                   RuleAction action, long cooldownBlocks) {

    /** Which side of the threshold makes the rule fire. */
    public enum Comparison {
        BELOW, ABOVE;

        /** Whether {@code observed} is strictly on this side of {@code threshold}. */
        public boolean holds(long observed, long threshold) {
            return this == BELOW ? observed < threshold : observed > threshold;
        }
    }

    public Rule {
        if (observable == null || when == null || parameter == null || action == null) {
            throw new IllegalArgumentException("rule '" + label + "': observable, when, parameter and action are required");
        }
        if (cooldownBlocks < 0) {
            throw new IllegalArgumentException("rule '" + label + "' cooldownBlocks: must be ≥ 0, got " + cooldownBlocks);
        }
    }
}
