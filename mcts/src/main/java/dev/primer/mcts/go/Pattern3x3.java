package dev.primer.mcts.go;

import dev.primer.go.board.Board;
import dev.primer.go.board.Stone;

/**
 * The 3x3 neighbourhood of a point as a 16-bit code (2 bits per neighbour: empty, black, white, wall; order NW, N, NE,
 * W, E, SW, S, SE), and the MoGo playout patterns (Gelly, Wang, Munos and Teytaud 2006, "Modification of UCT with
 * patterns in Monte-Carlo Go", figures 2-5, as Michi transcribes them) matched under the 8 symmetries and both colours.
 */
public final class Pattern3x3 {
    /** Number of distinct codes. */
    public static final int CODES = 1 << 16;
    /** The low bit of each 2-bit field. */
    private static final int ODD_BITS = 0x5555;

    /**
     * The patterns, centre the candidate move: X and O stones of either colour, '.' empty, ' ' off the board,
     * 'x' not X, 'o' not O, '?' anything.
     */
    private static final String[][] MOGO = {
        {"XOX", "...", "???"}, // hane: enclosing hane
        {"XO.", "...", "?.?"}, // hane: non-cutting hane
        {"XO?", "X..", "x.?"}, // hane: magari
        {".O.", "X..", "..."}, // katatsuke or diagonal attachment
        {"XO?", "O.o", "?o?"}, // cut 1: unprotected cut
        {"XO?", "O.X", "???"}, // cut 1: peeped cut
        {"?X?", "O.O", "ooo"}, // cut 2
        {"OX?", "o.O", "???"}, // cut keima
        {"X.?", "O.?", "   "}, // side: chase
        {"OX?", "X.O", "   "}, // side: block side cut
        {"?X?", "x.O", "   "}, // side: block side connection
        {"?XO", "x.x", "   "}, // side: sagari
        {"?OX", "X.O", "   "}, // side: cut
    };

    private static final boolean[] MATCHES = build();

    private Pattern3x3() {
    }

    /** Returns the neighbourhood code of point {@code p}. */
    public static int code(Board b, int p) {
        int s = b.coords().stride();
        return b.codeAt(p - s - 1) | b.codeAt(p - s) << 2 | b.codeAt(p - s + 1) << 4 | b.codeAt(p - 1) << 6
                | b.codeAt(p + 1) << 8 | b.codeAt(p + s - 1) << 10 | b.codeAt(p + s) << 12 | b.codeAt(p + s + 1) << 14;
    }

    /** Returns true when the empty point {@code p} matches a MoGo pattern. */
    public static boolean isMogo(Board b, int p) {
        return MATCHES[code(b, p)];
    }

    /**
     * Returns the neighbourhood code of point {@code p} seen by the player of stone code {@code own}: Black's stones as
     * the player's, White's as the opponent's, so one pattern weight serves both colours.
     */
    public static int relativeCode(Board b, int p, int own) {
        int c = code(b, p);
        // swap the 01 and 10 fields (black, white); 00 (empty) and 11 (wall) stay
        return own == Stone.BLACK_CODE ? c : (c & ODD_BITS) << 1 | (c >>> 1) & ODD_BITS;
    }

    /** Returns true when neighbourhood {@code code} matches a MoGo pattern. */
    public static boolean isMogo(int code) {
        return MATCHES[code];
    }

    private static boolean[] build() {
        boolean[] table = new boolean[CODES];
        for (String[] pattern : MOGO) {
            char[][] grid = new char[3][];
            for (int r = 0; r < 3; r++) {
                grid[r] = pattern[r].toCharArray();
            }
            for (int sym = 0; sym < 8; sym++) {
                char[][] g = transform(grid, sym);
                expand(table, g, 0, 0);
                expand(table, swapColours(g), 0, 0);
            }
        }
        return table;
    }

    /** Symmetry {@code sym} in [0, 8): bit 0 transposes, bit 1 flips rows, bit 2 flips columns. */
    private static char[][] transform(char[][] g, int sym) {
        char[][] out = new char[3][3];
        for (int r = 0; r < 3; r++) {
            for (int c = 0; c < 3; c++) {
                int rr = (sym & 1) != 0 ? c : r;
                int cc = (sym & 1) != 0 ? r : c;
                rr = (sym & 2) != 0 ? 2 - rr : rr;
                cc = (sym & 4) != 0 ? 2 - cc : cc;
                out[rr][cc] = g[r][c];
            }
        }
        return out;
    }

    private static char[][] swapColours(char[][] g) {
        char[][] out = new char[3][3];
        for (int r = 0; r < 3; r++) {
            for (int c = 0; c < 3; c++) {
                out[r][c] = switch (g[r][c]) {
                    case 'X' -> 'O';
                    case 'O' -> 'X';
                    case 'x' -> 'o';
                    case 'o' -> 'x';
                    default -> g[r][c];
                };
            }
        }
        return out;
    }

    /** Marks every code the grid matches, neighbour {@code i} onwards, given the bits {@code code} fixed so far. */
    private static void expand(boolean[] table, char[][] g, int i, int code) {
        if (i == 8) {
            table[code] = true;
            return;
        }
        int cell = i < 4 ? i : i + 1;
        char ch = g[cell / 3][cell % 3];
        for (Stone stone : Stone.values()) {
            int v = stone.code();
            if (allows(ch, v)) {
                expand(table, g, i + 1, code | v << (2 * i));
            }
        }
    }

    /** Returns whether pattern character {@code ch} admits board code {@code v}. */
    private static boolean allows(char ch, int v) {
        return switch (ch) {
            case '.' -> v == Stone.EMPTY_CODE;
            case 'X' -> v == Stone.BLACK_CODE;
            case 'O' -> v == Stone.WHITE_CODE;
            case ' ' -> v == Stone.WALL_CODE;
            case 'x' -> v != Stone.BLACK_CODE;
            case 'o' -> v != Stone.WHITE_CODE;
            case '?' -> true;
            default -> throw new IllegalStateException("bad pattern character " + ch);
        };
    }
}
