package backstop.protocol.event;

import java.util.ArrayList;
import java.util.List;

/**
 * Hands out event ids in order and forwards events to the sink, then to internal listeners (circuit
 * breakers); knows the current block. A listener may emit events of its own: they follow in id order.
 */
public final class EventBus {
    private final EventSink sink;
    private final List<EventSink> listeners = new ArrayList<>();
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
        for (int i = 0; i < listeners.size(); i++) {
            listeners.get(i).accept(event);
        }
        return event.id();
    }

    /** Adds an internal listener told of every event after the sink. */
    public void addListener(EventSink listener) {
        listeners.add(listener);
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
