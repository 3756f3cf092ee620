package backstop.model.chain;

/**
 * EIP-1559-style gas pricing: the base fee moves by up to 1/8 per block toward the target use,
 * baseFee' = baseFee × (1 + (used − target) / target / 8), never below a floor; a scenario may multiply it
 * (a gas spike, Black Thursday's ~6x). A transaction costs gas × (base fee + its priority fee) gwei, converted
 * to quote at the native token's price; senders pay it whether the transaction succeeds or not.
 */
public final class GasMarket {
    private final long targetGas;
    private final double floorGwei;
    private double baseFeeGwei;
    private double spike = 1;

    public GasMarket(double initialBaseFeeGwei, double floorGwei, long targetGasPerBlock) {
        if (!(initialBaseFeeGwei >= floorGwei) || !(floorGwei > 0) || targetGasPerBlock <= 0) {
            throw new IllegalArgumentException("gas: need 0 < floor ≤ initial base fee and target gas > 0");
        }
        this.baseFeeGwei = initialBaseFeeGwei;
        this.floorGwei = floorGwei;
        this.targetGas = targetGasPerBlock;
    }

    /** The base fee now, including any scenario spike, in gwei. */
    public double baseFee() {
        return baseFeeGwei * spike;
    }

    /** Adjusts the base fee after a block that used {@code usedGas}. */
    public void afterBlock(long usedGas) {
        double change = (usedGas - targetGas) / (double) targetGas / 8.0;
        baseFeeGwei = Math.max(floorGwei, baseFeeGwei * (1 + change));
    }

    /** Multiplies the base fee by {@code factor} until changed again (1 = no spike). */
    public void setSpike(double factor) {
        if (!(factor > 0)) {
            throw new IllegalArgumentException("gas spike factor must be > 0, got " + factor);
        }
        this.spike = factor;
    }

    /** Quote cost of {@code gas} units at the current base fee plus {@code priorityFee}, native token at {@code nativePrice}. */
    public double cost(long gas, double priorityFee, double nativePrice) {
        return gas * (baseFee() + priorityFee) * 1e-9 * nativePrice;
    }

    public long targetGas() {
        return targetGas;
    }
}
