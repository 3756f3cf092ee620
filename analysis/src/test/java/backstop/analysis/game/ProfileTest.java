package backstop.analysis.game;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProfileTest {
    static final List<Role> ROLES = List.of(new Role("keepers", 4, List.of("aggressive", "moderate", "late")),
            new Role("makers", 2, List.of("stay", "withdraw")));

    @Test
    void aMixturesTextKeepsItsProbabilitiesWholeAndRoundsThemForPeople() {
        List<Role> roles = List.of(new Role("keepers", 3, List.of("aggressive", "frugal", "idle")));
        MixedProfile m = MixedProfile.of(roles, new double[] {0.42165896841860445, 0.5783410315813955, 0});
        assertEquals("keepers: aggressive 0.42165896841860445, frugal 0.5783410315813955", m.text());
        assertEquals("keepers: aggressive 0.422, frugal 0.578", m.text(3));
    }

    @Test
    void textListsRolesAndPlayedStrategiesInGameOrder() {
        Profile p = Profile.of(ROLES, new int[] {3, 1, 0}, new int[] {2, 0});
        assertEquals("keepers: aggressive 3, moderate 1; makers: stay 2", p.text());
        assertEquals(p, Profile.parse(ROLES, p.text()));
        assertEquals(p.hashCode(), Profile.parse(ROLES, "makers: stay 2;keepers:moderate 1,aggressive 3, late 0").hashCode());
        assertNotEquals(p, Profile.of(ROLES, new int[] {3, 0, 1}, new int[] {2, 0}));
    }

    @Test
    void badProfileTextNamesTheFieldAndValue() {
        assertMessage("unknown role 'takers'", "keepers: aggressive 4; takers: stay 2");
        assertMessage("unknown strategy 'timid' of role keepers", "keepers: timid 4; makers: stay 2");
        assertMessage("keepers: counts sum to 5, but the role has 4 players", "keepers: aggressive 5; makers: stay 2");
        assertMessage("keepers: moderate -1 must be ≥ 0", "keepers: aggressive 5, moderate -1; makers: stay 2");
        assertMessage("no entry for role makers", "keepers: aggressive 4");
        assertMessage("moderate count 'x' is not a whole number", "keepers: aggressive 3, moderate x; makers: stay 2");
        assertMessage("strategy aggressive appears twice", "keepers: aggressive 3, aggressive 1; makers: stay 2");
    }

    @Test
    void everyProfileIsListedOnceHeaviestFirst() {
        List<Profile> all = Profile.all(ROLES);
        assertEquals(15 * 3, all.size());                   // C(4 + 2, 2) keeper splits × C(2 + 1, 1) maker splits
        assertEquals("keepers: aggressive 4; makers: stay 2", all.get(0).text());
        assertEquals("keepers: late 4; makers: withdraw 2", all.get(all.size() - 1).text());
        for (int i = 1; i < all.size(); i++) {
            assertTrue(all.get(i - 1).compareTo(all.get(i)) < 0, all.get(i).text());
        }
        assertArrayEquals(new int[] {0, 0, 4}, Profile.pure(ROLES, 2, 1).counts(0));
    }

    @Test
    void namesThatWouldBreakTheTextAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new Role("keep ers", 2, List.of("a")));
        assertThrows(IllegalArgumentException.class, () -> new Role("keepers", 2, List.of("a:b")));
        assertThrows(IllegalArgumentException.class, () -> new Role("keepers", 2, List.of("a", "a")));
        assertThrows(IllegalArgumentException.class, () -> new Role("keepers", 0, List.of("a")));
    }

    private static void assertMessage(String expected, String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Profile.parse(ROLES, text));
        assertTrue(e.getMessage().contains(expected) && e.getMessage().contains("'" + text + "'"), e.getMessage());
    }
}
