package backstop.experiments.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** Every YAML block of the README is valid as printed: `backstop validate` accepts it (a user copies them). */
class ReadmeYamlTest {
    private static final Pattern BLOCK = Pattern.compile("```yaml\\n(.*?)```", Pattern.DOTALL);

    @Test
    void everyYamlBlockOfTheReadmeValidates(@TempDir Path tmp) throws Exception {
        String readme = Files.readString(Path.of("../README.md"));
        Matcher m = BLOCK.matcher(readme);
        List<String> blocks = new ArrayList<>();
        while (m.find()) {
            blocks.add(m.group(1));
        }
        assertFalse(blocks.isEmpty(), "the README shows YAML examples");
        for (int i = 0; i < blocks.size(); i++) {
            Path file = Files.writeString(tmp.resolve("readme-" + i + ".yaml"), blocks.get(i));
            assertEquals(0, Main.execute("validate", file.toString()), "README YAML block " + (i + 1) + ":\n" + blocks.get(i));
        }
    }
}
