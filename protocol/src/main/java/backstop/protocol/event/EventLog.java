package backstop.protocol.event;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** An in-memory sink that keeps every event; for tests and short runs. */
public final class EventLog implements EventSink {
    private final List<ProtocolEvent> events = new ArrayList<>();

    @Override
    public void accept(ProtocolEvent event) {
        events.add(event);
    }

    /** All events so far, in order. */
    public List<ProtocolEvent> events() {
        return Collections.unmodifiableList(events);
    }

    /** The events of one type, in order. */
    public <T extends ProtocolEvent> List<T> of(Class<T> type) {
        List<T> out = new ArrayList<>();
        for (ProtocolEvent e : events) {
            if (type.isInstance(e)) {
                out.add(type.cast(e));
            }
        }
        return out;
    }

    /** The event with this id, or null. */
    public ProtocolEvent byId(long id) {
        for (ProtocolEvent e : events) {
            if (e.id() == id) {
                return e;
            }
        }
        return null;
    }

    /** Forgets every event. */
    public void clear() {
        events.clear();
    }
}
