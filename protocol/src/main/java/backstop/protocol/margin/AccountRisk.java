package backstop.protocol.margin;

/**
 * An account's standing at the margin price: value = cash + Σ size × price, and the initial and maintenance
 * requirements Σ |notional| × fraction (each rounded up). All quote micros.
 */
public record AccountRisk(long value, long initialRequirement, long maintenanceRequirement) {

    /** value / maintenance requirement; +∞ with no requirement. Liquidatable below 1, bankrupt below 0. */
    public double health() {
        return maintenanceRequirement == 0 ? Double.POSITIVE_INFINITY : value / (double) maintenanceRequirement;
    }

    /** Below maintenance margin. */
    public boolean liquidatable() {
        return value < maintenanceRequirement;
    }

    /** Value below zero: closing everything at this price leaves a deficit. */
    public boolean bankrupt() {
        return value < 0;
    }

    /** Value above initial requirement, available to withdraw or to back new risk. */
    public long freeCollateral() {
        return value - initialRequirement;
    }
}
