package backstop.experiments.config;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConfigTreeTest {
    private static final Map<String, String> LIBRARY = Map.of(
            "base", "a: 1\nnested: {x: 1, y: 2}\nlist: [1, 2, 3]\n",
            "middle", "extends: base\nnested: {y: 20}\n",
            "loop1", "extends: loop2\n",
            "loop2", "extends: loop1\n");

    private static ObjectNode load(String name) {
        return ConfigTree.parse(LIBRARY.get(name), name);
    }

    @Test
    void extendsMergesMapsDeeplyAndReplacesLists() {
        ObjectNode doc = ConfigTree.resolve(ConfigTree.parse("extends: middle\nlist: [9]\nb: 2\n", "doc"), ConfigTreeTest::load);
        assertEquals(1, doc.get("a").asInt());
        assertEquals(1, doc.get("nested").get("x").asInt());
        assertEquals(20, doc.get("nested").get("y").asInt());
        assertEquals("[9]", doc.get("list").toString());
        assertEquals(2, doc.get("b").asInt());
        assertTrue(!doc.has("extends"));
    }

    @Test
    void extendsCyclesAreRefused() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> ConfigTree.resolve(load("loop1"), ConfigTreeTest::load));
        assertTrue(e.getMessage().contains("cycle"), e.getMessage());
    }

    @Test
    void setOverridesExistingPathsOnlyAndParsesValuesAsYaml() {
        ObjectNode doc = ConfigTree.parse("agents: [{count: 5}, {count: 7, lev: {max: 3}}]\nname: x\n", "doc");
        ConfigTree.set(doc, "agents[1].lev.max=12.5");
        ConfigTree.set(doc, "agents[0].count=9");
        ConfigTree.set(doc, "name=crash");
        assertEquals(12.5, doc.get("agents").get(1).get("lev").get("max").asDouble());
        assertEquals(9, doc.get("agents").get(0).get("count").asInt());
        assertEquals("crash", doc.get("name").asText());
        assertEquals("--set agents[2].count: no element [2]",
                assertThrows(ConfigException.class, () -> ConfigTree.set(doc, "agents[2].count=1")).getMessage());
        assertEquals("--set agents[0].cuont: no such key (cuont)",
                assertThrows(ConfigException.class, () -> ConfigTree.set(doc, "agents[0].cuont=1")).getMessage());
        assertThrows(ConfigException.class, () -> ConfigTree.set(doc, "no-equals-sign"));
    }

    @Test
    void aKeyGivenTwiceInOneMappingIsRefusedWithItsName() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> ConfigTree.parse("name: a\nagents: {count: 1, count: 2}\n", "dup.yaml"));
        assertTrue(e.getMessage().startsWith("dup.yaml: ") && e.getMessage().contains("'count'"), e.getMessage());
    }
}
