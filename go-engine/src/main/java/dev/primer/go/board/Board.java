package dev.primer.go.board;

import dev.primer.random.SplitMix64;
import java.util.Arrays;

/**
 * The fast layer: stones on a flat padded board, chains kept incrementally (chain head, circular
 * next-in-chain list, stone count and pseudo-liberties per head), a 64-bit Zobrist hash updated on every
 * stone change, simple ko and a list of empty points for random playouts. It knows nothing of history,
 * superko or komi. Nothing here allocates after construction.
 *
 * <p>Pseudo-liberties count (stone, empty neighbour) pairs of a chain, so a liberty shared by two stones
 * counts twice; a chain is captured exactly when its count reaches zero. Empty and wall points have chain head
 * {@link Coords#NONE}, a wall whose pseudo-liberty slot absorbs updates, so neighbour updates need no branches.
 */
public final class Board {
    private static final int EMPTY = Stone.EMPTY_CODE;
    private static final int BLACK = Stone.BLACK_CODE;
    private static final int WHITE = Stone.WHITE_CODE;
    private static final int WALL = Stone.WALL_CODE;

    private static final int ZOBRIST_STRIDE = (Coords.MAX_SIZE + 1) * (Coords.MAX_SIZE + 2) + 1;
    private static final long[] ZOBRIST = zobristKeys();
    /** Width of each count packed in {@link #nbrs}: empty neighbours at bit 0, black-or-wall at 4, white-or-wall at 8. */
    private static final int NBR_BITS = 4;
    private static final int NBR_MASK = (1 << NBR_BITS) - 1;
    /** The pseudo-liberty count the {@link Coords#NONE} slot is reset to before a capture test, so it never reads zero. */
    private static final int NONE_LIBS = 1 << 20;

    private final Coords coords;
    private final int stride;
    private final int[] color;
    private final int[] head;
    private final int[] next;
    private final int[] pseudoLibs;
    private final int[] chainSize;
    private final int[] empties;
    private final int[] emptyIndex;
    /** Per point, its neighbours by kind, packed NBR_BITS apart; a wall counts as both colours. Junk on walls. */
    private final int[] nbrs;
    private int emptyCount;
    private long hash;
    private int koPoint;
    private int koColor;
    private int lastCaptures;
    /** Black stones minus white stones on the board. */
    private int stoneBalance;
    private final int[] captures = new int[3];
    /** Scratch for flood fills and liberty counting; contents are meaningless between calls. */
    private final int[] stack;
    private final PointSet seen;
    private final int[] region;

    /** Creates an empty board of the given coordinate system. */
    public Board(Coords coords) {
        this.coords = coords;
        this.stride = coords.stride();
        int n = coords.arraySize();
        color = new int[n];
        head = new int[n];
        next = new int[n];
        pseudoLibs = new int[n];
        chainSize = new int[n];
        empties = new int[coords.area()];
        emptyIndex = new int[n];
        nbrs = new int[n];
        stack = new int[n];
        seen = new PointSet(coords);
        region = new int[n];
        clear();
    }

    /** Creates an empty board of side {@code size}. */
    public static Board empty(int size) {
        return new Board(Coords.of(size));
    }

    /**
     * Builds a board from a picture, one row per line from the top: 'X' or 'x' black, 'O' or 'o' white,
     * '.' or '+' empty; spaces are ignored and blank lines skipped.
     */
    public static Board parse(int size, String picture) {
        Board b = empty(size);
        String[] lines = picture.strip().split("\n");
        int y = 0;
        for (String line : lines) {
            String row = line.replace(" ", "").replace("\t", "");
            if (row.isEmpty()) {
                continue;
            }
            if (row.length() != size || y >= size) {
                throw new IllegalArgumentException("picture row " + y + " must have " + size + " points: " + line);
            }
            for (int x = 0; x < size; x++) {
                b.color[b.coords.point(x, y)] = switch (row.charAt(x)) {
                    case 'X', 'x' -> BLACK;
                    case 'O', 'o' -> WHITE;
                    case '.', '+' -> EMPTY;
                    default -> throw new IllegalArgumentException("unknown point '" + row.charAt(x) + "' in " + line);
                };
            }
            y++;
        }
        if (y != size) {
            throw new IllegalArgumentException("picture must have " + size + " rows, has " + y);
        }
        b.rebuild();
        return b;
    }

