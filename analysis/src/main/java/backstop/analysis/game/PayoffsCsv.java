package backstop.analysis.game;

import backstop.analysis.ResultFormatException;
import backstop.analysis.Table;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code payoffs.csv}: one row per (profile, role, strategy) with a payoff, profiles in profile order, then roles and
 * strategies in the game's order. {@code profile} is the profile's text, {@code count} the players of that role on
 * that strategy, {@code samples} the replications behind the mean, {@code std_error} the mean's standard error and
 * {@code ci_low}, {@code ci_high} its 95% t interval (NaN with one sample).
 */
public final class PayoffsCsv {
    public static final List<String> COLUMNS = List.of("profile", "role", "strategy", "count", "samples", "mean",
            "std_error", "ci_low", "ci_high");

    private PayoffsCsv() {
    }

    public static void write(Path file, EmpiricalGame game) throws IOException {
        List<List<Object>> rows = new ArrayList<>();
        for (Profile p : game.profiles()) {
            for (int r = 0; r < game.roles().size(); r++) {
                Role role = game.roles().get(r);
                for (int s = 0; s < role.strategyCount(); s++) {
                    Optional<Payoff> pay = game.payoff(p, r, s);
                    if (pay.isPresent()) {
                        Payoff x = pay.get();
                        rows.add(List.of(p.text(), role.name(), role.strategies().get(s), p.count(r, s), x.samples(),
                                x.mean(), x.stdError(), x.ciLow(), x.ciHigh()));
                    }
                }
            }
        }
        GameCsv.write(file, COLUMNS, rows);
    }

    /** Reads a file against the game's roles; a bad cell fails naming the file, line, column and value. */
    public static EmpiricalGame read(Path file, List<Role> roles) {
        Table t = Table.read(file);
        for (String c : COLUMNS) {
            if (!t.has(c)) {
                throw new ResultFormatException(file + ": no column '" + c + "'; payoffs.csv has " + COLUMNS);
            }
        }
        EmpiricalGame.Builder game = EmpiricalGame.builder(roles);
        for (int i = 0; i < t.rows(); i++) {
            String at = file + " line " + (i + 2);
            Profile p;
            try {
                p = Profile.parse(roles, t.cell(i, "profile"));
            } catch (IllegalArgumentException e) {
                throw new ResultFormatException(at + ", column 'profile': " + e.getMessage(), e);
            }
            String roleName = t.cell(i, "role");
            int r = ProfileText.roleIndex(roles, roleName);
            if (r < 0) {
                throw new ResultFormatException(at + ", column 'role': unknown role '" + roleName + "'; roles are "
                        + ProfileText.names(roles));
            }
            String strategy = t.cell(i, "strategy");
            int s = roles.get(r).strategyIndex(strategy);
            if (s < 0) {
                throw new ResultFormatException(at + ", column 'strategy': unknown strategy '" + strategy + "' of role "
                        + roleName + "; its strategies are " + roles.get(r).strategies());
            }
            int count = whole(t, i, "count", at);
            if (count != p.count(r, s)) {
                throw new ResultFormatException(at + ", column 'count': " + count + ", but the profile has "
                        + p.count(r, s) + " " + roleName + " playing " + strategy);
            }
            int samples = whole(t, i, "samples", at);
            double mean = t.value(i, "mean");
            Payoff payoff;
            try {
                payoff = new Payoff(samples, mean, t.value(i, "std_error"), t.value(i, "ci_low"), t.value(i, "ci_high"));
                game.put(p, r, s, payoff);
            } catch (IllegalArgumentException e) {
                throw new ResultFormatException(at + ": " + e.getMessage(), e);
            }
        }
        return game.build();
    }

    private static int whole(Table t, int row, String column, String at) {
        double v = t.value(row, column);
        if (v != Math.rint(v) || Math.abs(v) > Integer.MAX_VALUE) {
            throw new ResultFormatException(at + ", column '" + column + "': '" + t.cell(row, column)
                    + "' is not a whole number");
        }
        return (int) v;
    }
}
