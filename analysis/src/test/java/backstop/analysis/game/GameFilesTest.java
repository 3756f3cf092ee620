package backstop.analysis.game;

import backstop.analysis.ResultFormatException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GameFilesTest {
    static final List<Role> ROLES = ProfileTest.ROLES;
    static final String HEADER = "profile,role,strategy,count,samples,mean,std_error,ci_low,ci_high";
    @TempDir
    Path dir;

    @Test
    void payoffsCsvReadsBackWhatItWrote() throws IOException {
        Profile p = Profile.parse(ROLES, "keepers: aggressive 3, moderate 1; makers: stay 2");
        Profile q = Profile.parse(ROLES, "keepers: late 4; makers: stay 1, withdraw 1");
        EmpiricalGame g = EmpiricalGame.builder(ROLES)
                .addSample(p, "keepers", "aggressive", 1.5).addSample(p, "keepers", "aggressive", 2.5)
                .addSample(p, "makers", "stay", -0.1)
                .addSample(q, "makers", "withdraw", 7).build();
        Path file = dir.resolve("payoffs.csv");
        PayoffsCsv.write(file, g);
        List<String> lines = Files.readAllLines(file);
        assertEquals(HEADER, lines.get(0));
        // Two samples, 1.5 and 2.5: mean 2, standard error 0.5, interval 2 ± t(0.975, 1) × 0.5 = 2 ± 6.353102.
        assertTrue(lines.get(1).startsWith("\"keepers: aggressive 3, moderate 1; makers: stay 2\",keepers,aggressive,3,2,"
                + "2.0,0.5,-4.3531"), lines.get(1));
        assertEquals("\"keepers: late 4; makers: stay 1, withdraw 1\",makers,withdraw,1,1,7.0,NaN,NaN,NaN", lines.get(3));
        assertEquals(4, lines.size());
        EmpiricalGame back = PayoffsCsv.read(file, ROLES);
        assertEquals(g.profiles(), back.profiles());
        for (Profile x : g.profiles()) {
            for (int r = 0; r < 2; r++) {
                for (int s = 0; s < ROLES.get(r).strategyCount(); s++) {
                    assertEquals(g.payoff(x, r, s), back.payoff(x, r, s));
                }
            }
        }
        assertTrue(back.isComplete(q) == g.isComplete(q) && !back.isComplete(p));
    }

    @Test
    void badPayoffRowsNameTheLineColumnAndValue() throws IOException {
        String good = "\"keepers: aggressive 4; makers: stay 2\",keepers,aggressive,4,3,1.0,0.1,0.5,1.5";
        assertBad(good.replace("makers: stay 2", "takers: stay 2"), "line 2, column 'profile': profile "
                + "'keepers: aggressive 4; takers: stay 2': unknown role 'takers'");
        assertBad(good.replace("aggressive 4", "timid 4"), "unknown strategy 'timid' of role keepers");
        assertBad(good.replace("aggressive 4", "aggressive 5"), "keepers: counts sum to 5, but the role has 4 players");
        assertBad(good.replace("aggressive 4", "aggressive 5, moderate -1"), "keepers: moderate -1 must be ≥ 0");
        assertBad(good.replace(",keepers,", ",takers,"), "line 2, column 'role': unknown role 'takers'");
        assertBad(good.replace(",aggressive,4,", ",moderate,4,"), "column 'count': 4, but the profile has 0 keepers"
                + " playing moderate");
        assertBad(good.replace(",4,3,", ",4,2.5,"), "column 'samples': '2.5' is not a whole number");
        assertBad(good.replace(",4,3,", ",4,0,"), "samples 0 must be ≥ 1");
        assertBad(good + "\n" + good, "line 3: profile 'keepers: aggressive 4; makers: stay 2', keepers aggressive: "
                + "given twice");
        Path noMean = dir.resolve("nomean.csv");
        Files.writeString(noMean, "profile,role,strategy,count,samples\n");
        ResultFormatException e = assertThrows(ResultFormatException.class, () -> PayoffsCsv.read(noMean, ROLES));
        assertTrue(e.getMessage().contains("no column 'mean'"), e.getMessage());
    }

    @Test
    void equilibriaCsvHasProbabilityAndGainColumnsPerRole() throws IOException {
        EmpiricalGame pd = MatrixGamesTest.PD;
        List<Candidate> eqs = SupportEnumeration.solve(pd);
        Candidate cooperate = new Candidate("replicator", "uniform", 0.5, false,
                MixedProfile.pure(pd.roles(), 0, 0), Regret.of(pd, MixedProfile.pure(pd.roles(), 0, 0)));
        Path file = dir.resolve("equilibria.csv");
        EquilibriaCsv.write(file, pd.roles(), List.of(eqs.get(0), cooperate));
        assertEquals(List.of(
                "method,start,regret,basin,row:cooperate,row:defect,column:cooperate,column:defect,row_gain,column_gain",
                "support-enumeration,\"supports row: defect; column: defect\",0.0,NaN,0.0,1.0,0.0,1.0,0.0,0.0",
                "replicator,uniform,2.0,0.5,1.0,0.0,1.0,0.0,2.0,2.0"), Files.readAllLines(file));
    }

    private void assertBad(String row, String expected) throws IOException {
        Path file = dir.resolve("bad.csv");
        Files.writeString(file, HEADER + "\n" + row + "\n");
        ResultFormatException e = assertThrows(ResultFormatException.class, () -> PayoffsCsv.read(file, ROLES));
        assertTrue(e.getMessage().startsWith(file.toString()) && e.getMessage().contains(expected), e.getMessage());
    }
}
