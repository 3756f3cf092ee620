package backstop.protocol.governance;

import backstop.protocol.context.ProtocolContext;
import backstop.protocol.event.ProtocolEvent;

/**
 * Bad debt (sum of {@code bad_debt} event amounts, quote micros) over the last {@code blocks} blocks,
 * the current one included. It starts listening to the protocol's events the first time it is read, i.e. at
 * the controller's first end of block, after that block's liquidations: bad debt before then is not counted.
 */
public final class BadDebtWindow implements Observable {
    private final int blocks;
    private final long[] amount;
    private final long[] blockOf;
    private boolean listening;

    /** @param blocks length of the window in blocks (≥ 1) */
    public BadDebtWindow(int blocks) {
        if (blocks < 1) {
            throw new IllegalArgumentException("blocks: must be ≥ 1, got " + blocks);
        }
        this.blocks = blocks;
        this.amount = new long[blocks];
        this.blockOf = new long[blocks];
        java.util.Arrays.fill(blockOf, Long.MIN_VALUE);
    }

    @Override
    public String name() {
        return "bad_debt_" + blocks + "_blocks";
    }

    @Override
    public long observe(ProtocolContext ctx) {
        if (!listening) {
            listening = true;
            ctx.events().addListener(e -> {
                if (e instanceof ProtocolEvent.BadDebt b) {
                    record(b.block(), b.amount());
                }
            });
        }
        long now = ctx.block();
        long sum = 0;
        for (int i = 0; i < blocks; i++) {
            if (blockOf[i] > now - blocks && blockOf[i] <= now) {
                sum = Math.addExact(sum, amount[i]);
            }
        }
        return sum;
    }

    private void record(long block, long micros) {
        int slot = (int) Math.floorMod(block, (long) blocks);
        if (blockOf[slot] != block) {
            blockOf[slot] = block;
            amount[slot] = 0;
        }
        amount[slot] = Math.addExact(amount[slot], micros);
    }
}