    /** Empties the board, clears ko and capture counts. */
    public void clear() {
        Arrays.fill(color, WALL);
        for (int p : coords.points()) {
            color[p] = EMPTY;
        }
        Arrays.fill(captures, 0);
        rebuild();
    }

    /** Makes this board an exact copy of {@code other}, which must have the same size. */
    public void copyFrom(Board other) {
        if (other.coords != coords) {
            throw new IllegalArgumentException("board sizes differ");
        }
        int n = color.length;
        System.arraycopy(other.color, 0, color, 0, n);
        System.arraycopy(other.head, 0, head, 0, n);
        System.arraycopy(other.next, 0, next, 0, n);
        System.arraycopy(other.pseudoLibs, 0, pseudoLibs, 0, n);
        System.arraycopy(other.chainSize, 0, chainSize, 0, n);
        System.arraycopy(other.emptyIndex, 0, emptyIndex, 0, n);
        System.arraycopy(other.nbrs, 0, nbrs, 0, n);
        System.arraycopy(other.empties, 0, empties, 0, other.emptyCount);
        System.arraycopy(other.captures, 0, captures, 0, captures.length);
        emptyCount = other.emptyCount;
        stoneBalance = other.stoneBalance;
        hash = other.hash;
        koPoint = other.koPoint;
        koColor = other.koColor;
        lastCaptures = other.lastCaptures;
    }

    /** Returns a new board equal to this one. */
    public Board copy() {
        Board b = new Board(coords);
        b.copyFrom(this);
        return b;
    }

    /** Returns the coordinate system. */
    public Coords coords() {
        return coords;
    }

    /** Returns the side length. */
    public int size() {
        return coords.size();
    }

    /** Returns what point {@code p} holds. */
    public Stone stoneAt(int p) {
        return Stone.of(color[p]);
    }

    /** Returns the board-array code ({@link Stone#code()}) at {@code p}, for loops that must not touch enums. */
    public int codeAt(int p) {
        return color[p];
    }

    /** Returns true when point {@code p} holds no stone and is no wall. */
    public boolean isEmpty(int p) {
        return color[p] == EMPTY;
    }

    /** Returns the Zobrist hash of the stones (not of ko or side to move). */
    public long hash() {
        return hash;
    }

    /** Returns the Zobrist key XORed into the hash for a stone of code {@code code} (1 or 2) at {@code p}. */
    public static long zobrist(int code, int p) {
        return ZOBRIST[code * ZOBRIST_STRIDE + p];
    }

    /** Returns the point where simple ko forbids a recapture, or {@link Coords#NONE}. */
    public int koPoint() {
        return koPoint;
    }

    /** Returns the number of stones {@code c} has captured. */
    public int captures(Color c) {
        return captures[c.code()];
    }

    /** Returns the number of stones the last move removed (its own, for a suicide). */
    public int lastCaptures() {
        return lastCaptures;
    }

    /** Returns the number of empty points. */
    public int emptyCount() {
        return emptyCount;
    }

    /** Returns the head of the chain at stone point {@code p}; equal heads mean the same chain. */
    public int chainHead(int p) {
        return head[p];
    }

    /** Returns the number of stones in the chain at stone point {@code p}. */
    public int chainSize(int p) {
        return chainSize[head[p]];
    }

    /** Returns the pseudo-liberty count of the chain at stone point {@code p} (zero exactly when it has no liberty). */
    public int pseudoLiberties(int p) {
        return pseudoLibs[head[p]];
    }

