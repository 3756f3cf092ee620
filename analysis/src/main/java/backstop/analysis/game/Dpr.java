package backstop.analysis.game;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Deviation-preserving reduction (Wiedenbeck and Wellman, AAMAS 2012): a game of N_r players per role is analysed
 * through a game of n_r. The payoff of strategy s to role r in a reduced profile is the full game's payoff of s in the
 * full profile where one player of r plays s, each of r's other n_r − 1 reduced players stands for
 * (N_r − 1)/(n_r − 1) full players, and each of another role q's n_q reduced players stands for N_q/n_q. So a
 * unilateral deviation in the reduced game is a unilateral deviation in the full game.
 *
 * <p>The counts must be whole: (N_r − 1) divisible by (n_r − 1), and, when the game has more than one role, N_r
 * divisible by n_r as well. With n_r = 1 the role's one reduced player stands for all N_r players, to the other roles
 * and to itself (its payoff of s is that of s when the whole role plays s), so for that role the reduction preserves
 * no deviation: it is then the role's hierarchical reduction.
 */
public final class Dpr {
    private final List<Role> full;
    private final List<Role> reduced;

    /** {@code reducedPlayers[r]} reduced players for role r; the message names the role and numbers that do not divide. */
    public Dpr(List<Role> fullRoles, int... reducedPlayers) {
        this.full = Role.checkDistinct(fullRoles);
        if (reducedPlayers.length != full.size()) {
            throw new IllegalArgumentException("DPR: " + reducedPlayers.length + " reduced player counts for "
                    + full.size() + " roles");
        }
        List<Role> red = new ArrayList<>();
        for (int r = 0; r < full.size(); r++) {
            Role role = full.get(r);
            int bigN = role.players();
            int n = reducedPlayers[r];
            String what = "DPR: role " + role.name() + ": " + bigN + " players cannot be reduced to " + n;
            if (n < 1 || n > bigN) {
                throw new IllegalArgumentException(what + ": the reduced count must be between 1 and " + bigN);
            }
            if (n > 1 && (bigN - 1) % (n - 1) != 0) {
                throw new IllegalArgumentException(what + ": (N − 1) = " + (bigN - 1) + " is not divisible by (n − 1) = "
                        + (n - 1));
            }
            if (full.size() > 1 && bigN % n != 0) {
                throw new IllegalArgumentException(what + ": the other roles see its " + n + " reduced players as all "
                        + bigN + " of its players, and N = " + bigN + " is not divisible by n = " + n);
            }
            red.add(role.withPlayers(n));
        }
        this.reduced = List.copyOf(red);
    }

    public List<Role> fullRoles() {
        return full;
    }

    public List<Role> reducedRoles() {
        return reduced;
    }

    /** Every profile of the reduced game. */
    public List<Profile> reducedProfiles() {
        return Profile.all(reduced);
    }

    /** The full profile whose payoff of {@code strategy} to {@code role} is the reduced profile's. */
    public Profile fullProfile(Profile reducedProfile, int role, int strategy) {
        if (!reducedProfile.roles().equals(reduced)) {
            throw new IllegalArgumentException("DPR: " + reducedProfile + " is not a profile of the reduced game " + reduced);
        }
        if (reducedProfile.count(role, strategy) == 0) {
            throw new IllegalArgumentException("DPR: nobody of role " + reduced.get(role).name() + " plays "
                    + reduced.get(role).strategies().get(strategy) + " in " + reducedProfile);
        }
        int[][] counts = new int[full.size()][];
        for (int q = 0; q < full.size(); q++) {
            int bigN = full.get(q).players();
            int n = reduced.get(q).players();
            counts[q] = reducedProfile.counts(q);
            if (q != role) {
                scale(counts[q], bigN / n);
            } else if (n == 1) {
                counts[q][strategy] = bigN;
            } else {
                counts[q][strategy]--;
                scale(counts[q], (bigN - 1) / (n - 1));
                counts[q][strategy]++;
            }
        }
        return Profile.of(full, counts);
    }

    /** The full profiles to simulate for one reduced profile: one per (role, strategy) present, distinct. */
    public List<Profile> fullProfiles(Profile reducedProfile) {
        TreeSet<Profile> out = new TreeSet<>();
        for (int r = 0; r < reduced.size(); r++) {
            for (int s = 0; s < reduced.get(r).strategyCount(); s++) {
                if (reducedProfile.count(r, s) > 0) {
                    out.add(fullProfile(reducedProfile, r, s));
                }
            }
        }
        return List.copyOf(out);
    }

    /** Every full profile the reduced game needs, distinct and in profile order. */
    public List<Profile> allFullProfiles() {
        TreeSet<Profile> out = new TreeSet<>();
        for (Profile p : reducedProfiles()) {
            out.addAll(fullProfiles(p));
        }
        return List.copyOf(out);
    }

    /** The reduced game: each reduced (profile, role, strategy) takes the full game's estimate, where it has one. */
    public EmpiricalGame reduce(EmpiricalGame fullGame) {
        if (!fullGame.roles().equals(full)) {
            throw new IllegalArgumentException("DPR: the game's roles " + fullGame.roles() + " are not " + full);
        }
        EmpiricalGame.Builder out = EmpiricalGame.builder(reduced);
        for (Profile p : reducedProfiles()) {
            for (int r = 0; r < reduced.size(); r++) {
                for (int s = 0; s < reduced.get(r).strategyCount(); s++) {
                    if (p.count(r, s) > 0) {
                        Optional<Payoff> payoff = fullGame.payoff(fullProfile(p, r, s), r, s);
                        if (payoff.isPresent()) {
                            out.put(p, r, s, payoff.get());
                        }
                    }
                }
            }
        }
        return out.build();
    }

    private static void scale(int[] counts, int factor) {
        for (int i = 0; i < counts.length; i++) {
            counts[i] *= factor;
        }
    }
}
