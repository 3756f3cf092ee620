package backstop.model.agent;

import ec.util.MersenneTwisterFast;

/**
 * A generator whose uniform draws all sit at one end of [0, 1) and whose Gaussian draws lie far in one tail, so
 * that every parameter distribution yields its lowest (or its highest) value. {@link AgentFactory#check} builds a
 * population at both ends to find, before a run, any value its agents would refuse.
 */
final class ExtremeDraws extends MersenneTwisterFast {
    private static final long serialVersionUID = 1L;
    private final boolean high;

    ExtremeDraws(boolean high) {
        super(0);
        this.high = high;
    }

    @Override
    public double nextDouble() {
        return high ? Math.nextDown(1.0) : 0.0;
    }

    @Override
    public double nextGaussian() {
        return high ? 1e3 : -1e3;
    }
}
