package backstop.protocol.book;

/**
 * The result of placing an order: its outcome, how much filled and how much now rests; the rest of the
 * order's size ({@code size - filledSize - restingSize}) was cancelled or rejected.
 */
public record PlaceResult(PlaceOutcome outcome, long filledSize, long restingSize) {

    /** Nothing filled and nothing rests. */
    static PlaceResult nothing(PlaceOutcome outcome) {
        return new PlaceResult(outcome, 0, 0);
    }
}
