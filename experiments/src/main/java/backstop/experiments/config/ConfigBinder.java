package backstop.experiments.config;

import backstop.agents.populations.Populations;
import backstop.agents.params.Dist;
import backstop.model.agent.AgentFactory;
import backstop.model.price.ProcessSpec;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;

import java.io.IOException;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Binds resolved config trees to records: snake_case keys, unknown keys refused, no silent string-to-number
 * coercion, and the model's and agents' sealed types selected by a {@code type} key. Every error becomes a
 * {@link ConfigException} naming the document and the path of the offending key.
 */
public final class ConfigBinder {
    private static final ObjectMapper MAPPER = mapper();

    private ConfigBinder() {
    }

    /** Binds {@code tree} to {@code type}; {@code origin} names the document in messages. */
    public static <T> T bind(JsonNode tree, Class<T> type, String origin) {
        List<String> problems = ConfigLint.problems(tree, type);
        if (!problems.isEmpty()) {
            throw new ConfigException(problems.stream().map(p -> origin + ": " + p).toList());
        }
        try {
            return MAPPER.treeToValue(tree, type);
        } catch (JsonMappingException e) {
            // Binding stops at the first refusal; ask every record on its own so that all are reported at once.
            List<String> all = ConfigLint.refusals(tree, type, ConfigBinder::refusal);
            if (all.isEmpty()) {
                all = List.of(path(e) + describe(e));
            }
            throw new ConfigException(all.stream().map(p -> origin + ": " + p).toList());
        } catch (IOException e) {
            throw new ConfigException(origin + ": " + e.getMessage());
        }
    }

    private static String[] refusal(JsonNode node, Class<?> type) {
        try {
            MAPPER.treeToValue(node, type);
            return null;
        } catch (JsonMappingException e) {
            return new String[]{steps(e), describe(e)};
        } catch (IOException e) {
            return new String[]{"", e.getMessage()};
        }
    }

    /** The mapper, for writing resolved configs back out (e.g. {@code backstop show}). */
    public static ObjectMapper mapper() {
        ObjectMapper m = new ObjectMapper();
        m.setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);
        m.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        m.enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS);
        m.enable(com.fasterxml.jackson.databind.MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS);
        m.coercionConfigFor(LogicalType.Float).setCoercion(CoercionInputShape.String, CoercionAction.Fail);
        m.coercionConfigFor(LogicalType.Integer).setCoercion(CoercionInputShape.String, CoercionAction.Fail);
        m.coercionConfigFor(LogicalType.Integer).setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
        m.addMixIn(ProcessSpec.class, ProcessTypes.class);
        m.addMixIn(Dist.class, DistTypes.class);
        m.addMixIn(AgentFactory.class, AgentTypes.class);
        return m;
    }

    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
    @JsonSubTypes({
            @JsonSubTypes.Type(value = ProcessSpec.Gbm.class, name = "gbm"),
            @JsonSubTypes.Type(value = ProcessSpec.Merton.class, name = "merton"),
            @JsonSubTypes.Type(value = ProcessSpec.Garch.class, name = "garch"),
            @JsonSubTypes.Type(value = ProcessSpec.Regime.class, name = "regime"),
            @JsonSubTypes.Type(value = ProcessSpec.Stress.class, name = "stress"),
    })
    private interface ProcessTypes {
    }

    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
    @JsonSubTypes({
            @JsonSubTypes.Type(value = Dist.Constant.class, name = "constant"),
            @JsonSubTypes.Type(value = Dist.Uniform.class, name = "uniform"),
            @JsonSubTypes.Type(value = Dist.LogNormal.class, name = "lognormal"),
    })
    private interface DistTypes {
    }

    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
    @JsonSubTypes({
            @JsonSubTypes.Type(value = Populations.LeveragedTraders.class, name = "leveraged-traders"),
            @JsonSubTypes.Type(value = Populations.NoiseTraders.class, name = "noise-traders"),
            @JsonSubTypes.Type(value = Populations.MarketMakers.class, name = "market-makers"),
            @JsonSubTypes.Type(value = Populations.Arbitrageurs.class, name = "arbitrageurs"),
            @JsonSubTypes.Type(value = Populations.Keepers.class, name = "keepers"),
            @JsonSubTypes.Type(value = Populations.MomentumTraders.class, name = "momentum-traders"),
            @JsonSubTypes.Type(value = Populations.Fundamentalists.class, name = "fundamentalists"),
            @JsonSubTypes.Type(value = Populations.LatencyArbitrageurs.class, name = "latency-arbitrageurs"),
            @JsonSubTypes.Type(value = Populations.Manipulators.class, name = "manipulators"),
            @JsonSubTypes.Type(value = Populations.VaultLps.class, name = "vault-lps"),
    })
    private interface AgentTypes {
    }

    /** The {@code type} names of a polymorphic config type (from its own annotation or its mix-in), or null. */
    public static JsonSubTypes subtypes(Class<?> type) {
        JsonSubTypes own = type.getAnnotation(JsonSubTypes.class);
        if (own != null) {
            return own;
        }
        Class<?> mixin = MAPPER.findMixInClassFor(type);
        return mixin == null ? null : mixin.getAnnotation(JsonSubTypes.class);
    }

    private static String path(JsonMappingException e) {
        String p = steps(e);
        return p.isEmpty() ? "" : p + ": ";
    }

    private static String steps(JsonMappingException e) {
        return e.getPath().stream()
                .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }

    private static String describe(JsonMappingException e) {
        // The outermost refusal of a constructor: a check may wrap an inner one to say where it happened.
        for (Throwable t = e.getCause(); t != null && t != t.getCause(); t = t.getCause()) {
            if (t instanceof IllegalArgumentException || t instanceof ConfigException) {
                return t.getMessage();
            }
        }
        String msg = e.getOriginalMessage();
        int cut = msg.indexOf(" (for ");
        msg = cut > 0 ? msg.substring(0, cut) : msg;
        int known = msg.indexOf(", not marked as ignorable");
        return known > 0 ? msg.substring(0, known) : msg;
    }
}
