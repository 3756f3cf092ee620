package backstop.experiments.config;

import backstop.agents.populations.Populations;
import backstop.agents.params.Dist;
import backstop.model.agent.AgentFactory;
import backstop.model.price.ProcessSpec;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializationConfig;
import com.fasterxml.jackson.databind.deser.Deserializers;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.introspect.Annotated;
import com.fasterxml.jackson.databind.introspect.AnnotatedClass;
import com.fasterxml.jackson.databind.introspect.JacksonAnnotationIntrospector;
import com.fasterxml.jackson.databind.jsontype.NamedType;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.Serializers;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializerBase;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Binds resolved config trees to records: snake_case keys, unknown keys refused, no silent string-to-number
 * coercion, and polymorphic types ({@link Variants}) selected by a {@code type} key or a bare name: a sealed
 * interface's {@link Mechanism} records by their names, the model's and agents' sealed types through mix-ins here.
 * Every error becomes a {@link ConfigException} naming the document and the path of the offending key.
 */
public final class ConfigBinder {
    /** The model's and agents' polymorphic types, named here because those modules know no Jackson. */
    private static final Map<Class<?>, Class<?>> MIXINS = Map.of(ProcessSpec.class, ProcessTypes.class,
            Dist.class, DistTypes.class, AgentFactory.class, AgentTypes.class);
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
        m.setAnnotationIntrospector(new MechanismNames());
        m.registerModule(new BareNames());
        MIXINS.forEach(m::addMixIn);
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
            @JsonSubTypes.Type(value = Populations.Winners.class, name = "winners"),
    })
    private interface AgentTypes {
    }

    /**
     * The {@code type} names a model or agents type takes from its mix-in here (or its own annotation), or null;
     * {@link Variants#of} is the whole answer, {@link Mechanism} records included.
     */
    static JsonSubTypes mixinSubtypes(Class<?> type) {
        JsonSubTypes own = type.getAnnotation(JsonSubTypes.class);
        if (own != null) {
            return own;
        }
        Class<?> mixin = MIXINS.get(type);
        return mixin == null ? null : mixin.getAnnotation(JsonSubTypes.class);
    }

    /**
     * Jackson's own annotations, plus: a sealed interface's {@link Mechanism} records are its subtypes, each under its
     * mechanism name — so no {@code @JsonSubTypes} list repeats them.
     */
    private static final class MechanismNames extends JacksonAnnotationIntrospector {
        private static final long serialVersionUID = 1L;

        @Override
        public List<NamedType> findSubtypes(Annotated a) {
            Variants v = a instanceof AnnotatedClass c ? Variants.of(c.getRawType()) : null;
            if (v == null || v.all().isEmpty() || v.all().get(0).type().getAnnotation(Mechanism.class) == null) {
                return super.findSubtypes(a);
            }
            return v.all().stream().map(x -> new NamedType(x.type(), x.name())).toList();
        }

        @Override
        public String findTypeName(AnnotatedClass ac) {
            Mechanism m = ac.getRawType().getAnnotation(Mechanism.class);
            return m != null ? m.name() : super.findTypeName(ac);
        }
    }

    /**
     * Bare-name variants ({@link Variants#named}): read from a name, written as their name. A wrong name is refused
     * listing the known ones (though {@link ConfigLint} finds it first).
     */
    private static final class BareNames extends SimpleModule {
        private static final long serialVersionUID = 1L;

        @Override
        public void setupModule(SetupContext context) {
            context.addDeserializers(new Deserializers.Base() {
                @Override
                public JsonDeserializer<?> findBeanDeserializer(JavaType type, DeserializationConfig config,
                                                                BeanDescription description) {
                    Variants v = Variants.of(type.getRawClass());
                    return v != null && v.named() ? new ByName(v) : null;
                }
            });
            context.addSerializers(new Serializers.Base() {
                @Override
                public JsonSerializer<?> findSerializer(SerializationConfig config, JavaType type,
                                                        BeanDescription description) {
                    Class<?> raw = type.getRawClass();
                    Mechanism m = raw.getAnnotation(Mechanism.class);
                    for (Class<?> i : raw.getInterfaces()) {
                        Variants v = m == null ? null : Variants.of(i);
                        if (v != null && v.named()) {
                            return new ToStringSerializerBase(raw) {
                                private static final long serialVersionUID = 1L;

                                @Override
                                public String valueToString(Object value) {
                                    return m.name();
                                }
                            };
                        }
                    }
                    return null;
                }
            });
        }
    }

    private static final class ByName extends StdDeserializer<Object> {
        private static final long serialVersionUID = 1L;
        private final transient Variants variants;

        ByName(Variants variants) {
            super(variants.type());
            this.variants = variants;
        }

        @Override
        public Object deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.currentToken() != JsonToken.VALUE_STRING) {
                return ctxt.handleUnexpectedToken(variants.type(), p);
            }
            Variants.Variant v = variants.find(p.getText());
            if (v == null) {
                throw new IllegalArgumentException("unknown name '" + p.getText() + "' (known: "
                        + String.join(", ", variants.names()) + ")");
            }
            try {
                return v.type().getDeclaredConstructor().newInstance();
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(v.type() + " takes keys, so it cannot be named bare", e);
            }
        }
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
