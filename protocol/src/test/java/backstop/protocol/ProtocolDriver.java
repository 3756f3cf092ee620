package backstop.protocol;

import backstop.protocol.book.Side;
import backstop.protocol.tx.Tx;
import backstop.protocol.tx.TxReceipt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Drives a protocol through time for tests: it starts block 1 at time 0, and each {@link #nextBlock} ends the
 * block and starts the next one later. {@link #cross} makes exactly one fill at a price. The test fixtures share it.
 */
public final class ProtocolDriver {
    private final Protocol p;
    private long block = 1;
    private long time;

    /** Starts block 1 at time 0 on {@code p}. */
    public ProtocolDriver(Protocol p) {
        this.p = p;
        p.beginBlock(block, time);
    }

    /** Ends this block and starts the next one {@code seconds} later. */
    public void nextBlock(long seconds) {
        p.endBlock();
        block++;
        time += seconds;
        p.beginBlock(block, time);
    }

    /** The block now open. */
    public long block() {
        return block;
    }

    /** The time (s) of the block now open. */
    public long time() {
        return time;
    }

    /** The seller rests a limit sell and the buyer takes it with an IOC buy: one fill of {@code lots} at {@code ticks}. */
    public void cross(int buyer, int seller, int market, long ticks, long lots) {
        TxReceipt rest = p.submit(Tx.PlaceOrder.limit(seller, market, Side.SELL, ticks, lots));
        assertTrue(rest.ok(), () -> "maker order refused: " + rest);
        TxReceipt take = p.submit(Tx.PlaceOrder.ioc(buyer, market, Side.BUY, ticks, lots));
        assertTrue(take.ok(), () -> "taker order refused: " + take);
        assertEquals(lots, take.filled(), "taker filled");
    }
}