    /** Returns the exact number of distinct liberties of the chain at stone point {@code p}. */
    public int liberties(int p) {
        return liberties(p, stack, stack.length);
    }

    /**
     * Writes distinct liberties of the chain at stone point {@code p} into {@code out} until it has {@code max} of them
     * ({@code max} at least 1) or the chain has no more, and returns how many it wrote. Walks the chain's ring.
     */
    public int liberties(int p, int[] out, int max) {
        int[] color = this.color;
        PointSet seen = this.seen;
        seen.clear();
        int found = 0;
        int q = p;
        do {
            for (int i = 0; i < Coords.NEIGHBOURS; i++) {
                int n = coords.neighbour(q, i);
                if (color[n] == EMPTY && seen.add(n)) {
                    out[found++] = n;
                    if (found == max) {
                        return found;
                    }
                }
            }
            q = next[q];
        } while (q != p);
        return found;
    }

    /**
     * Returns the Zobrist hash this board would have after {@code code} (1 or 2) plays on empty point {@code p}:
     * captured chains removed and, for a suicide, the mover's own chain removed, exactly as {@link #playFast} would
     * leave it. Reads only; the caller MUST have checked that {@code p} is an empty board point.
     */
    public long hashAfter(int p, int code) {
        int[] color = this.color;
        int[] head = this.head;
        int[] libs = pseudoLibs;
        int opp = Stone.opponentCode(code);
        long h = hash ^ ZOBRIST[code * ZOBRIST_STRIDE + p];
        boolean lives = false;
        boolean captures = false;
        for (int i = 0; i < Coords.NEIGHBOURS; i++) {
            int n = coords.neighbour(p, i);
            int c = color[n];
            if (c == EMPTY) {
                lives = true;
            } else if ((c == code || c == opp) && firstSideOf(p, i)) {
                int hd = head[n];
                int sides = sidesOf(p, hd);
                if (c == opp && libs[hd] == sides) {
                    h ^= chainKeys(hd);
                    captures = true;
                } else if (c == code && libs[hd] > sides) {
                    lives = true;
                }
            }
        }
        if (lives || captures) {
            return h;
        }
        // suicide: the new stone and every own chain it joins are removed again
        h = hash;
        for (int i = 0; i < Coords.NEIGHBOURS; i++) {
            int n = coords.neighbour(p, i);
            if (color[n] == code && firstSideOf(p, i)) {
                h ^= chainKeys(head[n]);
            }
        }
        return h;
    }

    /** Returns whether side {@code i} of {@code p} is the first side touching the chain on it. */
    private boolean firstSideOf(int p, int i) {
        int hd = head[coords.neighbour(p, i)];
        for (int j = 0; j < i; j++) {
            if (head[coords.neighbour(p, j)] == hd) {
                return false;
            }
        }
        return true;
    }

    /** Returns how many sides of {@code p} touch the chain with head {@code hd}. */
    private int sidesOf(int p, int hd) {
        int sides = 0;
        for (int i = 0; i < Coords.NEIGHBOURS; i++) {
            if (head[coords.neighbour(p, i)] == hd) {
                sides++;
            }
        }
        return sides;
    }

    /** Returns the XOR of the Zobrist keys of the stones of the chain with head {@code hd}. */
    private long chainKeys(int hd) {
        int base = color[hd] * ZOBRIST_STRIDE;
        long keys = 0;
        int q = hd;
        do {
            keys ^= ZOBRIST[base + q];
            q = next[q];
        } while (q != hd);
        return keys;
    }

    /** Returns whether {@code c} may play on point {@code p} under simple ko, suicide forbidden. */
    public Legality legality(int p, Color c) {
        return legality(p, c, false);
    }

