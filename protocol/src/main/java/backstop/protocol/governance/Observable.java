package backstop.protocol.governance;

import backstop.protocol.context.ProtocolContext;

/**
 * A quantity a governance controller watches, read at the end of a block in the units its implementation
 * documents (ppm for ratios, quote micros for amounts). Reading it twice in one block gives the same value.
 */
public interface Observable {
    /** Returned when the quantity is undefined now (e.g. a ratio to zero open interest): controllers hold. */
    long NONE = Long.MIN_VALUE;

    /** Short name, for configs and messages. */
    String name();

    /** The value now, or {@link #NONE}. */
    long observe(ProtocolContext ctx);
}
