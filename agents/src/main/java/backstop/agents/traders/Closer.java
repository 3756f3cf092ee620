package backstop.agents.traders;

import backstop.protocol.book.Side;
import backstop.protocol.tx.Tx;
import backstop.protocol.tx.TxReceipt;

import java.util.function.Consumer;

/**
 * How a trader closes a position: one close order at a time, reading its receipt. After a close that filled nothing
 * (the book was empty, the transaction expired or could not pay its gas) the trader waits 1, 2, 4, … up to
 * {@value #MAX_BACKOFF_WAKES} wakes before trying again, as a person would, rather than re-sending into an empty book
 * every wake.
 */
final class Closer {
    /** The longest a trader waits, in wakes, after closes that filled nothing. */
    static final int MAX_BACKOFF_WAKES = 64;

    /** Sends a transaction for the trader; true when it was sent. */
    interface Sender {
        boolean send(Tx tx, Consumer<TxReceipt> onReceipt);
    }

    private boolean pending;
    private int unfilledInARow;
    private int wakesToWait;
    private long sent;
    private long unfilled;

    /** At a wake: sends a close of the whole {@code size} (signed lots) unless one is pending or the trader waits. */
    void close(int account, int market, long size, Sender sender) {
        if (pending || size == 0) {
            return;
        }
        if (wakesToWait > 0) {
            wakesToWait--;
            return;
        }
        Side side = size > 0 ? Side.SELL : Side.BUY;
        pending = sender.send(Tx.PlaceOrder.close(account, market, side, Math.abs(size)), this::closed);
        sent += pending ? 1 : 0;
    }

    private void closed(TxReceipt receipt) {
        pending = false;
        unfilledInARow = receipt.filled() > 0 ? 0 : unfilledInARow + 1;
        unfilled += unfilledInARow == 0 ? 0 : 1;
        wakesToWait = unfilledInARow == 0 ? 0 : Math.min(MAX_BACKOFF_WAKES, 1 << Math.min(30, unfilledInARow - 1));
    }

    /** Closes sent so far. */
    long sent() {
        return sent;
    }

    /** Closes whose receipt showed nothing filled. */
    long unfilled() {
        return unfilled;
    }
}
