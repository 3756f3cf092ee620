package backstop.protocol.parameters;

import backstop.protocol.event.EventBus;
import backstop.protocol.event.ProtocolEvent;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The registry of a protocol's tunable parameters, in definition order. Every change is clamped to the
 * parameter's bounds and emitted as a {@code parameter_changed} event naming who made it.
 */
public final class Parameters {
    private final Map<String, Parameter> byName = new LinkedHashMap<>();
    private final List<ParameterListener> listeners = new ArrayList<>();
    private EventBus events;

    /** Called back after every change. */
    @FunctionalInterface
    public interface ParameterListener {
        void changed(Parameter parameter, long oldValue);
    }

    /** Connects the registry to the protocol's events (done by the protocol). */
    public void attach(EventBus bus) {
        this.events = bus;
    }

    /** Defines a parameter; names must be unique (e.g. {@code liquidation.penalty_ppm}). */
    public Parameter define(String name, String description, long initial, long min, long max) {
        if (byName.containsKey(name)) {
            throw new IllegalArgumentException("parameter '" + name + "' is already defined");
        }
        Parameter p = new Parameter(name, description, initial, min, max);
        byName.put(name, p);
        return p;
    }

    /** The parameter of this name; throws if there is none. */
    public Parameter get(String name) {
        Parameter p = byName.get(name);
        if (p == null) {
            throw new IllegalArgumentException("no parameter '" + name + "'; defined: " + byName.keySet());
        }
        return p;
    }

    /** Whether a parameter of this name exists. */
    public boolean has(String name) {
        return byName.containsKey(name);
    }

    /** Every parameter, in definition order. */
    public List<Parameter> all() {
        return Collections.unmodifiableList(new ArrayList<>(byName.values()));
    }

    public void addListener(ParameterListener l) {
        listeners.add(l);
    }

    /**
     * Sets a parameter, clamped to its bounds; logs the change as an event caused by {@code causeId} and
     * returns the value applied. Setting the current value does nothing.
     */
    public long set(String name, long value, String by, long causeId) {
        Parameter p = get(name);
        long applied = Math.max(p.min(), Math.min(p.max(), value));
        long old = p.value();
        if (applied == old) {
            return old;
        }
        p.setValue(applied);
        if (events != null) {
            events.emit(new ProtocolEvent.ParameterChanged(events.nextId(), causeId, events.block(), name,
                    Long.toString(old), Long.toString(applied), by));
        }
        for (ParameterListener l : listeners) {
            l.changed(p, old);
        }
        return applied;
    }
}
