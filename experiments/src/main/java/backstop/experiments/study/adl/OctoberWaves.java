package backstop.experiments.study.adl;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * The 16 global ADL waves of Hyperliquid's 10 October 2025 event as Chitra et al. measured them (arXiv 2512.01112 and
 * 2602.15182; repository pluriholonomic/autodeleveraging-analysis, commit aae0be8, {@code out/eval_horizon_sweep/
 * gap_ms=5000/horizon_ms=0/two_pass_equity_delta_by_wave.csv} and {@code out/policy_per_wave_metrics.csv}), read from
 * {@code studies/hyperliquid-adl/waves.csv} (its README names the transformation). Amounts are US dollars.
 */
public final class OctoberWaves {
    /** The resource the waves are read from. */
    public static final String RESOURCE = "/studies/hyperliquid-adl/waves.csv";
    private static final String HEADER = "wave,duration_ms,needed_usd,production_usd,contract_pro_rata_usd,"
            + "wealth_pro_rata_usd,winners_equity_usd,winners_pnl_usd";

    private OctoberWaves() {
    }

    /**
     * One wave: ADL fills clustered with gaps of at most 5 s.
     *
     * @param wave            the paper's wave number
     * @param durationMillis  first to last ADL fill
     * @param needed          B_needed: Σ |markPx − px| × |sz| over the wave's ADL fills (the bankruptcy gap)
     * @param production      H_prod at horizon 0: Σ over winners of (equity without ADL − equity with ADL)⁺ at the
     *                        wave's end, the realized price path held fixed (the two-pass replay)
     * @param contractProRata the paper's contract-space pro rata: the wave's contracts closed pro rata to position
     *                        size, each charged the wave's mean gap per contract, capped at min(uPnL, equity)
     * @param wealthProRata   the paper's wealth-space pro rata: B_needed spread ∝ min(uPnL, equity), capped there
     * @param winnersEquity   Σ equity of the wave's winners at its start
     * @param winnersPnl      Σ unrealized PnL of the wave's winners at its start
     */
    public record Wave(int wave, long durationMillis, double needed, double production, double contractProRata,
                       double wealthProRata, double winnersEquity, double winnersPnl) {
        /** The wave's duration rounded to whole seconds (the replay's 1 s blocks). */
        public long durationSeconds() {
            return Math.round(durationMillis / 1000.0);
        }
    }

    /** The waves in order. */
    public static List<Wave> load() {
        try (InputStream in = OctoberWaves.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("resource " + RESOURCE + " is missing");
            }
            return parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Wave> parse(BufferedReader reader) throws IOException {
        String header = reader.readLine();
        if (!HEADER.equals(header)) {
            throw new IllegalArgumentException(RESOURCE + ": header must be " + HEADER + ", got " + header);
        }
        List<Wave> out = new ArrayList<>();
        int line = 1;
        for (String row = reader.readLine(); row != null; row = reader.readLine()) {
            line++;
            String[] f = row.split(",", -1);
            if (f.length != 8) {
                throw new IllegalArgumentException(RESOURCE + " line " + line + ": 8 fields expected, got " + row);
            }
            out.add(new Wave(Integer.parseInt(f[0]), Long.parseLong(f[1]), Double.parseDouble(f[2]),
                    Double.parseDouble(f[3]), Double.parseDouble(f[4]), Double.parseDouble(f[5]),
                    Double.parseDouble(f[6]), Double.parseDouble(f[7])));
        }
        return List.copyOf(out);
    }

    /** Σ of one figure over the waves. */
    public static double total(List<Wave> waves, ToDoubleFunction<Wave> figure) {
        return waves.stream().mapToDouble(figure).sum();
    }
}
