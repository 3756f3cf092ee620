package backstop.experiments.design;

import backstop.experiments.config.ConfigBinder;
import backstop.experiments.config.ConfigException;
import backstop.experiments.config.Mechanism;
import backstop.experiments.config.Variants;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The registry: every mechanism is one record, named once, with an example that binds, builds and reads back. */
class MechanismsTest {
    @Test
    void everyRecordOfAKindIsARegisteredMechanismWithAWellFormedUniqueName() {
        int count = 0;
        for (Mechanisms.Kind k : Mechanisms.Kind.values()) {
            Set<String> names = new HashSet<>();
            for (Class<?> c : k.spec().getPermittedSubclasses()) {
                Mechanism m = c.getAnnotation(Mechanism.class);
                assertNotNull(m, c + " implements " + k.spec().getSimpleName() + " but is not a @Mechanism");
                assertTrue(m.name().matches("[a-z0-9]+(-[a-z0-9]+)*"), k + ": " + m.name());
                assertTrue(names.add(m.name()), k + ": " + m.name() + " twice");
                assertTrue(!m.summary().isBlank(), k + " " + m.name() + ": no summary");
                if (k.bare()) {
                    assertEquals(0, c.getRecordComponents().length, m.name() + " is named bare, so it takes no keys");
                }
                count++;
            }
        }
        assertTrue(count >= 40, "mechanisms: " + count);
    }

    @Test
    void everyExampleBindsBuildsAndReadsBackAsTheSameRecord() {
        List<String> failures = new ArrayList<>();
        for (Mechanisms.Kind k : Mechanisms.Kind.values()) {
            for (Variants.Variant m : k.mechanisms()) {
                try {
                    Object record = k.exampleRecord(m);
                    assertNotNull(k.build(record, 1, 7));
                    JsonNode written = ConfigBinder.mapper().valueToTree(record);
                    assertEquals(record, ConfigBinder.bind(written, k.spec(), "written back"), m.name());
                    assertEquals(m.name(), Mechanisms.name(record));
                    assertEquals(record, ConfigBinder.bind(backstop.experiments.config.ConfigTree.parse(
                            "x: " + k.exampleText(m), "text").get("x"), k.spec(), "text"), "the printed example");
                } catch (RuntimeException | AssertionError e) {
                    failures.add(k + " " + m.name() + ": " + e.getMessage());
                }
            }
        }
        assertEquals(List.of(), failures);
    }

    /**
     * Events name a mechanism as files do: what its example builds is called by the mechanism's name, or by its
     * {@code builtName} template with each {@code {key}} replaced by what that key holds is called — a mechanism's
     * built name (itself checked the same way) or a text.
     */
    @Test
    void whatEveryMechanismBuildsIsCalledByItsRegisteredNameOrItsStatedTemplate() {
        List<String> failures = new ArrayList<>();
        for (Mechanisms.Kind k : Mechanisms.Kind.values()) {
            for (Variants.Variant m : k.mechanisms()) {
                Object record = k.exampleRecord(m);
                String built = k.builtName(k.build(record, 1, 7));
                String expected = expectedName(record);
                if (!built.equals(expected)) {
                    failures.add(k + " " + m.name() + ": builds '" + built + "', expected '" + expected + "'");
                }
            }
        }
        assertEquals(List.of(), failures);
    }

    private static String expectedName(Object record) {
        Mechanism m = record.getClass().getAnnotation(Mechanism.class);
        String name = m.builtName().isEmpty() ? m.name() : m.builtName();
        java.util.regex.Matcher key = java.util.regex.Pattern.compile("\\{([a-z_]+)}").matcher(name);
        StringBuilder out = new StringBuilder();
        while (key.find()) {
            Object value = component(record, key.group(1));
            Mechanisms.Kind inner = Mechanisms.Kind.of(value);
            String text = inner == null ? String.valueOf(value) : inner.builtName(inner.build(value, 1, 7));
            if (inner != null) {
                assertEquals(expectedName(value), text, "the inner " + key.group(1));
            }
            key.appendReplacement(out, java.util.regex.Matcher.quoteReplacement(text));
        }
        key.appendTail(out);
        return out.toString();
    }

    private static Object component(Object record, String snake) {
        for (java.lang.reflect.RecordComponent c : record.getClass().getRecordComponents()) {
            if (c.getName().replaceAll("([A-Z])", "_$1").toLowerCase(java.util.Locale.ROOT).equals(snake)) {
                try {
                    return c.getAccessor().invoke(record);
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        throw new AssertionError(record.getClass().getSimpleName() + " has no key " + snake);
    }

    @Test
    void anUnknownTypeOrNameIsRefusedNamingTheKeyAndTheKnownOnes() {
        ObjectNode design = (ObjectNode) ConfigBinder.mapper().valueToTree(Presets.load("hyperliquid"));
        ((ObjectNode) design.get("waterfall").get(0)).put("ranking", "NOPE");
        ((ObjectNode) design.get("waterfall").get(1)).put("type", "backstop-vaul");
        ((ObjectNode) design.get("liquidation")).remove("type");
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigBinder.bind(design, DesignSpec.class, "d"));
        assertEquals(List.of(
                "d: liquidation.type: is required, one of " + String.join(", ", Mechanisms.Kind.LIQUIDATION.names()),
                "d: waterfall[0].ranking: unknown name 'NOPE' (known: bitmex, binance, hyperliquid, pro-rata, random)",
                "d: waterfall[1].type: unknown type 'backstop-vaul' (known: "
                        + String.join(", ", Mechanisms.Kind.ABSORBER.names()) + ")"), e.problems());
    }

    @Test
    void aBareNameMatchesIgnoringCaseWithUnderscoreForHyphen() {
        for (String written : List.of("PRO_RATA", "pro-rata", "Pro_Rata")) {
            ObjectNode adl = JsonNodeFactory.instance.objectNode().put("type", "adl").put("ranking", written);
            AbsorberSpec.Adl bound = (AbsorberSpec.Adl) ConfigBinder.bind(adl, AbsorberSpec.class, "t");
            assertEquals(new RankingSpec.ProRata(), bound.ranking(), written);
        }
    }

    @Test
    void aPresetOutlinesItsMechanismsByTheirRegisteredNames() {
        assertEquals("margin tiered · liquidation vault-takeover(book_throttle: hyperliquid) · waterfall"
                + " adl(ranking: hyperliquid) → backstop-vault", Mechanisms.outline(Presets.load("hyperliquid")));
    }
}
