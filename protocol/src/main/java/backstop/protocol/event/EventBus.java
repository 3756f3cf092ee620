package backstop.protocol.event;

/** Hands out event ids in order and forwards events to the sink; knows the current block. */
public final class EventBus {
    private final EventSink sink;
    private long lastId;
    private long block;

    public EventBus(EventSink sink) {
        this.sink = sink;
    }

    /** The id for the event about to be emitted; emit it before asking for the next one. */
    public long nextId() {
        return ++lastId;
    }

    /** Sends an event built with {@link #nextId()}; returns its id. */
    public long emit(ProtocolEvent event) {
        if (event.id() != lastId) {
            throw new IllegalStateException("events must be emitted in id order: expected " + lastId + ", got " + event.id());
        }
        sink.accept(event);
        return event.id();
    }

    public long block() {
        return block;
    }

    public void setBlock(long block) {
        this.block = block;
    }

    /** Id of the latest event (0 before any). */
    public long lastId() {
        return lastId;
    }
}
