package backstop.analysis;

/** One cell of the value-flow matrix: {@code amount} (quote units) that moved from one class of pot to another. */
public record Flow(String from, String to, double amount) {
}
