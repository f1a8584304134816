package dev.primer.go.sgf;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Reads and writes SGF FF[4] collections (https://www.red-bean.com/sgf/sgf4.html): Collection = GameTree+,
 * GameTree = "(" Sequence GameTree* ")", Sequence = Node+, Node = ";" Property*, Property = PropIdent PropValue+.
 * Values are stored unescaped: the reader drops the escaping backslash and soft line breaks ("\" newline); the
 * writer escapes "]" and "\". Parsing is iterative, so deep trees cannot overflow the stack.
 */
public final class Sgf {
    private Sgf() {
    }

    /** Parses a collection; returns the root node of each game tree; throws SgfException naming line and column. */
    public static List<SgfNode> parse(String text) {
        return new Reader(text).collection();
    }

    /** Writes a collection of game trees, one per line, so that parse(write(trees)) equals trees. */
    public static String write(List<SgfNode> roots) {
        StringBuilder sb = new StringBuilder();
        for (SgfNode root : roots) {
            sb.append('(');
            writeSequence(root, sb);
            sb.append(")\n");
        }
        return sb.toString();
    }

    private static void writeSequence(SgfNode start, StringBuilder sb) {
        SgfNode node = start;
        while (true) {
            writeNode(node, sb);
            List<SgfNode> children = node.children();
            if (children.size() == 1) {
                node = children.get(0);
                continue;
            }
            for (SgfNode child : children) {
                sb.append("\n(");
                writeSequence(child, sb);
                sb.append(')');
            }
            return;
        }
    }

    private static void writeNode(SgfNode node, StringBuilder sb) {
        sb.append(';');
        node.properties().forEach((id, values) -> {
            sb.append(id);
            for (String v : values) {
                sb.append('[');
                for (int i = 0; i < v.length(); i++) {
                    char ch = v.charAt(i);
                    if (ch == ']' || ch == '\\') {
                        sb.append('\\');
                    }
                    sb.append(ch);
                }
                sb.append(']');
            }
        });
    }

    /** A cursor over the text that tracks line and column. */
    private static final class Reader {
        private final String text;
        private int pos;
        private int line = 1;
        private int column = 1;

        Reader(String text) {
            this.text = text;
        }

        List<SgfNode> collection() {
            List<SgfNode> roots = new ArrayList<>();
            skipSpace();
            if (pos >= text.length()) {
                throw error("expected '(' to start a game tree, found end of file");
            }
            while (pos < text.length()) {
                roots.add(gameTree());
                skipSpace();
            }
            return roots;
        }

        /** Parses one "(" ... ")" with all nested variations, using an explicit stack of open trees. */
        private SgfNode gameTree() {
            expect('(', "'(' to start a game tree");
            Deque<SgfNode> open = new ArrayDeque<>();
            SgfNode root = null;
            SgfNode last = null;
            open.push(new SgfNode());
            boolean sequenceStarted = false;
            while (true) {
                skipSpace();
                if (pos >= text.length()) {
                    throw error("expected ')' to close a game tree, found end of file");
                }
                char ch = text.charAt(pos);
                if (ch == ';') {
                    SgfNode node = node();
                    if (last == null) {
                        root = node;
                    } else {
                        last.addChild(node);
                    }
                    last = node;
                    sequenceStarted = true;
                } else if (ch == '(' && sequenceStarted) {
                    advance();
                    open.push(last);
                    sequenceStarted = false;
                } else if (ch == ')' && sequenceStarted) {
                    advance();
                    SgfNode parent = open.pop();
                    if (open.isEmpty()) {
                        return root;
                    }
                    last = parent;
                } else {
                    throw error(sequenceStarted ? "expected ';', '(' or ')', found '" + ch + "'"
                            : "expected ';' to start a node, found '" + ch + "'");
                }
            }
        }

        private SgfNode node() {
            expect(';', "';'");
            SgfNode node = new SgfNode();
            while (true) {
                skipSpace();
                if (pos >= text.length() || !Character.isLetter(text.charAt(pos))) {
                    return node;
                }
                int startLine = line;
                int startColumn = column;
                StringBuilder id = new StringBuilder();
                while (pos < text.length() && Character.isLetter(text.charAt(pos))) {
                    char ch = text.charAt(pos);
                    if (Character.isUpperCase(ch)) {
                        id.append(ch);
                    } else if (ch < 'a' || ch > 'z') {
                        throw error("expected an upper-case property identifier, found '" + ch + "'");
                    }
                    advance();
                }
                if (id.length() == 0) {
                    throw new SgfException(startLine, startColumn, "expected an upper-case property identifier");
                }
                String key = id.toString();
                if (node.has(key)) {
                    throw new SgfException(startLine, startColumn, "property " + key + " repeated in one node");
                }
                skipSpace();
                if (pos >= text.length() || text.charAt(pos) != '[') {
                    throw error("expected '[' to start a value of " + key);
                }
                while (pos < text.length() && text.charAt(pos) == '[') {
                    node.add(key, value());
                    skipSpace();
                }
            }
        }

        private String value() {
            int startLine = line;
            int startColumn = column;
            advance();
            StringBuilder sb = new StringBuilder();
            while (pos < text.length()) {
                char ch = text.charAt(pos);
                advance();
                if (ch == ']') {
                    return sb.toString();
                }
                if (ch == '\\') {
                    if (pos >= text.length()) {
                        break;
                    }
                    char escaped = text.charAt(pos);
                    advance();
                    if (escaped == '\r' && pos < text.length() && text.charAt(pos) == '\n') {
                        advance();
                    } else if (escaped != '\n' && escaped != '\r') {
                        sb.append(escaped);
                    }
                } else {
                    sb.append(ch);
                }
            }
            throw new SgfException(startLine, startColumn, "expected ']' to close the value opened here");
        }

        private void expect(char ch, String what) {
            if (pos >= text.length()) {
                throw error("expected " + what + ", found end of file");
            }
            if (text.charAt(pos) != ch) {
                throw error("expected " + what + ", found '" + text.charAt(pos) + "'");
            }
            advance();
        }

        private void skipSpace() {
            while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
                advance();
            }
        }

        private void advance() {
            if (text.charAt(pos++) == '\n') {
                line++;
                column = 1;
            } else {
                column++;
            }
        }

        private SgfException error(String message) {
            return new SgfException(line, column, message);
        }
    }
}
