package backstop.protocol.book;

import java.util.ArrayList;
import java.util.List;

/** Records every matching callback (and, through {@link #watching}, every guard call) as a comparable value. */
final class RecordingSink implements FillSink {

    record Fill(long makerOrderId, int makerAccount, long takerOrderId, int takerAccount, Side takerSide,
                long price, long size, long makerRemaining) {
    }

    record Removed(long orderId, int account, Side side, long price, long remainingSize, RemovalReason reason) {
    }

    record GuardCall(long makerOrderId, int makerAccount, int takerAccount, Side takerSide, long price, long size,
                     FillVerdict verdict) {
    }

    final List<Object> events = new ArrayList<>();

    @Override
    public void onFill(long makerOrderId, int makerAccount, long takerOrderId, int takerAccount, Side takerSide,
                       long price, long size, long makerRemaining) {
        events.add(new Fill(makerOrderId, makerAccount, takerOrderId, takerAccount, takerSide, price, size,
                            makerRemaining));
    }

    @Override
    public void onMakerRemoved(long orderId, int account, Side side, long price, long remainingSize,
                               RemovalReason reason) {
        events.add(new Removed(orderId, account, side, price, remainingSize, reason));
    }

    /** A guard that asks {@code inner} and records the question and the answer among the events. */
    FillGuard watching(FillGuard inner) {
        return (makerOrderId, makerAccount, takerAccount, takerSide, price, size) -> {
            FillVerdict verdict = inner.check(makerOrderId, makerAccount, takerAccount, takerSide, price, size);
            events.add(new GuardCall(makerOrderId, makerAccount, takerAccount, takerSide, price, size, verdict));
            return verdict;
        };
    }

    List<Fill> fills() {
        return events.stream().filter(Fill.class::isInstance).map(Fill.class::cast).toList();
    }

    List<Removed> removals() {
        return events.stream().filter(Removed.class::isInstance).map(Removed.class::cast).toList();
    }
}