    /** Returns whether {@code c} may play on point {@code p} under simple ko; PASS is always OK. */
    public Legality legality(int p, Color c, boolean suicideAllowed) {
        if (p == Coords.PASS) {
            return Legality.OK;
        }
        if (!coords.onBoard(p)) {
            throw new IllegalArgumentException("not a board point: " + p);
        }
        if (color[p] != EMPTY) {
            return Legality.OCCUPIED;
        }
        byte code = c.code();
        if (p == koPoint && code == koColor) {
            return Legality.KO;
        }
        return suicideAllowed || !isSuicide(p, code) ? Legality.OK : Legality.SUICIDE;
    }

    /** Returns true when {@code code} may play on empty point {@code p}: not the ko point and not suicide. */
    public boolean isLegalFast(int p, int code) {
        return !(p == koPoint && code == koColor) && !isSuicide(p, code);
    }

    private boolean isSuicide(int p, int code) {
        int[] color = this.color;
        int cn = color[p - stride];
        int cw = color[p - 1];
        int ce = color[p + 1];
        int cs = color[p + stride];
        return ((cn - 1) | (cw - 1) | (ce - 1) | (cs - 1)) >= 0 && !survivesSurrounded(p, code, cn, cw, ce, cs);
    }

    /**
     * Returns whether a stone of {@code code} on empty {@code p}, whose neighbours (colours cn, cw, ce, cs) are all
     * stones or walls, keeps a liberty: it joins a friendly chain with a liberty besides p, or captures an enemy
     * chain whose only liberty is p. Reads only: p supplies exactly one pseudo-liberty to a neighbouring chain per
     * side the chain touches it on, so a chain's count without p is its count minus those sides.
     */
    private boolean survivesSurrounded(int p, int code, int cn, int cw, int ce, int cs) {
        int[] head = this.head;
        int[] libs = pseudoLibs;
        int hn = head[p - stride];
        int hw = head[p - 1];
        int he = head[p + 1];
        int hs = head[p + stride];
        // walls have head NONE, which no chain has, and colour WALL, which matches neither test
        return survivesVia(code, cn, libs[hn], 1 + (hn == hw ? 1 : 0) + (hn == he ? 1 : 0) + (hn == hs ? 1 : 0))
                || survivesVia(code, cw, libs[hw], 1 + (hw == hn ? 1 : 0) + (hw == he ? 1 : 0) + (hw == hs ? 1 : 0))
                || survivesVia(code, ce, libs[he], 1 + (he == hn ? 1 : 0) + (he == hw ? 1 : 0) + (he == hs ? 1 : 0))
                || survivesVia(code, cs, libs[hs], 1 + (hs == hn ? 1 : 0) + (hs == hw ? 1 : 0) + (hs == he ? 1 : 0));
    }

    /** A neighbour of colour c whose chain has {@code libs} pseudo-liberties, {@code sides} of them at the move. */
    private static boolean survivesVia(int code, int c, int libs, int sides) {
        return c == code ? libs > sides : c == Stone.opponentCode(code) && libs == sides;
    }

    /**
     * Returns true when {@code p} is an empty point that is an eye of {@code c}: all four neighbours are
     * {@code c} or wall, and at most one diagonal is an opponent stone (none on the edge).
     */
    public boolean isEye(int p, Color c) {
        return isEyeFast(p, c.code());
    }

    /** Returns {@link #isEye} for colour code {@code code}. */
    public boolean isEyeFast(int p, int code) {
        int[] color = this.color;
        // own stones and walls are exactly the codes sharing a bit with {@code code} (WALL_CODE has both colours' bits)
        return (color[p - stride] & color[p - 1] & color[p + 1] & color[p + stride] & code) != 0
                && diagonalsMakeEye(p, code);
    }

