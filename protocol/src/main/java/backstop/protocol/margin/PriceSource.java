package backstop.protocol.margin;

/** Which price values positions for margin: the oracle (dYdX) or the mark (Hyperliquid, BitMEX, Binance). */
public enum PriceSource {
    ORACLE, MARK
}
