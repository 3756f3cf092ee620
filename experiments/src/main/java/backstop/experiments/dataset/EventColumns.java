package backstop.experiments.dataset;

import backstop.protocol.event.ProtocolEvent;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;

import java.lang.reflect.RecordComponent;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The columns of {@code events.parquet}: {@code type}, then every field of every {@link ProtocolEvent} record under
 * the snake_case key {@code events.jsonl} gives it, in order of first appearance (so {@code id}, {@code cause_id},
 * {@code block} lead). Taken from the event records themselves, so the table has the same columns whichever events a
 * sweep happened to produce, and a new event or field needs no change here; an event leaves the other events' fields
 * null.
 */
public final class EventColumns {
    private static final PropertyNamingStrategies.NamingBase SNAKE = (PropertyNamingStrategies.NamingBase)
            PropertyNamingStrategies.SNAKE_CASE;

    private EventColumns() {
    }

    /** Column name → type, in table order. */
    public static Map<String, ColumnType> all() {
        Map<String, ColumnType> out = new LinkedHashMap<>();
        out.put("type", ColumnType.TEXT);
        for (Class<?> event : ProtocolEvent.class.getPermittedSubclasses()) {
            for (RecordComponent c : event.getRecordComponents()) {
                out.merge(SNAKE.translate(c.getName()), typeOf(c.getType()), ColumnType::widen);
            }
        }
        return Collections.unmodifiableMap(out);
    }

    /** How Jackson writes a field of this Java type: integers and reals as JSON numbers, enums and text as strings. */
    static ColumnType typeOf(Class<?> t) {
        if (t == long.class || t == int.class || t == short.class || t == byte.class || t == Long.class
                || t == Integer.class || t == Short.class || t == Byte.class) {
            return ColumnType.INTEGER;
        }
        if (t == double.class || t == float.class || t == Double.class || t == Float.class) {
            return ColumnType.REAL;
        }
        if (t == boolean.class || t == Boolean.class) {
            return ColumnType.BOOLEAN;
        }
        return ColumnType.TEXT;
    }
}