    /** The diagonal half of the eye test, for a point whose four neighbours are own stones or walls. */
    private boolean diagonalsMakeEye(int p, int code) {
        int[] color = this.color;
        int nw = color[p - stride - 1];
        int ne = color[p - stride + 1];
        int sw = color[p + stride - 1];
        int se = color[p + stride + 1];
        int opp = Stone.opponentCode(code);
        int bad = (nw == opp ? 1 : 0) + (ne == opp ? 1 : 0) + (sw == opp ? 1 : 0) + (se == opp ? 1 : 0);
        int edge = nw == WALL | ne == WALL | sw == WALL | se == WALL ? 1 : 0;
        return bad + edge < 2;
    }

    /**
     * Plays {@code c} at {@code p} (or passes): places the stone, removes captured chains, then removes its
     * own chain if it has no liberty (suicide). The caller MUST have checked that {@code p} is PASS or empty;
     * legality beyond that is the caller's business.
     */
    public void play(int p, Color c) {
        playFast(p, c.code());
    }

    /** Returns {@link #play} for colour code {@code code}. */
    public void playFast(int p, int code) {
        koPoint = Coords.NONE;
        lastCaptures = 0;
        if (p == Coords.PASS) {
            return;
        }
        int[] color = this.color;
        int[] head = this.head;
        int[] libs = pseudoLibs;
        int stride = this.stride;
        int pn = p - stride;
        int pw = p - 1;
        int pe = p + 1;
        int ps = p + stride;
        int cn = color[pn];
        int cw = color[pw];
        int ce = color[pe];
        int cs = color[ps];
        placeStone(p, code);
        // a stone (1 or 2) plus one has bit 1 set; empty (0) and wall (3) plus one do not
        if ((((cn + 1) | (cw + 1) | (ce + 1) | (cs + 1)) & 2) == 0) {
            return;
        }
        libs[Coords.NONE] = NONE_LIBS;
        int hn = head[pn];
        int hw = head[pw];
        int he = head[pe];
        int hs = head[ps];
        libs[hn]--;
        libs[hw]--;
        libs[he]--;
        libs[hs]--;
        int opp = Stone.opponentCode(code);
        int captured = 0;
        int capturedAt = Coords.NONE;
        // captures are rare: one test for a chain at zero on any side (own chains at zero revive when joined below)
        if (((libs[hn] - 1) | (libs[hw] - 1) | (libs[he] - 1) | (libs[hs] - 1)) < 0) {
            // re-read colours: capturing one side may have emptied another side of the same chain
            if (cn == opp && libs[hn] == 0) {
                captured += removeChain(hn);
                capturedAt = pn;
            }
            if (color[pw] == opp && libs[hw] == 0) {
                captured += removeChain(hw);
                capturedAt = pw;
            }
            if (color[pe] == opp && libs[he] == 0) {
                captured += removeChain(he);
                capturedAt = pe;
            }
            if (color[ps] == opp && libs[hs] == 0) {
                captured += removeChain(hs);
                capturedAt = ps;
            }
        }
        // merging commutes with the captures above (they touch only enemy chains), but not with itself: keep n, w, e, s
        int h = p;
        if (cn == code) {
            h = merge(h, head[pn]);
        }
        if (cw == code) {
            h = merge(h, head[pw]);
        }
        if (ce == code) {
            h = merge(h, head[pe]);
        }
        if (cs == code) {
            h = merge(h, head[ps]);
        }
        if (libs[h] == 0) {
            lastCaptures = removeChain(h);
            captures[opp] += lastCaptures;
            return;
        }
        if (captured == 1 && chainSize[h] == 1 && libs[h] == 1) {
            koPoint = capturedAt;
            koColor = opp;
        }
        captures[code] += captured;
        lastCaptures = captured;
    }

