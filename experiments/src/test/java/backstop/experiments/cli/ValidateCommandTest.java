package backstop.experiments.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ValidateCommandTest {
    @Test
    void validatesEachKindOfFileAndRefusesBadOnesWithExitTwo(@TempDir Path tmp) throws Exception {
        assertEquals(0, Main.execute("validate", "../experiments/sweeps/presets-black-thursday.yaml"));
        assertEquals(0, Main.execute("validate", "src/main/resources/presets/dydx-v4.yaml"));
        assertEquals(0, Main.execute("validate", "src/main/resources/scenarios/oct-2025.yaml"));
        Path design = Files.writeString(tmp.resolve("d.yaml"), "extends: dydx-v4\nname: x\ninsurance_fund: -5\n");
        Path scenario = Files.writeString(tmp.resolve("s.yaml"), "extends: calm\nagents: [{type: keepers, name: k, count: -1}]\n");
        Path sweep = Files.writeString(tmp.resolve("w.yaml"), "name: w\nscenario: calm\ndesigns: [nope]\nreplications: 1\n");
        assertEquals(2, Main.execute("validate", design.toString()));
        assertEquals(2, Main.execute("validate", scenario.toString()));
        assertEquals(2, Main.execute("validate", sweep.toString()));
        assertEquals(2, Main.execute("validate", tmp.resolve("missing.yaml").toString()));
    }
}
