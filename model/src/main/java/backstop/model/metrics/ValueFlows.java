package backstop.model.metrics;

import backstop.protocol.Protocol;
import backstop.protocol.event.EventSink;
import backstop.protocol.event.ProtocolEvent;
import backstop.protocol.ledger.PostingListener;
import backstop.protocol.ledger.PostingReason;
import backstop.protocol.market.MarketSpec;
import backstop.protocol.money.Amounts;
import it.unimi.dsi.fastutil.ints.Int2ObjectOpenHashMap;
import it.unimi.dsi.fastutil.longs.Long2ObjectOpenHashMap;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.IntFunction;

/**
 * The value-flow matrix (DESIGN.md §3): who gained what every other participant lost. Nodes are agent classes
 * (by account tag) and the protocol's pots. Two sources feed it:
 * <ul>
 *   <li>every ledger posting except trades, deposits, withdrawals and internal transfers — fees, rebates,
 *   penalties, rewards, funding, insurance draws, socialized losses, write-offs — flows from its payer's
 *   node to its payee's;</li>
 *   <li>every trade (fill or off-book position transfer) of s units at price p moves s × (P − p) from seller to
 *   buyer, valued at the final price P; summed over a class's trades this is exactly its trading PnL.</li>
 * </ul>
 * So a class's net inflow is its PnL net of deposits. Flows are metrics (doubles in quote units). Every posting and
 * trade reaches it (gas alone is one posting per transaction), so it finds a pair's running sum by the pair's node
 * codes (an account's tag or a pot's id) and builds node names only once per code.
 */
public final class ValueFlows implements EventSink, PostingListener {
    private final Protocol protocol;
    private final IntFunction<String> tagName;
    /** Sums by "from\tto" (postings) and "seller\tbuyer\tmarket" (trades: base units, base × price). */
    private final Map<String, double[]> postings = new TreeMap<>();
    private final Map<String, double[]> trades = new TreeMap<>();
    /** The same sums by node codes, for lookups only (never iterated); several codes may share a name's sum. */
    private final Long2ObjectOpenHashMap<double[]> postingsByCode = new Long2ObjectOpenHashMap<>();
    private final Int2ObjectOpenHashMap<Long2ObjectOpenHashMap<double[]>> tradesByCode = new Int2ObjectOpenHashMap<>();
    private final Int2ObjectOpenHashMap<String> names = new Int2ObjectOpenHashMap<>();

    /** {@code tagName} names an account tag's class (e.g. 0 → "trader"); the same tag always gets the same name. */
    public ValueFlows(Protocol protocol, IntFunction<String> tagName) {
        this.protocol = protocol;
        this.tagName = tagName;
        protocol.ledger().addListener(this);
    }

    @Override
    public void onPosting(int from, int to, long amount, PostingReason reason) {
        switch (reason) {
            case TRADE, DEPOSIT, WITHDRAWAL, TRANSFER -> {
            }
            default -> {
                long codes = pair(code(from), code(to));
                double[] sum = postingsByCode.get(codes);
                if (sum == null) {
                    sum = postings.computeIfAbsent(node(from) + "\t" + node(to), k -> new double[1]);
                    postingsByCode.put(codes, sum);
                }
                sum[0] += Amounts.toUnits(amount);
            }
        }
    }

    @Override
    public void accept(ProtocolEvent e) {
        if (e instanceof ProtocolEvent.Fill f) {
            int buyer = f.takerSide().sign() > 0 ? f.takerAccount() : f.makerAccount();
            int seller = f.takerSide().sign() > 0 ? f.makerAccount() : f.takerAccount();
            trade(seller, buyer, f.market(), f.size(), f.price());
        } else if (e instanceof ProtocolEvent.PositionTransfer t) {
            if (t.size() > 0) {
                trade(t.fromAccount(), t.toAccount(), t.market(), t.size(), t.price());
            } else {
                trade(t.toAccount(), t.fromAccount(), t.market(), -t.size(), t.price());
            }
        }
    }

    private void trade(int seller, int buyer, int market, long size, long price) {
        MarketSpec spec = protocol.market(market).spec();
        double base = spec.base(size);
        Long2ObjectOpenHashMap<double[]> inMarket = tradesByCode.computeIfAbsent(market, m -> new Long2ObjectOpenHashMap<>());
        long codes = pair(code(seller), code(buyer));
        double[] acc = inMarket.get(codes);
        if (acc == null) {
            acc = trades.computeIfAbsent(node(seller) + "\t" + node(buyer) + "\t" + market, k -> new double[2]);
            inMarket.put(codes, acc);
        }
        acc[0] += base;
        acc[1] += base * spec.price(price);
    }

    /** An account's node code is its tag (small: the vault's is −2); a pot's is its id (< 0) shifted far below any tag. */
    private int code(int pot) {
        return pot >= 0 ? protocol.accounts().tag(pot) : Integer.MIN_VALUE / 2 + pot;
    }

    private static long pair(int from, int to) {
        return ((long) from << 32) | (to & 0xFFFF_FFFFL);
    }

    private String node(int pot) {
        return names.computeIfAbsent(code(pot), c -> pot >= 0 ? tagName.apply(protocol.accounts().tag(pot))
                : protocol.ledger().name(pot));
    }

    /** One directed flow between two nodes, quote units (positive: value moved from → to). */
    public record Flow(String from, String to, double amount) {
    }

    /**
     * The matrix now, trades valued at each market's current oracle price, netted per ordered pair of
     * nodes and listed with positive amounts, sorted by (from, to).
     */
    public List<Flow> matrix() {
        Map<String, Double> net = new TreeMap<>();
        postings.forEach((k, v) -> net.put(k, v[0]));
        for (Map.Entry<String, double[]> e : trades.entrySet()) {
            String[] k = e.getKey().split("\t");
            MarketSpec spec = protocol.market(Integer.parseInt(k[2])).spec();
            double finalPrice = spec.price(protocol.market(Integer.parseInt(k[2])).oraclePrice());
            double pnl = e.getValue()[0] * finalPrice - e.getValue()[1];
            net.merge(k[0] + "\t" + k[1], pnl, Double::sum);
        }
        Map<String, Double> pairs = new TreeMap<>();
        for (Map.Entry<String, Double> e : net.entrySet()) {
            String[] k = e.getKey().split("\t");
            if (k[0].equals(k[1])) {
                continue;
            }
            boolean forward = k[0].compareTo(k[1]) < 0;
            String key = forward ? k[0] + "\t" + k[1] : k[1] + "\t" + k[0];
            pairs.merge(key, forward ? e.getValue() : -e.getValue(), Double::sum);
        }
        List<Flow> out = new ArrayList<>();
        for (Map.Entry<String, Double> e : pairs.entrySet()) {
            String[] k = e.getKey().split("\t");
            double v = e.getValue();
            if (v > 0) {
                out.add(new Flow(k[0], k[1], v));
            } else if (v < 0) {
                out.add(new Flow(k[1], k[0], -v));
            }
        }
        out.sort((a, b) -> a.from().equals(b.from()) ? a.to().compareTo(b.to()) : a.from().compareTo(b.from()));
        return out;
    }

    /** Net inflow of one node (positive: it gained). */
    public double netInflow(String node) {
        double sum = 0;
        for (Flow f : matrix()) {
            if (f.to().equals(node)) {
                sum += f.amount();
            }
            if (f.from().equals(node)) {
                sum -= f.amount();
            }
        }
        return sum;
    }
}