    /** Puts a lone stone of {@code code} on empty {@code p}: colour, neighbour counts, hash, empty list, a new chain. */
    private void placeStone(int p, int code) {
        int[] nbrs = this.nbrs;
        int stride = this.stride;
        int delta = stoneDelta(code);
        color[p] = code;
        nbrs[p - stride] += delta;
        nbrs[p - 1] += delta;
        nbrs[p + 1] += delta;
        nbrs[p + stride] += delta;
        hash ^= ZOBRIST[code * ZOBRIST_STRIDE + p];
        stoneBalance += balance(code);
        int last = empties[--emptyCount];
        int idx = emptyIndex[p];
        empties[idx] = last;
        emptyIndex[last] = idx;
        head[p] = p;
        next[p] = p;
        chainSize[p] = 1;
        pseudoLibs[p] = nbrs[p] & NBR_MASK;
    }

    /** What a neighbour holding {@code c} (any board code) adds to a point's {@link #nbrs}; a wall counts as both colours. */
    private static int neighbourKind(int c) {
        return c == WALL ? neighbourKind(BLACK) + neighbourKind(WHITE) : 1 << (NBR_BITS * c);
    }

    /** What placing a stone of {@code code} adds to each neighbour's {@link #nbrs}: one empty fewer, one stone more. */
    private static int stoneDelta(int code) {
        return neighbourKind(code) - neighbourKind(EMPTY);
    }

    /** What a stone of colour code {@code code} adds to {@link #stoneBalance}: +1 for black, -1 for white. */
    private static int balance(int code) {
        // BLACK 1 and WHITE 2 map onto 1 and -1 without a branch
        return BLACK + WHITE - 2 * code;
    }

    /** Merges the chains with heads a and b (a no-op when equal), relabelling the smaller one; returns the new head. */
    private int merge(int a, int b) {
        if (a == b) {
            return a;
        }
        int[] chainSize = this.chainSize;
        int sizeA = chainSize[a];
        int sizeB = chainSize[b];
        if (sizeA < sizeB) {
            int t = a;
            a = b;
            b = t;
        }
        int[] head = this.head;
        int[] next = this.next;
        head[b] = a;
        // most merges absorb a lone stone: skip the relabelling loop then
        for (int q = next[b]; q != b; q = next[q]) {
            head[q] = a;
        }
        int t = next[a];
        next[a] = next[b];
        next[b] = t;
        chainSize[a] = sizeA + sizeB;
        pseudoLibs[a] += pseudoLibs[b];
        return a;
    }

    /**
     * Removes the chain with head h, returning its stone count. Removed stones give their neighbours' chains a
     * pseudo-liberty each; increments landing on the removed chain itself (its head or, once cleared, NONE) are
     * harmless because no live chain has those heads.
     */
    private int removeChain(int h) {
        int[] color = this.color;
        int[] head = this.head;
        int[] next = this.next;
        int[] libs = pseudoLibs;
        int[] empties = this.empties;
        int[] emptyIndex = this.emptyIndex;
        int stride = this.stride;
        int code = color[h];
        int[] nbrs = this.nbrs;
        int delta = stoneDelta(code);
        int zobristBase = code * ZOBRIST_STRIDE;
        long hash = this.hash;
        int count = 0;
        int empty = emptyCount;
        int q = h;
        do {
            color[q] = EMPTY;
            head[q] = Coords.NONE;
            hash ^= ZOBRIST[zobristBase + q];
            emptyIndex[q] = empty;
            empties[empty++] = q;
            count++;
            libs[head[q - stride]]++;
            libs[head[q - 1]]++;
            libs[head[q + 1]]++;
            libs[head[q + stride]]++;
            nbrs[q - stride] -= delta;
            nbrs[q - 1] -= delta;
            nbrs[q + 1] -= delta;
            nbrs[q + stride] -= delta;
            q = next[q];
        } while (q != h);
        this.hash = hash;
        emptyCount = empty;
        stoneBalance -= count * balance(code);
        return count;
    }

