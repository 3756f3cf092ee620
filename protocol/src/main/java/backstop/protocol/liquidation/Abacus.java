package backstop.protocol.liquidation;

/**
 * How a Dutch auction's price decays from its start price {@code top} (MakerDAO LIQ-2.0 "abacus", MECHANISMS §6):
 * linear over {@code tau}, stairstep exponential ({@code cut} every {@code step} seconds) or exponential
 * ({@code cut} per second). Prices are ticks; like Maker's abaci, every result is rounded down.
 */
public interface Abacus {
    /** Short name for configs and events. */
    String name();

    /** The price in ticks after {@code elapsedSeconds} (≥ 0) of an auction that started at {@code top} ticks. */
    long price(long top, long elapsedSeconds);
}
