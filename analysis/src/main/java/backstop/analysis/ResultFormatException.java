package backstop.analysis;

/** A result file is missing or malformed; the message names the file and, where known, the line and column. */
public final class ResultFormatException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ResultFormatException(String message) {
        super(message);
    }

    public ResultFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
