package backstop.gui;

import backstop.agents.AgentClass;
import backstop.protocol.Protocol;
import backstop.protocol.book.OrderBook;
import backstop.protocol.book.Side;
import backstop.protocol.market.Market;

import javax.swing.JPanel;
import java.awt.Color;
import java.awt.Dimension;
import java.awt.Font;
import java.awt.Graphics;
import java.awt.Graphics2D;
import java.util.Map;
import java.util.TreeMap;

/**
 * The order-book view: a depth ladder of one market, the best {@link #LEVELS} prices each side of the
 * mark, each bar split into the market makers' quotes (darker) and everyone else's.
 */
public final class BookLadder extends JPanel {
    private static final long serialVersionUID = 1L;
    /** Price levels shown on each side. */
    public static final int LEVELS = 15;
    private static final Color BID = new Color(40, 150, 70);
    private static final Color BID_MM = new Color(10, 80, 30);
    private static final Color ASK = new Color(210, 70, 50);
    private static final Color ASK_MM = new Color(120, 20, 10);

    /** One price level: total lots and the market makers' lots. */
    record Row(long price, long size, long makerSize) {
    }

    private volatile Row[] bids = new Row[0];
    private volatile Row[] asks = new Row[0];
    private volatile String title = "order book";
    private volatile backstop.protocol.market.MarketSpec spec;

    public BookLadder() {
        setPreferredSize(new Dimension(420, 520));
        setBackground(Color.WHITE);
    }

    /** Re-reads market {@code market}'s book after a block. */
    public void update(Protocol p, int market) {
        Market m = p.market(market);
        bids = side(p, m.book(), Side.BUY);
        asks = side(p, m.book(), Side.SELL);
        spec = m.spec();
        title = m.spec().symbol() + "  mark " + m.spec().price(m.markPrice()) + "  block " + p.block();
        repaint();
    }

    /** The heading it draws: the market's symbol, its mark and the block. */
    public String title() {
        return title;
    }

    /** The best levels of one side, best first, with the market makers' share of each. */
    static Row[] side(Protocol p, OrderBook book, Side side) {
        // Best first: descending prices for bids, ascending for asks.
        TreeMap<Long, long[]> levels = side == Side.BUY ? new TreeMap<>(java.util.Comparator.reverseOrder())
                : new TreeMap<>();
        int mm = AgentClass.MARKET_MAKER.ordinal();
        book.forEachOrder(side, (id, account, s, price, remaining) -> {
            long[] v = levels.computeIfAbsent(price, k -> new long[2]);
            v[0] += remaining;
            if (p.accounts().exists(account) && p.accounts().tag(account) == mm) {
                v[1] += remaining;
            }
        });
        Row[] rows = new Row[Math.min(LEVELS, levels.size())];
        int i = 0;
        for (Map.Entry<Long, long[]> e : levels.entrySet()) {
            if (i == rows.length) {
                break;
            }
            rows[i++] = new Row(e.getKey(), e.getValue()[0], e.getValue()[1]);
        }
        return rows;
    }

    @Override
    protected void paintComponent(Graphics g0) {
        super.paintComponent(g0);
        Graphics2D g = (Graphics2D) g0;
        Row[] b = bids;
        Row[] a = asks;
        long max = 1;
        for (Row r : b) {
            max = Math.max(max, r.size());
        }
        for (Row r : a) {
            max = Math.max(max, r.size());
        }
        int w = getWidth();
        int rowH = Math.max(8, (getHeight() - 40) / (2 * LEVELS + 1));
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 12));
        g.drawString(title, 8, 16);
        g.setFont(new Font(Font.MONOSPACED, Font.PLAIN, 10));
        int mid = 30 + LEVELS * rowH;
        for (int i = 0; i < a.length; i++) {
            draw(g, a[i], mid - (i + 1) * rowH, rowH, w, max, ASK, ASK_MM);
        }
        g.setColor(Color.GRAY);
        g.drawLine(0, mid + rowH / 2, w, mid + rowH / 2);
        for (int i = 0; i < b.length; i++) {
            draw(g, b[i], mid + (i + 1) * rowH, rowH, w, max, BID, BID_MM);
        }
        g.setColor(Color.BLACK);
        g.drawString("price  size (base)    dark: market makers' quotes, light: others", 8, getHeight() - 6);
    }

    /** A level's price and size at the market's tick and lot precision (ticks and lots before a market is shown). */
    static String label(backstop.protocol.market.MarketSpec s, Row r) {
        return s == null ? r.price() + "  " + r.size() : s.priceText(r.price()) + "  " + s.sizeText(r.size());
    }

    private void draw(Graphics2D g, Row r, int y, int h, int w, long max, Color all, Color mm) {
        String label = label(spec, r);
        int x0 = 130;
        int full = (int) Math.round((w - x0 - 8) * (double) r.size() / max);
        int maker = (int) Math.round((w - x0 - 8) * (double) r.makerSize() / max);
        g.setColor(all);
        g.fillRect(x0, y, full, h - 1);
        g.setColor(mm);
        g.fillRect(x0, y, maker, h - 1);
        g.setColor(Color.BLACK);
        g.drawString(label, 4, y + h - 2);
    }
}
