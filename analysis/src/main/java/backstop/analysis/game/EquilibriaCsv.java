package backstop.analysis.game;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code equilibria.csv}: one row per candidate, in the order given: {@code method}, {@code start}, {@code regret},
 * {@code basin} (share of starts that reached it; NaN for support enumeration), one {@code <role>:<strategy>}
 * probability column per strategy, then one {@code <role>_gain} column per role (that role's best deviation gain;
 * the largest of them is the regret). Names hold no ':', so the columns cannot collide.
 */
public final class EquilibriaCsv {
    private EquilibriaCsv() {
    }

    /** The header for a game of these roles. */
    public static List<String> columns(List<Role> roles) {
        List<String> header = new ArrayList<>(List.of("method", "start", "regret", "basin"));
        for (Role role : roles) {
            for (String s : role.strategies()) {
                header.add(role.name() + ":" + s);
            }
        }
        for (Role role : roles) {
            header.add(role.name() + "_gain");
        }
        return header;
    }

    public static void write(Path file, List<Role> roles, List<Candidate> candidates) throws IOException {
        List<List<Object>> rows = new ArrayList<>();
        for (Candidate c : candidates) {
            if (!c.mixture().roles().equals(roles)) {
                throw new IllegalArgumentException("candidate " + c.mixture() + " is not of the roles " + roles);
            }
            List<Object> row = new ArrayList<>(List.of(c.method(), c.start(), c.regret().value(), c.basin()));
            for (int r = 0; r < roles.size(); r++) {
                for (int s = 0; s < roles.get(r).strategyCount(); s++) {
                    row.add(c.mixture().probability(r, s));
                }
            }
            for (int r = 0; r < roles.size(); r++) {
                row.add(c.regret().roleGain(r));
            }
            rows.add(row);
        }
        GameCsv.write(file, columns(roles), rows);
    }
}
