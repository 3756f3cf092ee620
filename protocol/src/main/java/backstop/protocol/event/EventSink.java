package backstop.protocol.event;

/** Receives every protocol event, in id order. */
@FunctionalInterface
public interface EventSink {
    /** Discards everything. */
    EventSink NONE = e -> { };

    void accept(ProtocolEvent event);
}
