package backstop.model.oracle;

import java.util.ArrayDeque;
import java.util.function.DoubleSupplier;

/**
 * One oracle source (a venue feed or a Chainlink-style node): it samples a price, publishes when the price has
 * moved more than {@code deviation} since its last publication or when {@code heartbeat} seconds have passed,
 * and each publication reaches the aggregator {@code delay} seconds later.
 */
public final class OracleSource {
    private final String name;
    private final double weight;
    private final DoubleSupplier venue;
    private final double deviation;
    private final double heartbeat;
    private final double delay;
    private final ArrayDeque<double[]> inFlight = new ArrayDeque<>();
    private double lastPublished = Double.NaN;
    private double lastPublishTime = Double.NEGATIVE_INFINITY;
    private double delivered = Double.NaN;
    private double deliveredAt = Double.NEGATIVE_INFINITY;

    public OracleSource(String name, double weight, DoubleSupplier venue, double deviation, double heartbeat, double delay) {
        if (!(weight > 0) || !(deviation >= 0) || !(heartbeat > 0) || !(delay >= 0)) {
            throw new IllegalArgumentException("oracle source " + name + ": need weight > 0, deviation ≥ 0, heartbeat > 0, delay ≥ 0");
        }
        this.name = name;
        this.weight = weight;
        this.venue = venue;
        this.deviation = deviation;
        this.heartbeat = heartbeat;
        this.delay = delay;
    }

    /** Samples the venue at {@code now} and publishes if the deviation or heartbeat rule says so. */
    public void sample(double now) {
        double p = venue.getAsDouble();
        boolean moved = Double.isNaN(lastPublished) || Math.abs(p / lastPublished - 1) > deviation;
        if (moved || now - lastPublishTime >= heartbeat) {
            lastPublished = p;
            lastPublishTime = now;
            inFlight.addLast(new double[] {now + delay, p});
        }
        while (!inFlight.isEmpty() && inFlight.peekFirst()[0] <= now) {
            double[] d = inFlight.pollFirst();
            delivered = d[1];
            deliveredAt = d[0];
        }
    }

    /** The latest publication that has arrived, NaN before any. */
    public double delivered() {
        return delivered;
    }

    /** When that publication arrived. */
    public double deliveredAt() {
        return deliveredAt;
    }

    public String name() {
        return name;
    }

    public double weight() {
        return weight;
    }
}
