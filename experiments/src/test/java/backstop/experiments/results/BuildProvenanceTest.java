package backstop.experiments.results;

import backstop.experiments.cli.Main;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BuildProvenanceTest {
    private static final List<String> FIELDS = List.of("git_commit", "git_dirty", "build_time", "java_version",
            "java_vendor", "os_name", "os_arch");

    @Test
    void theManifestNamesTheBuildTheJavaAndTheOs(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("run");
        assertEquals(0, Main.execute("run", "calm", "--set", "duration_seconds=30", "--set", "agents[1].count=30",
                "--out", out.toString()));
        JsonNode build = new ObjectMapper().readTree(out.resolve("manifest.json").toFile()).get("build");
        assertTrue(build != null && build.isObject(), "manifest.json has a build object");
        List<String> names = new ArrayList<>();
        build.fieldNames().forEachRemaining(names::add);
        assertEquals(FIELDS, names);
        for (String f : FIELDS) {
            assertFalse(build.get(f).asText().isBlank(), f + " is not empty");
        }
        assertEquals(System.getProperty("java.version"), build.get("java_version").asText());
        assertEquals(System.getProperty("java.vendor"), build.get("java_vendor").asText());
        assertEquals(System.getProperty("os.name"), build.get("os_name").asText());
        assertEquals(System.getProperty("os.arch"), build.get("os_arch").asText());
        // Built from a git checkout (as here and in CI) the commit is a full hash; from a tarball, "unknown".
        if (BuildProvenance.class.getResource("/backstop/experiments/git.properties") != null) {
            assertTrue(build.get("git_commit").asText().matches("[0-9a-f]{40}"), build.get("git_commit").asText());
            assertTrue(List.of("true", "false").contains(build.get("git_dirty").asText()), build.toString());
            assertTrue(build.get("build_time").asText().matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ"),
                    build.get("build_time").asText());
        }
    }

    @Test
    void aBuildWithoutGitWritesUnknownForTheGitValues() {
        Map<String, String> m = BuildProvenance.read(null);
        assertEquals(FIELDS, List.copyOf(m.keySet()));
        assertEquals("unknown", m.get("git_commit"));
        assertEquals("unknown", m.get("git_dirty"));
        assertEquals("unknown", m.get("build_time"));
        assertEquals(System.getProperty("java.version"), m.get("java_version"));
    }

    @Test
    void gitPropertiesAreReadAndBlankOnesAreUnknown() {
        String props = "git.commit.id.full=0123456789abcdef0123456789abcdef01234567\ngit.dirty=true\ngit.build.time=\n";
        Map<String, String> m = BuildProvenance.read(new ByteArrayInputStream(props.getBytes(StandardCharsets.ISO_8859_1)));
        assertEquals("0123456789abcdef0123456789abcdef01234567", m.get("git_commit"));
        assertEquals("true", m.get("git_dirty"));
        assertEquals("unknown", m.get("build_time"));
    }
}
