package backstop.experiments.results;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/**
 * Which build of Backstop wrote a run folder, and where it ran: the {@code build} object of {@code manifest.json}.
 * The git commit (full hash), whether the working tree had uncommitted changes, and the build time come from
 * {@code backstop/experiments/git.properties}, which the git-commit-id plugin writes at build time; Java
 * ({@code java.version}, {@code java.vendor}) and the OS ({@code os.name}, {@code os.arch}) from the running JVM.
 * A value that cannot be known — a build from a source tarball without {@code .git} writes no git.properties —
 * is {@value #UNKNOWN}. Like {@code wall_seconds} it describes the run, not its results: the same config and
 * seed give the same results under any build, so tests that compare run folders leave it out.
 */
public final class BuildProvenance {
    /** The value of anything that cannot be known. */
    public static final String UNKNOWN = "unknown";
    /** The manifest key of the object {@link #fields} returns. */
    public static final String KEY = "build";
    private static final String RESOURCE = "/backstop/experiments/git.properties";
    private static final Map<String, String> FIELDS = read(BuildProvenance.class.getResourceAsStream(RESOURCE));

    private BuildProvenance() {
    }

    /**
     * {@code git_commit}, {@code git_dirty} ("true", "false" or unknown), {@code build_time} (UTC, ISO 8601),
     * {@code java_version}, {@code java_vendor}, {@code os_name}, {@code os_arch}, in that order; never empty.
     */
    public static Map<String, String> fields() {
        return FIELDS;
    }

    /** The fields with the git values read from {@code gitProperties} (null: none was built). */
    static Map<String, String> read(InputStream gitProperties) {
        Properties git = new Properties();
        if (gitProperties != null) {
            try (InputStream in = gitProperties) {
                git.load(in);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + RESOURCE, e);
            }
        }
        Map<String, String> m = new LinkedHashMap<>();
        m.put("git_commit", known(git.getProperty("git.commit.id.full")));
        m.put("git_dirty", known(git.getProperty("git.dirty")));
        m.put("build_time", known(git.getProperty("git.build.time")));
        m.put("java_version", known(System.getProperty("java.version")));
        m.put("java_vendor", known(System.getProperty("java.vendor")));
        m.put("os_name", known(System.getProperty("os.name")));
        m.put("os_arch", known(System.getProperty("os.arch")));
        return Collections.unmodifiableMap(m);
    }

    private static String known(String value) {
        return value == null || value.isBlank() ? UNKNOWN : value.trim();
    }
}