    /**
     * Plays a uniformly random legal move for {@code code} that does not fill one of its own eyes, or passes
     * when there is none; returns the point played or PASS.
     */
    public int playRandomMove(int code, SplitMix64 rng) {
        int[] empties = this.empties;
        int[] emptyIndex = this.emptyIndex;
        int n = emptyCount;
        // sample without replacement, moving each rejected point past the end of the candidates
        for (int rejected = 0; n > rejected; rejected++) {
            int i = rng.nextIntMultiplyShift(n);
            int p = empties[i];
            if (isPlayable(p, code)) {
                playFast(p, code);
                return p;
            }
            n--;
            int last = empties[n];
            empties[n] = p;
            empties[i] = last;
            emptyIndex[p] = n;
            emptyIndex[last] = i;
        }
        int p = drawPlayable(n, code, rng);
        playFast(p, code);
        return p;
    }

    /**
     * Returns a uniformly drawn point among the first {@code n} empty points that {@link #isPlayable}, or PASS when
     * there is none; cheaper than sampling once most candidates are rejected (late in a playout, when only eyes are left).
     */
    private int drawPlayable(int n, int code, SplitMix64 rng) {
        int[] empties = this.empties;
        int[] playable = stack;
        int m = 0;
        for (int i = 0; i < n; i++) {
            int p = empties[i];
            playable[m] = p;
            m += isPlayable(p, code) ? 1 : 0;
        }
        return m == 0 ? Coords.PASS : playable[rng.nextIntMultiplyShift(m)];
    }

    /** Returns whether empty {@code p} is a legal move for {@code code} that does not fill its own eye. */
    private boolean isPlayable(int p, int code) {
        int nb = nbrs[p];
        // an empty neighbour makes p neither an eye nor suicide nor the ko point, whose neighbours are all stones
        if ((nb & NBR_MASK) != 0) {
            return true;
        }
        if ((nb >>> (NBR_BITS * code) & NBR_MASK) == 4 && diagonalsMakeEye(p, code)) {
            return false;
        }
        int[] color = this.color;
        return !(p == koPoint && code == koColor)
                && survivesSurrounded(p, code, color[p - stride], color[p - 1], color[p + 1], color[p + stride]);
    }

    /** Returns the empty point at position {@code i} in [0, emptyCount()) of the (unordered) empty list. */
    public int emptyPoint(int i) {
        return empties[i];
    }

    /**
     * Puts {@code stone} (EMPTY, BLACK or WHITE) on each of {@code points} as setup (no captures, no ko), then rebuilds
     * chains and hash; setup may leave chains without liberties, as SGF setup can. Every point is checked before
     * anything is written, so an IllegalArgumentException (WALL, or a point off the board) leaves the board unchanged.
     */
    public void setup(Stone stone, int... points) {
        if (stone == Stone.WALL) {
            throw new IllegalArgumentException("cannot set up a wall");
        }
        int code = stone.code();
        for (int p : points) {
            if (!coords.onBoard(p)) {
                throw new IllegalArgumentException("not a board point: " + p);
            }
        }
        for (int p : points) {
            color[p] = code;
        }
        rebuild();
    }

    private void rebuild() {
        hash = 0;
        koPoint = Coords.NONE;
        koColor = EMPTY;
        lastCaptures = 0;
        emptyCount = 0;
        stoneBalance = 0;
        Arrays.fill(head, Coords.NONE);
        Arrays.fill(pseudoLibs, 0);
        for (int p : coords.points()) {
            int c = color[p];
            next[p] = p;
            chainSize[p] = 1;
            if (c == EMPTY) {
                emptyIndex[p] = emptyCount;
                empties[emptyCount++] = p;
            } else {
                head[p] = p;
                hash ^= ZOBRIST[c * ZOBRIST_STRIDE + p];
                stoneBalance += balance(c);
            }
        }
        for (int p : coords.points()) {
            int counts = 0;
            for (int i = 0; i < Coords.NEIGHBOURS; i++) {
                counts += neighbourKind(color[coords.neighbour(p, i)]);
            }
            nbrs[p] = counts;
        }
        for (int p : coords.points()) {
            int c = color[p];
            if (c == EMPTY) {
                continue;
            }
            int libs = 0;
            for (int i = 0; i < Coords.NEIGHBOURS; i++) {
                int n = coords.neighbour(p, i);
                if (color[n] == EMPTY) {
                    libs++;
                }
            }
            pseudoLibs[head[p]] += libs;
            // north and west: each pair of adjacent stones is met once
            for (int i = 0; i < 2; i++) {
                int n = coords.neighbour(p, i);
                if (color[n] == c && head[n] != head[p]) {
                    merge(head[p], head[n]);
                }
            }
        }
    }

