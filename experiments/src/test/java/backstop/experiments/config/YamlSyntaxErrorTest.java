package backstop.experiments.config;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** A YAML syntax error names the file, the problem with its line and column, then what the parser was reading. */
class YamlSyntaxErrorTest {
    @Test
    void theErrorGivesLineAndColumnOfTheProblemAndItsContext() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> ConfigTree.parse("name: x\nscenario: calm\ndesigns: [none\nreplications: 1\n", "bad.yaml"));
        assertEquals("bad.yaml: not valid YAML/JSON: expected ',' or ']', but got : (line 4, column 13); while parsing"
                + " a flow sequence (line 3, column 10)", e.getMessage());
        ConfigException indent = assertThrows(ConfigException.class, () -> ConfigTree.parse("name: x\n  bad: [1\n", "i.yaml"));
        assertEquals("i.yaml: not valid YAML/JSON: mapping values are not allowed here (line 2, column 6)", indent.getMessage());
    }
}
