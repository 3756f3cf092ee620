package backstop.protocol.waterfall;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * No queue: the offset is spread over every candidate in proportion to its size (the pro-rata benchmark of
 * Chitra's ADL critique, MECHANISMS.md §(b)1). Each gives floor(lots × |size| / Σ|size|); the few lots left by
 * rounding go one each to the largest fractional remainders, ties to the lower account id. With fewer lots on
 * that side than needed, everyone gives everything.
 */
public final class ProRataRanking implements AdlRanking {
    @Override
    public String name() {
        return "pro-rata";
    }

    @Override
    public List<AdlCandidate> rank(List<AdlCandidate> candidates) {
        return new ArrayList<>(candidates);
    }

    @Override
    public long[] allocate(List<AdlCandidate> ranked, long lots) {
        int n = ranked.size();
        long[] out = new long[n];
        long total = 0;
        for (AdlCandidate c : ranked) {
            total = Math.addExact(total, Math.abs(c.size()));
        }
        if (total <= lots) {
            for (int i = 0; i < n; i++) {
                out[i] = Math.abs(ranked.get(i).size());
            }
            return out;
        }
        long[] fraction = new long[n];
        long given = 0;
        for (int i = 0; i < n; i++) {
            long size = Math.abs(ranked.get(i).size());
            BigInteger[] qr = BigInteger.valueOf(lots).multiply(BigInteger.valueOf(size))
                    .divideAndRemainder(BigInteger.valueOf(total));
            out[i] = qr[0].longValueExact();
            fraction[i] = qr[1].longValueExact();
            given += out[i];
        }
        // Largest remainder: each of the (lots − given) < n extra lots goes to a distinct candidate.
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (x, y) -> fraction[x] != fraction[y] ? Long.compare(fraction[y], fraction[x])
                : Integer.compare(ranked.get(x).account(), ranked.get(y).account()));
        for (int k = 0; k < lots - given; k++) {
            out[order[k]]++;
        }
        return out;
    }
}
