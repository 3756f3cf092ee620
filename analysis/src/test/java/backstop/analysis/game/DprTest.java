package backstop.analysis.game;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Hand-worked reductions, by the definitions of Wiedenbeck and Wellman (2012), section 3. */
class DprTest {
    static final List<Role> FIVE = List.of(new Role("keepers", 5, List.of("a", "b")));

    @Test
    void fivePlayersReducedToThree() {
        Dpr dpr = new Dpr(FIVE, 3);
        List<Role> red = dpr.reducedRoles();
        Profile twoOne = Profile.parse(red, "keepers: a 2, b 1");
        // a's payoff: one player plays a, the other two reduced players (one a, one b) stand for 2 full players each.
        assertEquals("keepers: a 3, b 2", dpr.fullProfile(twoOne, 0, 0).text());
        // b's payoff: one player plays b, the other two (both a) stand for 4 full a players.
        assertEquals("keepers: a 4, b 1", dpr.fullProfile(twoOne, 0, 1).text());
        Profile oneTwo = Profile.parse(red, "keepers: a 1, b 2");
        assertEquals("keepers: a 1, b 4", dpr.fullProfile(oneTwo, 0, 0).text());
        assertEquals("keepers: a 2, b 3", dpr.fullProfile(oneTwo, 0, 1).text());
        assertEquals(List.of("keepers: a 5"), texts(dpr.fullProfiles(Profile.parse(red, "keepers: a 3"))));
        // Four reduced profiles need all six full profiles: with N = 5 and n = 3, DPR saves nothing yet.
        assertEquals(6, dpr.allFullProfiles().size());
    }

    @Test
    void ninePlayersReducedToThreeNeedSixOfTheTenFullProfiles() {
        Dpr dpr = new Dpr(List.of(new Role("keepers", 9, List.of("a", "b"))), 3);
        assertEquals(List.of("keepers: a 9", "keepers: a 8, b 1", "keepers: a 5, b 4", "keepers: a 4, b 5",
                "keepers: a 1, b 8", "keepers: b 9"), texts(dpr.allFullProfiles()));
    }

    @Test
    void twoRolesScaleTheOtherRoleByNOverN() {
        List<Role> full = List.of(new Role("buyers", 4, List.of("a", "b")), new Role("sellers", 6, List.of("x", "y")));
        Dpr dpr = new Dpr(full, 2, 2);
        Profile p = Profile.parse(dpr.reducedRoles(), "buyers: a 1, b 1; sellers: x 2");
        // A buyer on a: its other reduced buyer (b) stands for 3 = (4 − 1)/(2 − 1); each reduced seller for 3 = 6/2.
        assertEquals("buyers: a 1, b 3; sellers: x 6", dpr.fullProfile(p, 0, 0).text());
        assertEquals("buyers: a 3, b 1; sellers: x 6", dpr.fullProfile(p, 0, 1).text());
        // A seller on x: its other reduced seller stands for 5 = (6 − 1)/(2 − 1); each reduced buyer for 2 = 4/2.
        assertEquals("buyers: a 2, b 2; sellers: x 6", dpr.fullProfile(p, 1, 0).text());
        assertEquals(3, dpr.fullProfiles(p).size());
    }

    @Test
    void oneReducedPlayerStandsForTheWholeRole() {
        List<Role> full = List.of(new Role("buyers", 4, List.of("a", "b")), new Role("sellers", 3, List.of("x", "y")));
        Dpr dpr = new Dpr(full, 2, 1);
        Profile p = Profile.parse(dpr.reducedRoles(), "buyers: a 1, b 1; sellers: y 1");
        assertEquals("buyers: a 2, b 2; sellers: y 3", dpr.fullProfile(p, 1, 1).text());
        assertEquals("buyers: a 1, b 3; sellers: y 3", dpr.fullProfile(p, 0, 0).text());
    }

    @Test
    void reducedPayoffsAreTheFullGamesAtTheMappedProfiles() {
        // u_a(k_a) = 10 k_a, u_b(k_a) = k_a: every payoff names the profile it came from.
        EmpiricalGame fullGame = Games.oneRole(5, List.of("a", "b"), (s, c) -> s == 0 ? 10.0 * c[0] : c[0]);
        Dpr dpr = new Dpr(fullGame.roles(), 3);
        EmpiricalGame reduced = dpr.reduce(fullGame);
        Profile twoOne = Profile.parse(dpr.reducedRoles(), "players: a 2, b 1");
        assertEquals(30, reduced.payoff(twoOne, 0, 0).orElseThrow().mean());     // from a 3, b 2
        assertEquals(4, reduced.payoff(twoOne, 0, 1).orElseThrow().mean());      // from a 4, b 1
        assertEquals(4, reduced.completeProfiles().size());
    }

    @Test
    void countsThatDoNotDivideAreRefusedNamingRoleAndNumbers() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Dpr(List.of(new Role("keepers", 6, List.of("a", "b"))), 3));
        assertTrue(e.getMessage().contains("role keepers: 6 players cannot be reduced to 3: (N − 1) = 5 is not divisible"
                + " by (n − 1) = 2"), e.getMessage());
        // In a two-role game the other roles scale it by N/n too: 5 = 2 × 2 + 1 is fine alone, not as another's role.
        e = assertThrows(IllegalArgumentException.class, () -> new Dpr(List.of(new Role("keepers", 5, List.of("a")),
                new Role("makers", 2, List.of("x"))), 3, 2));
        assertTrue(e.getMessage().contains("role keepers: 5 players cannot be reduced to 3")
                && e.getMessage().contains("N = 5 is not divisible by n = 3"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Dpr(FIVE, 6));
        assertThrows(IllegalArgumentException.class, () -> new Dpr(FIVE, 0));
    }

    private static List<String> texts(List<Profile> ps) {
        return ps.stream().map(Profile::text).toList();
    }
}
