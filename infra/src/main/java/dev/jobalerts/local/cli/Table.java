package dev.jobalerts.local.cli;

import java.io.PrintStream;

/** Aligned plain-text tables for human output; scripts use --json instead. */
public final class Table {
    private Table() {}

    public static void print(String[] header, String[][] rows, PrintStream out) {
        int[] widths = new int[header.length];
        for (int c = 0; c < header.length; c++) widths[c] = header[c].length();
        for (String[] row : rows) for (int c = 0; c < row.length; c++) widths[c] = Math.max(widths[c], row[c].length());
        line(header, widths, out);
        for (String[] row : rows) line(row, widths, out);
    }

    private static void line(String[] cells, int[] widths, PrintStream out) {
        StringBuilder line = new StringBuilder();
        for (int c = 0; c < cells.length; c++) {
            if (c > 0) line.append("  ");
            line.append(c == cells.length - 1 ? cells[c] : String.format("%-" + widths[c] + "s", cells[c]));
        }
        out.println(line.toString().stripTrailing());
    }
}