    /**
     * Returns black area minus white area under Tromp-Taylor rule 9: a point counts for a colour when it
     * holds that colour or is empty and reaches only that colour through empty points.
     */
    public int areaScore() {
        int[] color = this.color;
        int[] empties = this.empties;
        PointSet seen = this.seen;
        int stride = this.stride;
        seen.clear();
        int score = stoneBalance;
        for (int i = 0, n = emptyCount; i < n; i++) {
            int p = empties[i];
            int cn = color[p - stride];
            int cw = color[p - 1];
            int ce = color[p + 1];
            int cs = color[p + stride];
            if (((cn - 1) | (cw - 1) | (ce - 1) | (cs - 1)) >= 0) {
                // a lone empty point: the AND of its neighbours is 1 when all are black or wall, 2 for white, else 0
                int reach = cn & cw & ce & cs;
                score += (reach & 1) - (reach >> 1);
            } else if (!seen.contains(p)) {
                score += floodRegion(p, null);
            }
        }
        return score;
    }

    /**
     * Writes into {@code owner[p]}, for every on-board point, the Stone code of the colour that owns it under
     * Tromp-Taylor area counting (EMPTY for dame); {@code owner} must have length coords().arraySize().
     */
    public void areaOwners(byte[] owner) {
        seen.clear();
        for (int p : coords.points()) {
            int c = color[p];
            if (c != EMPTY) {
                owner[p] = (byte) c;
            } else if (!seen.contains(p)) {
                floodRegion(p, owner);
            }
        }
    }

    /**
     * Adds the empty region of {@code start} to {@link #seen}; returns +size when it reaches only black, -size when only
     * white, else 0, and, given {@code owner}, writes the owner's code (EMPTY for dame) on its points.
     */
    private int floodRegion(int start, byte[] owner) {
        int top = 0;
        int size = 0;
        int reach = 0;
        stack[top++] = start;
        seen.add(start);
        while (top > 0) {
            int q = stack[--top];
            region[size++] = q;
            for (int i = 0; i < Coords.NEIGHBOURS; i++) {
                int n = coords.neighbour(q, i);
                int nc = color[n];
                if (nc == EMPTY) {
                    if (seen.add(n)) {
                        stack[top++] = n;
                    }
                } else if (nc != WALL) {
                    reach |= nc;
                }
            }
        }
        // reaching both colours ORs their codes together
        if (reach == (BLACK | WHITE)) {
            reach = EMPTY;
        }
        if (owner != null) {
            for (int i = 0; i < size; i++) {
                owner[region[i]] = (byte) reach;
            }
        }
        return reach == BLACK ? size : reach == WHITE ? -size : 0;
    }

    /** Returns the picture {@link #parse} reads: one row per line, 'X' black, 'O' white, '.' empty. */
    @Override
    public String toString() {
        int size = coords.size();
        StringBuilder sb = new StringBuilder((size + 1) * size);
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                sb.append(Stone.of(color[coords.point(x, y)]).symbol());
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    private static long[] zobristKeys() {
        long[] keys = new long[3 * ZOBRIST_STRIDE];
        SplitMix64 rng = new SplitMix64(0x5EED_600DL);
        for (int i = ZOBRIST_STRIDE; i < keys.length; i++) {
            keys[i] = rng.nextLong();
        }
        return keys;
    }
}
