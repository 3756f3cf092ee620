package backstop.experiments.results;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;

/** The one Jackson configuration every result file is written with: snake_case keys in declaration order. */
public final class Json {
    private Json() {
    }

    /** A mapper for result files. */
    public static ObjectMapper mapper() {
        ObjectMapper m = new ObjectMapper();
        m.setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);
        m.configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, false);
        m.configure(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN, true);
        return m;
    }
}
