package backstop.experiments.run;

import backstop.model.world.World;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A run's mid-run edits in the order they apply: what the GUI recorded, or a file given to
 * {@code backstop run --interventions FILE}. Before each block the world runs, {@link #applyDue} applies those due after
 * the block that has just ended, in their listed order, so a GUI run and its replay go through the same states.
 */
public final class Interventions {
    /** Who the governance transactions of mid-run edits name: the GUI's edits, and their replays, act as "gui". */
    public static final String GOVERNOR = "gui";
    /** The key of the list in a run's {@code manifest.json}. */
    public static final String MANIFEST_KEY = "interventions";

    private final List<Intervention> planned;
    private final List<Intervention> applied = new ArrayList<>();
    private final List<String> log = new ArrayList<>();
    private int next;

    /** {@code planned} in any order; applied by block, ties in the order given. */
    public Interventions(List<Intervention> planned) {
        this.planned = planned.stream().sorted(Comparator.comparingLong(Intervention::block)).toList();
    }

    /** No edits. */
    public static Interventions none() {
        return new Interventions(List.of());
    }

    static void checkBlock(long block) {
        if (block < 0) {
            throw new IllegalArgumentException("intervention block: must be ≥ 0, got " + block);
        }
    }

    /**
     * Reads a JSON file: a list of interventions, or a run's {@code manifest.json} (its {@code interventions} list, so a
     * GUI run folder replays as it ran). A malformed entry is refused naming its position and the problem.
     */
    public static Interventions read(Path file, ObjectMapper mapper) {
        JsonNode root;
        try {
            root = mapper.readTree(Files.readString(file));
        } catch (IOException e) {
            throw new IllegalArgumentException("--interventions " + file + ": cannot read it as JSON: " + e.getMessage());
        }
        JsonNode list = root != null && root.isObject() ? root.get(MANIFEST_KEY) : root;
        if (list == null || !list.isArray()) {
            throw new IllegalArgumentException("--interventions " + file + ": expected a JSON list of interventions or a"
                    + " run's manifest.json with an '" + MANIFEST_KEY + "' list");
        }
        List<Intervention> out = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            try {
                out.add(mapper.treeToValue(list.get(i), Intervention.class));
            } catch (InvalidTypeIdException e) {
                throw new IllegalArgumentException("--interventions " + file + ", entry " + i + ": type '" + e.getTypeId()
                        + "' is not one of shock, insurance_top_up, set_parameter, add_breaker");
            } catch (IOException | RuntimeException e) {
                Throwable cause = e.getCause() instanceof IllegalArgumentException iae ? iae : e;
                throw new IllegalArgumentException("--interventions " + file + ", entry " + i + ": " + cause.getMessage());
            }
        }
        return new Interventions(out);
    }

    /** Refuses an edit due after the run's last block, which would silently never apply. */
    public Interventions checkWithin(long blocks) {
        for (Intervention i : planned) {
            if (i.block() >= blocks) {
                throw new IllegalArgumentException("intervention " + i + ": block " + i.block()
                        + " is at or after the run's last block (" + blocks + "), so it would never apply");
            }
        }
        return this;
    }

    /** Applies every planned edit due after the block {@code world} has just ended (call before each block). */
    public void applyDue(World world) {
        while (next < planned.size() && planned.get(next).block() <= world.block()) {
            record(planned.get(next++), world);
        }
    }

    /** Applies {@code i} now (the GUI's edits, between blocks) and records it, stamped with the current block. */
    public String applyNow(Intervention i, World world) {
        return record(i, world);
    }

    private String record(Intervention i, World world) {
        String line = i.apply(world);
        applied.add(i);
        log.add(line);
        return line;
    }

    /** {@code edits} as the {@code interventions} list of {@code manifest.json}: each entry with its {@code type}. */
    public static JsonNode manifestEntries(List<Intervention> edits, ObjectMapper mapper) {
        // As an array, so each entry keeps its "type" (a List loses its element type to erasure).
        return mapper.valueToTree(edits.toArray(Intervention[]::new));
    }

    /** The applied edits as {@link #manifestEntries} writes them. */
    public JsonNode manifestEntries(ObjectMapper mapper) {
        return manifestEntries(applied, mapper);
    }

    /** The edits applied so far, in order, as {@code manifest.json} lists them. */
    public List<Intervention> applied() {
        return List.copyOf(applied);
    }

    /** One line per edit applied, in order. */
    public List<String> log() {
        return List.copyOf(log);
    }
}
