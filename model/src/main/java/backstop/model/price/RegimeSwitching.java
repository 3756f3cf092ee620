package backstop.model.price;

import ec.util.MersenneTwisterFast;

/**
 * Two regimes (calm and stressed), each its own process, switching as a continuous-time Markov chain: in a
 * step of dt seconds the chain leaves its regime with probability 1 − exp(−q·dt/year), q the annual rate.
 */
public final class RegimeSwitching implements PriceProcess {
    private final PriceProcess calm;
    private final PriceProcess stressed;
    private final double calmToStress;
    private final double stressToCalm;
    private boolean inStress;

    public RegimeSwitching(PriceProcess calm, PriceProcess stressed, double calmToStressPerYear, double stressToCalmPerYear) {
        if (!(calmToStressPerYear >= 0) || !(stressToCalmPerYear >= 0)) {
            throw new IllegalArgumentException("regime switching: rates must be ≥ 0");
        }
        this.calm = calm;
        this.stressed = stressed;
        this.calmToStress = calmToStressPerYear;
        this.stressToCalm = stressToCalmPerYear;
    }

    @Override
    public double logReturn(double dt, double z, MersenneTwisterFast rng) {
        double rate = inStress ? stressToCalm : calmToStress;
        if (rng.nextDouble() < 1 - Math.exp(-rate * dt / YEAR)) {
            inStress = !inStress;
        }
        return (inStress ? stressed : calm).logReturn(dt, z, rng);
    }

    /** Whether the chain is in the stressed regime now. */
    public boolean inStress() {
        return inStress;
    }
}
