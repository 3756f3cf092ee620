package backstop.analysis.report;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

/** A tiny HTML writer: escaped text, tables, inlined PNG images, and the one number format reports use. */
final class Html {
    private final StringBuilder out = new StringBuilder();

    Html(String title) {
        out.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>")
                .append(escape(title)).append("</title>\n<style>\n")
                .append("body{font-family:sans-serif;max-width:1100px;margin:2em auto;color:#222}\n")
                .append("table{border-collapse:collapse;margin:1em 0;font-size:90%}\n")
                .append("th,td{border:1px solid #ccc;padding:3px 8px}td.n{text-align:right;font-family:monospace}\n")
                .append("th{background:#f0f0f0}img{max-width:100%;display:block;margin:1em 0}\n")
                .append("div.scroll{overflow-x:auto}\n")
                .append("</style>\n</head>\n<body>\n<h1>").append(escape(title)).append("</h1>\n");
    }

    Html heading(String text) {
        out.append("<h2>").append(escape(text)).append("</h2>\n");
        return this;
    }

    Html paragraph(String text) {
        out.append("<p>").append(escape(text)).append("</p>\n");
        return this;
    }

    /** A table; cells that parse as numbers are right-aligned. */
    Html table(List<String> header, List<List<String>> rows) {
        return table(null, header, rows);
    }

    /**
     * A table with an element id ({@code null}: none), in a box that scrolls sideways when the table is wider than the
     * page, so no column is cut off.
     */
    Html table(String id, List<String> header, List<List<String>> rows) {
        out.append("<div class=\"scroll\"><table").append(id == null ? "" : " id=\"" + escape(id) + "\"").append(">\n<tr>");
        for (String h : header) {
            out.append("<th>").append(escape(h)).append("</th>");
        }
        out.append("</tr>\n");
        for (List<String> row : rows) {
            out.append("<tr>");
            for (String cell : row) {
                out.append(numeric(cell) ? "<td class=\"n\">" : "<td>").append(escape(cell)).append("</td>");
            }
            out.append("</tr>\n");
        }
        out.append("</table></div>\n");
        return this;
    }

    /** A paragraph that is one link, {@code href} relative to the page. */
    Html link(String text, String href) {
        out.append("<p><a href=\"").append(escape(href)).append("\">").append(escape(text)).append("</a></p>\n");
        return this;
    }

    Html image(String alt, byte[] png) {
        out.append("<img alt=\"").append(escape(alt)).append("\" src=\"data:image/png;base64,")
                .append(Base64.getEncoder().encodeToString(png)).append("\">\n");
        return this;
    }

    String finish() {
        return out + "</body>\n</html>\n";
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    /** Integers as integers; |x| ≥ 1 with two decimals; smaller values to six significant digits. */
    static String number(double x) {
        if (Double.isNaN(x)) {
            return "NaN";
        }
        if (Double.isInfinite(x)) {
            return x > 0 ? "∞" : "−∞";
        }
        if (x == Math.rint(x) && Math.abs(x) < 1e15) {
            return Long.toString((long) x);
        }
        if (Math.abs(x) >= 1) {
            return String.format(Locale.ROOT, "%.2f", x);
        }
        return new BigDecimal(x).round(new MathContext(6)).stripTrailingZeros().toPlainString();
    }

    private static boolean numeric(String s) {
        if (s.isEmpty()) {
            return false;
        }
        try {
            Double.parseDouble(s);
            return true;
        } catch (NumberFormatException e) {
            return s.equals("∞") || s.equals("−∞");
        }
    }
}
