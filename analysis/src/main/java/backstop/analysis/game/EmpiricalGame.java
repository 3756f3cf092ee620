package backstop.analysis.game;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A role-symmetric game known only by the profiles simulated so far: a {@link Payoff} for each observed
 * (profile, role, strategy) whose strategy has players in the profile. A profile is complete when every strategy
 * present in it has a payoff. Immutable; built with {@link #builder}.
 */
public final class EmpiricalGame {
    private final List<Role> roles;
    private final TreeMap<Profile, Payoff[][]> payoffs;

    private EmpiricalGame(List<Role> roles, TreeMap<Profile, Payoff[][]> payoffs) {
        this.roles = roles;
        this.payoffs = payoffs;
    }

    public static Builder builder(List<Role> roles) {
        return new Builder(roles);
    }

    public List<Role> roles() {
        return roles;
    }

    /** The role's position; the message lists the roles when there is none of that name. */
    public int roleIndex(String role) {
        int r = ProfileText.roleIndex(roles, role);
        if (r < 0) {
            throw new IllegalArgumentException("unknown role '" + role + "'; roles are " + ProfileText.names(roles));
        }
        return r;
    }

    /** The strategy's position in its role; the message lists the role's strategies when there is none of that name. */
    public int strategyIndex(int role, String strategy) {
        int s = roles.get(role).strategyIndex(strategy);
        if (s < 0) {
            throw new IllegalArgumentException("unknown strategy '" + strategy + "' of role " + roles.get(role).name()
                    + "; its strategies are " + roles.get(role).strategies());
        }
        return s;
    }

    /** Every profile with at least one payoff, in profile order. */
    public List<Profile> profiles() {
        return List.copyOf(payoffs.keySet());
    }

    public Optional<Payoff> payoff(Profile profile, int role, int strategy) {
        Payoff[][] p = payoffs.get(profile);
        return Optional.ofNullable(p == null ? null : p[role][strategy]);
    }

    public Optional<Payoff> payoff(Profile profile, String role, String strategy) {
        int r = roleIndex(role);
        return payoff(profile, r, strategyIndex(r, strategy));
    }

    /** Whether every strategy played in the profile has a payoff. */
    public boolean isComplete(Profile profile) {
        Payoff[][] p = payoffs.get(profile);
        if (p == null) {
            return false;
        }
        for (int r = 0; r < p.length; r++) {
            for (int s = 0; s < p[r].length; s++) {
                if (profile.count(r, s) > 0 && p[r][s] == null) {
                    return false;
                }
            }
        }
        return true;
    }

    /** The complete profiles, in profile order. */
    public List<Profile> completeProfiles() {
        return payoffs.keySet().stream().filter(this::isComplete).toList();
    }

    /** Collects samples (or, from a file, finished estimates) per (profile, role, strategy). */
    public static final class Builder {
        private final List<Role> roles;
        private final Map<Profile, List<List<List<Double>>>> samples = new TreeMap<>();
        private final Map<Profile, Payoff[][]> estimates = new TreeMap<>();

        private Builder(List<Role> roles) {
            this.roles = Role.checkDistinct(roles);
        }

        /** One replication's payoff to a player of {@code role} playing {@code strategy} in {@code profile}. */
        public Builder addSample(Profile profile, int role, int strategy, double payoff) {
            check(profile, role, strategy);
            if (!Double.isFinite(payoff)) {
                throw new IllegalArgumentException(where(profile, role, strategy) + ": payoff " + payoff + " must be finite");
            }
            if (estimates.containsKey(profile) && estimates.get(profile)[role][strategy] != null) {
                throw new IllegalArgumentException(where(profile, role, strategy) + ": already has an estimate");
            }
            samples.computeIfAbsent(profile, p -> emptyCells(roles)).get(role).get(strategy).add(payoff);
            return this;
        }

        public Builder addSample(Profile profile, String role, String strategy, double payoff) {
            int r = ProfileText.roleIndex(roles, role);
            if (r < 0) {
                throw new IllegalArgumentException("unknown role '" + role + "'; roles are " + ProfileText.names(roles));
            }
            int s = roles.get(r).strategyIndex(strategy);
            if (s < 0) {
                throw new IllegalArgumentException("unknown strategy '" + strategy + "' of role " + role
                        + "; its strategies are " + roles.get(r).strategies());
            }
            return addSample(profile, r, s, payoff);
        }

        /** A finished estimate (read from {@code payoffs.csv}, or carried over by a reduction). */
        public Builder put(Profile profile, int role, int strategy, Payoff payoff) {
            check(profile, role, strategy);
            Payoff[][] cells = estimates.computeIfAbsent(profile, p -> emptyEstimates(roles));
            boolean sampled = samples.containsKey(profile) && !samples.get(profile).get(role).get(strategy).isEmpty();
            if (cells[role][strategy] != null || sampled) {
                throw new IllegalArgumentException(where(profile, role, strategy) + ": given twice");
            }
            cells[role][strategy] = payoff;
            return this;
        }

        public EmpiricalGame build() {
            TreeMap<Profile, Payoff[][]> out = new TreeMap<>();
            estimates.forEach((p, cells) -> out.put(p, copy(cells)));
            samples.forEach((p, cells) -> {
                Payoff[][] into = out.computeIfAbsent(p, q -> emptyEstimates(roles));
                for (int r = 0; r < cells.size(); r++) {
                    for (int s = 0; s < cells.get(r).size(); s++) {
                        List<Double> xs = cells.get(r).get(s);
                        if (!xs.isEmpty()) {
                            into[r][s] = Payoff.of(xs.stream().mapToDouble(Double::doubleValue).toArray());
                        }
                    }
                }
            });
            return new EmpiricalGame(roles, out);
        }

        private void check(Profile profile, int role, int strategy) {
            if (!profile.roles().equals(roles)) {
                throw new IllegalArgumentException("profile " + profile + " is of roles " + profile.roles()
                        + ", not this game's " + roles);
            }
            if (profile.count(role, strategy) == 0) {
                throw new IllegalArgumentException(where(profile, role, strategy) + ": nobody plays it in this profile");
            }
        }

        private String where(Profile profile, int role, int strategy) {
            return "profile '" + profile + "', " + roles.get(role).name() + " " + roles.get(role).strategies().get(strategy);
        }

        private static List<List<List<Double>>> emptyCells(List<Role> roles) {
            List<List<List<Double>>> cells = new ArrayList<>();
            for (Role role : roles) {
                List<List<Double>> row = new ArrayList<>();
                for (int s = 0; s < role.strategyCount(); s++) {
                    row.add(new ArrayList<>());
                }
                cells.add(row);
            }
            return cells;
        }

        private static Payoff[][] emptyEstimates(List<Role> roles) {
            Payoff[][] cells = new Payoff[roles.size()][];
            for (int r = 0; r < roles.size(); r++) {
                cells[r] = new Payoff[roles.get(r).strategyCount()];
            }
            return cells;
        }

        private static Payoff[][] copy(Payoff[][] cells) {
            Payoff[][] out = new Payoff[cells.length][];
            for (int r = 0; r < cells.length; r++) {
                out[r] = cells[r].clone();
            }
            return out;
        }
    }
}
