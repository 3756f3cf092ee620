package backstop.analysis.game;

import java.util.List;

/** Parses a profile's text form, {@code keepers: aggressive 3, moderate 1; makers: stay 2}. */
final class ProfileText {
    private ProfileText() {
    }

    static Profile parse(List<Role> roles, String text) {
        String where = "profile '" + text + "'";
        int[][] counts = new int[roles.size()][];
        for (String part : text.split(";", -1)) {
            int colon = part.indexOf(':');
            if (colon < 0) {
                throw new IllegalArgumentException(where + ": '" + part.trim() + "' is not 'role: strategy count, …'");
            }
            String roleName = part.substring(0, colon).trim();
            int r = roleIndex(roles, roleName);
            if (r < 0) {
                throw new IllegalArgumentException(where + ": unknown role '" + roleName + "'; roles are " + names(roles));
            }
            if (counts[r] != null) {
                throw new IllegalArgumentException(where + ": role " + roleName + " appears twice");
            }
            Role role = roles.get(r);
            counts[r] = new int[role.strategyCount()];
            boolean[] seen = new boolean[role.strategyCount()];
            String body = part.substring(colon + 1).trim();
            for (String entry : body.isEmpty() ? new String[0] : body.split(",", -1)) {
                String[] words = entry.trim().split("\\s+");
                if (words.length != 2) {
                    throw new IllegalArgumentException(where + ": " + roleName + ": '" + entry.trim() + "' is not 'strategy count'");
                }
                int s = role.strategyIndex(words[0]);
                if (s < 0) {
                    throw new IllegalArgumentException(where + ": unknown strategy '" + words[0] + "' of role " + roleName
                            + "; its strategies are " + role.strategies());
                }
                if (seen[s]) {
                    throw new IllegalArgumentException(where + ": " + roleName + ": strategy " + words[0] + " appears twice");
                }
                seen[s] = true;
                counts[r][s] = count(where, roleName, words);
            }
        }
        for (int r = 0; r < roles.size(); r++) {
            if (counts[r] == null) {
                throw new IllegalArgumentException(where + ": no entry for role " + roles.get(r).name());
            }
        }
        try {
            return Profile.of(roles, counts);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + ": " + e.getMessage().substring("profile: ".length()), e);
        }
    }

    private static int count(String where, String roleName, String[] words) {
        try {
            return Integer.parseInt(words[1]);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(where + ": " + roleName + ": " + words[0] + " count '" + words[1]
                    + "' is not a whole number", e);
        }
    }

    static int roleIndex(List<Role> roles, String name) {
        for (int r = 0; r < roles.size(); r++) {
            if (roles.get(r).name().equals(name)) {
                return r;
            }
        }
        return -1;
    }

    static List<String> names(List<Role> roles) {
        return roles.stream().map(Role::name).toList();
    }
}
