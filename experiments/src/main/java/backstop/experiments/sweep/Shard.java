package backstop.experiments.sweep;

import backstop.experiments.config.ConfigException;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Shard {@code index} of {@code count} (1-based, as Slurm array task ids are): the runs at positions
 * {@code index - 1}, {@code index - 1 + count}, … of the plan's id-sorted run list. Dealing the runs round-robin
 * makes every shard's size differ by at most one and mixes designs and seeds, so slow designs do not pile up
 * in one shard; the assignment depends only on the plan, so every array task computes the same partition.
 */
public record Shard(int index, int count) {
    private static final Pattern FORM = Pattern.compile("(\\d{1,9})/(\\d{1,9})");

    public Shard {
        if (count < 1 || index < 1 || index > count) {
            throw new ConfigException("--shard: must be K/N with 1 ≤ K ≤ N, got " + index + "/" + count);
        }
    }

    /** Parses {@code K/N}; a malformed value is a {@link ConfigException} naming {@code --shard}. */
    public static Shard parse(String text) {
        Matcher m = FORM.matcher(text == null ? "" : text.trim());
        if (!m.matches()) {
            throw new ConfigException("--shard: must be K/N (for example 3/8, K from 1 to N), got '" + text + "'");
        }
        return new Shard(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
    }

    /** This shard's runs, in plan order; a shard of a plan with fewer runs than shards may be empty. */
    public List<PlannedRun> select(List<PlannedRun> runs) {
        return pick(runs);
    }

    /** This shard's share of any list dealt the same way: the items at positions {@code index - 1}, {@code index - 1 + count}, …. */
    public <T> List<T> pick(List<T> items) {
        List<T> mine = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            if (owns(i)) {
                mine.add(items.get(i));
            }
        }
        return List.copyOf(mine);
    }

    /** Whether the run at {@code position} of the plan's id-sorted run list belongs to this shard. */
    public boolean owns(int position) {
        return position % count == index - 1;
    }

    @Override
    public String toString() {
        return index + "/" + count;
    }
}
