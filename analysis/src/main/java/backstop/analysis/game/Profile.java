package backstop.analysis.game;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A pure profile of a role-symmetric game: how many players of each role play each strategy, the counts of a role
 * summing to its players. A value; its {@link #text()} ({@code keepers: aggressive 3, moderate 1; makers: stay 2},
 * roles and strategies in the game's order, zero counts left out) is the form files use, read back by {@link #parse}.
 * Profiles order by their counts, the first strategy's highest count first.
 */
public final class Profile implements Comparable<Profile> {
    private final List<Role> roles;
    private final int[][] counts;

    private Profile(List<Role> roles, int[][] counts) {
        this.roles = roles;
        this.counts = counts;
    }

    /** One array of counts per role, in the role's strategy order. */
    public static Profile of(List<Role> roles, int[]... counts) {
        List<Role> rs = List.copyOf(roles);
        if (counts.length != rs.size()) {
            throw new IllegalArgumentException("profile: " + counts.length + " count arrays for " + rs.size() + " roles");
        }
        int[][] copy = new int[rs.size()][];
        for (int r = 0; r < rs.size(); r++) {
            Role role = rs.get(r);
            if (counts[r].length != role.strategyCount()) {
                throw new IllegalArgumentException("profile: role " + role.name() + " has " + role.strategyCount()
                        + " strategies, got " + counts[r].length + " counts");
            }
            int sum = 0;
            for (int s = 0; s < counts[r].length; s++) {
                if (counts[r][s] < 0) {
                    throw new IllegalArgumentException("profile: " + role.name() + ": " + role.strategies().get(s) + " "
                            + counts[r][s] + " must be ≥ 0");
                }
                sum += counts[r][s];
            }
            if (sum != role.players()) {
                throw new IllegalArgumentException("profile: " + role.name() + ": counts sum to " + sum + ", but the role has "
                        + role.players() + " players");
            }
            copy[r] = counts[r].clone();
        }
        return new Profile(rs, copy);
    }

    /** Every player of role r plays {@code strategies[r]}. */
    public static Profile pure(List<Role> roles, int... strategies) {
        int[][] counts = new int[roles.size()][];
        for (int r = 0; r < roles.size(); r++) {
            counts[r] = new int[roles.get(r).strategyCount()];
            counts[r][strategies[r]] = roles.get(r).players();
        }
        return of(roles, counts);
    }

    /** Every profile of the game, in profile order. */
    public static List<Profile> all(List<Role> roles) {
        List<List<int[]>> perRole = new ArrayList<>();
        for (Role role : roles) {
            perRole.add(Compositions.of(role.players(), role.strategyCount()));
        }
        List<Profile> out = new ArrayList<>();
        int[] at = new int[roles.size()];
        while (true) {
            int[][] counts = new int[roles.size()][];
            for (int r = 0; r < roles.size(); r++) {
                counts[r] = perRole.get(r).get(at[r]);
            }
            out.add(of(roles, counts));
            int r = roles.size() - 1;
            while (r >= 0 && ++at[r] == perRole.get(r).size()) {
                at[r--] = 0;
            }
            if (r < 0) {
                return out;
            }
        }
    }

    /** Reads {@link #text()}'s form; the message names the profile and the role, strategy or count at fault. */
    public static Profile parse(List<Role> roles, String text) {
        return ProfileText.parse(roles, text);
    }

    public List<Role> roles() {
        return roles;
    }

    /** Players of role {@code role} (an index into {@link #roles()}) playing strategy {@code strategy}. */
    public int count(int role, int strategy) {
        return counts[role][strategy];
    }

    /** The counts of one role, a copy. */
    public int[] counts(int role) {
        return counts[role].clone();
    }

    /** The canonical text, e.g. {@code keepers: aggressive 3, moderate 1; makers: stay 2}. */
    public String text() {
        StringBuilder b = new StringBuilder();
        for (int r = 0; r < roles.size(); r++) {
            b.append(r == 0 ? "" : "; ").append(roles.get(r).name()).append(':');
            String sep = " ";
            for (int s = 0; s < counts[r].length; s++) {
                if (counts[r][s] > 0) {
                    b.append(sep).append(roles.get(r).strategies().get(s)).append(' ').append(counts[r][s]);
                    sep = ", ";
                }
            }
        }
        return b.toString();
    }

    @Override
    public String toString() {
        return text();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Profile p && roles.equals(p.roles) && Arrays.deepEquals(counts, p.counts);
    }

    @Override
    public int hashCode() {
        return 31 * roles.hashCode() + Arrays.deepHashCode(counts);
    }

    @Override
    public int compareTo(Profile o) {
        if (!roles.equals(o.roles)) {
            throw new IllegalArgumentException("profiles of different games: " + roles + " and " + o.roles);
        }
        for (int r = 0; r < counts.length; r++) {
            for (int s = 0; s < counts[r].length; s++) {
                if (counts[r][s] != o.counts[r][s]) {
                    return Integer.compare(o.counts[r][s], counts[r][s]);
                }
            }
        }
        return 0;
    }
}
