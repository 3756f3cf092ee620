package backstop.model.price;

import ec.util.MersenneTwisterFast;

import java.util.List;

/**
 * The reference prices of several assets moving together: each step draws correlated shocks from the
 * environment stream and lets each asset's process turn its shock into a log-return.
 */
public final class ExogenousPrices {
    private final List<PriceProcess> processes;
    private final CorrelatedShocks shocks;
    private final MersenneTwisterFast rng;
    private final double[] price;
    private final double[] z;

    public ExogenousPrices(List<PriceProcess> processes, double[][] correlation, double[] initial, MersenneTwisterFast rng) {
        if (processes.size() != initial.length || correlation.length != initial.length) {
            throw new IllegalArgumentException("prices: processes, correlation and initial prices must have the same size");
        }
        for (double p : initial) {
            if (!(p > 0)) {
                throw new IllegalArgumentException("prices: initial prices must be > 0, got " + p);
            }
        }
        this.processes = List.copyOf(processes);
        this.shocks = new CorrelatedShocks(correlation);
        this.rng = rng;
        this.price = initial.clone();
        this.z = new double[initial.length];
    }

    /** Advances every asset by {@code dt} seconds. */
    public void step(double dt) {
        shocks.draw(rng, z);
        for (int i = 0; i < price.length; i++) {
            price[i] *= Math.exp(processes.get(i).logReturn(dt, z[i], rng));
        }
    }

    /** Applies an immediate shock to one asset: its price is multiplied by {@code factor} (e.g. 0.8 for −20%). */
    public void shock(int asset, double factor) {
        if (!(factor > 0)) {
            throw new IllegalArgumentException("shock factor must be > 0, got " + factor);
        }
        price[asset] *= factor;
    }

    public double price(int asset) {
        return price[asset];
    }

    public int assets() {
        return price.length;
    }
}
