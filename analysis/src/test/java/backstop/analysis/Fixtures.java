package backstop.analysis;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/** Small hand-written result folders for tests, and the checked-in sample runs the simulator wrote. */
public final class Fixtures {
    private Fixtures() {
    }

    /**
     * A run folder written by {@code backstop run} or a game folder written by {@code backstop game}, checked in under
     * src/test/resources/samples ({@code calm-run}, {@code crash-run}, {@code game}; the README there says how they are
     * made and kept current).
     */
    public static Path sample(String name) {
        URL manifest = Fixtures.class.getResource("/samples/" + name + "/manifest.json");
        if (manifest == null) {
            manifest = Fixtures.class.getResource("/samples/" + name + "/game.json");   // the game folder
        }
        if (manifest == null) {
            throw new IllegalArgumentException("no sample run samples/" + name + " on the test classpath");
        }
        try {
            return Path.of(manifest.toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(manifest.toString(), e);
        }
    }

    /**
     * The lines of a file that are not blank (decompressed if its name ends in .gz), as a reader other than the
     * one under test counts them.
     */
    public static long lines(Path file) {
        try (InputStream raw = Files.newInputStream(file);
             InputStream in = file.toString().endsWith(".gz") ? new GZIPInputStream(raw) : raw;
             var lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines()) {
            return lines.filter(l -> !l.isBlank()).count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Replaces the run folder's events.jsonl by events.jsonl.gz with the same lines, as runs now write it. */
    public static Path gzipEvents(Path dir) throws IOException {
        Path plain = dir.resolve("events.jsonl");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(dir.resolve("events.jsonl.gz")))) {
            out.write(Files.readAllBytes(plain));
        }
        Files.delete(plain);
        return dir;
    }

    public static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    /**
     * A one-market run of four samples: cascade events (one cascade of size 2, depth 2), two flows, two agents.
     */
    public static Path run(Path dir) throws IOException {
        write(dir.resolve("manifest.json"), """
                {"scenario":"tiny","design":"none","seed":7,"overrides":[],"version":"0.1.0","state_hash":"ab","wall_seconds":0.5}
                """);
        write(dir.resolve("summary.json"), """
                {"bad_debt":12.5,"liquidation_count":2,"max_cascade_size":2,"max_cascade_depth":2,"amplification":"NaN","wall_seconds":0.5}
                """);
        write(dir.resolve("timeseries.csv"), """
                time,block,eth-usd_index,eth-usd_oracle,eth-usd_mark,eth-usd_spread_bps,insurance_fund,bad_debt,liquidations
                0.0,0.0,100.0,100.0,100.0,NaN,1000.0,0.0,0.0
                3600.0,300.0,90.0,91.0,90.3,5.0,1000.0,0.0,0.0
                7200.0,600.0,80.0,80.0,78.0,7.5,990.0,12.5,2.0
                10800.0,900.0,82.0,81.0,82.2,6.0,990.0,12.5,2.0
                """);
        write(dir.resolve("events.jsonl"), """
                {"type":"oracle_price","id":1,"cause_id":0,"block":600,"market":0,"price":8000}
                {"type":"liquidation","id":2,"cause_id":1,"block":600,"account":3,"market":0,"size":-10}
                {"type":"liquidation_settled","id":3,"cause_id":2,"block":600,"account":3,"market":0,"size_closed":10,"notional":800000000,"penalty":0,"reward":0}
                {"type":"oracle_price","id":4,"cause_id":2,"block":601,"market":0,"price":7900}
                {"type":"liquidation","id":5,"cause_id":4,"block":601,"account":4,"market":0,"size":-5}
                {"type":"liquidation_settled","id":6,"cause_id":5,"block":602,"account":4,"market":0,"size_closed":5,"notional":395000000,"penalty":0,"reward":0}
                """);
        write(dir.resolve("agents.csv"), """
                agent,population,class,account,capital,payoff,gas_paid,transactions,orders,failed_transactions
                0,makers,market_maker,0,2000.0,15.5,1.25,10,6,2
                1,"retail, leveraged",trader,1,500.0,-20.0,0.5,4,3,1
                """);
        write(dir.resolve("flows.csv"), """
                from,to,amount
                trader,insurance-fund,12.5
                trader,market_maker,40.0
                """);
        return dir;
    }

    /** The declarations a sweep's runs write for the fixture's metrics (metrics.json), as {@code RunFolder} writes them. */
    static final String METRICS_JSON = """
            [ {"name":"loss_borne","group":"losses","group_title":"losses","unit":"quote","label":"loss borne (quote)",
               "per_market":true,"meaning":"everything others than the defaulting accounts bear"},
              {"name":"bad_debt","group":"losses","group_title":"losses","unit":"quote","label":"bad debt (quote)",
               "per_market":true,"meaning":"realised deficits, whoever bore them"},
              {"name":"liquidated_notional","group":"liquidations","group_title":"liquidations","unit":"quote",
               "label":"liquidated notional (quote)","per_market":true,"meaning":"notional closed by liquidations"},
              {"name":"max_cascade_size","group":"liquidations","group_title":"liquidations","unit":"count",
               "label":"max cascade size","per_market":false,"meaning":"liquidations in the largest cascade"} ]
            """;

    /**
     * A sweep of designs "base" and "vault" over seeds 2 and 10 (run ids sort "s10" before "s2", so file order is
     * not seed order) and two values of one parameter for seed 2 of "vault"; one run folder, for run "vault-s2-a".
     */
    public static Path sweep(Path dir) throws IOException {
        write(dir.resolve("runs.csv"), """
                run_id,design,seed,param:markets[0].venue.depth,loss_borne,bad_debt,liquidated_notional,max_cascade_size
                base-s10,base,10,1e6,40.0,30.0,500.0,4
                base-s2,base,2,1e6,12.0,10.0,100.0,2
                vault-s10,vault,10,1e6,8.0,5.0,400.0,3
                vault-s2-a,vault,2,1e6,1.0,1.0,50.0,1
                vault-s2-b,vault,2,2e6,6.0,2.0,70.0,1
                """);
        return sweepFiles(dir);
    }

    /** The same sweep as a runs.csv written before the loss decomposition leaves it: no {@code loss_borne} column. */
    public static Path sweepWithoutLossBorne(Path dir) throws IOException {
        write(dir.resolve("runs.csv"), """
                run_id,design,seed,param:markets[0].venue.depth,bad_debt,liquidated_notional,max_cascade_size
                base-s10,base,10,1e6,30.0,500.0,4
                base-s2,base,2,1e6,10.0,100.0,2
                vault-s10,vault,10,1e6,5.0,400.0,3
                vault-s2-a,vault,2,1e6,1.0,50.0,1
                vault-s2-b,vault,2,2e6,2.0,70.0,1
                """);
        return sweepFiles(dir);
    }

    private static Path sweepFiles(Path dir) throws IOException {
        write(dir.resolve("comparison.csv"), """
                design,metric,n,mean,ci_low,ci_high,baseline,mean_difference,difference_ci_low,difference_ci_high,share_lower,share_higher
                base,bad_debt,2,20.0,-107.06,147.06,,,,,,
                vault,bad_debt,2,3.0,-22.41,28.41,base,-17.0,-69.8,35.8,1.0,0.0
                """);
        write(dir.resolve("sweep.json"), "{\"designs\":[\"base\",\"vault\"],\"seeds\":[2,10]}\n");
        write(dir.resolve("metrics.json"), METRICS_JSON);
        run(dir.resolve("runs").resolve("vault-s2-a"));
        return dir;
    }
}
