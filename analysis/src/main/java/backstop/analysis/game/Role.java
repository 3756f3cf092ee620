package backstop.analysis.game;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One role of a role-symmetric game: its name, how many players take it and the strategies they choose among (in the
 * order every profile, mixture and file lists them).
 */
public record Role(String name, int players, List<String> strategies) {

    public Role {
        checkName("role name", name);
        if (players < 1) {
            throw new IllegalArgumentException("role " + name + ": players " + players + " must be ≥ 1");
        }
        strategies = List.copyOf(strategies);
        if (strategies.isEmpty()) {
            throw new IllegalArgumentException("role " + name + ": needs at least one strategy");
        }
        Set<String> seen = new HashSet<>();
        for (String s : strategies) {
            checkName("role " + name + ": strategy name", s);
            if (!seen.add(s)) {
                throw new IllegalArgumentException("role " + name + ": strategy '" + s + "' appears twice");
            }
        }
    }

    /** The same role with another number of players (a reduced game's role). */
    public Role withPlayers(int n) {
        return new Role(name, n, strategies);
    }

    /** The strategy's position, or −1 when the role has no such strategy. */
    public int strategyIndex(String strategy) {
        return strategies.indexOf(strategy);
    }

    /** How many strategies the role has. */
    public int strategyCount() {
        return strategies.size();
    }

    /** The roles of one game must have distinct names. */
    static List<Role> checkDistinct(List<Role> roles) {
        Set<String> seen = new HashSet<>();
        for (Role role : roles) {
            if (!seen.add(role.name())) {
                throw new IllegalArgumentException("role " + role.name() + " appears twice");
            }
        }
        if (roles.isEmpty()) {
            throw new IllegalArgumentException("a game needs at least one role");
        }
        return List.copyOf(roles);
    }

    /** Names appear in profile text ({@code keepers: aggressive 3}), so they may hold no space, ':', ';' or ','. */
    static void checkName(String what, String name) {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException(what + " is empty");
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (Character.isWhitespace(c) || c == ':' || c == ';' || c == ',') {
                throw new IllegalArgumentException(what + " '" + name + "' may not contain spaces, ':', ';' or ','");
            }
        }
    }
}
