package io.stride.devstack.clickhouse;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads just enough of a statement's tokens to route it, as ClickHouse's HTTP handler would: its first keyword, whether
 * the text holds more than one statement, and for an {@code INSERT} with inline data where the statement ends and the
 * data begins. Works on bytes (the data after an INSERT may be binary); SQL keywords are ASCII.
 *
 * <p>Tokens: whitespace, {@code --} and {@code /* *}{@code /} comments, {@code '…'} strings, {@code "…"} and
 * {@code `…`} quoted identifiers (backslash escapes and doubled quotes), words, parentheses, single characters.
 */
final class SqlScanner {

    /** Where an INSERT's inline data begins. */
    record InsertData(int statementEnd, String format, int dataStart) {
    }

    private final byte[] text;
    private final int length;
    private int pos;
    private int depth;

    private SqlScanner(byte[] text, int length) {
        this.text = text;
        this.length = length;
    }

    /** The first keyword, upper case ({@code SELECT}, {@code INSERT}, {@code SET}...), {@code (} or empty. */
    static String firstKeyword(byte[] text, int length) {
        SqlScanner scanner = new SqlScanner(text, length);
        Token token = scanner.next();
        return switch (token.kind()) {
            case WORD -> scanner.word(token).toUpperCase(Locale.ROOT);
            case END -> "";
            default -> scanner.word(token);
        };
    }

    /** True when a {@code ;} at the top level is followed by more than whitespace and comments. */
    static boolean multipleStatements(byte[] text, int length) {
        SqlScanner scanner = new SqlScanner(text, length);
        boolean ended = false;
        for (Token token = scanner.next(); token.kind() != Kind.END; token = scanner.next()) {
            if (ended) {
                return true;
            }
            ended = token.kind() == Kind.SYMBOL && text[token.start()] == ';' && scanner.depth == 0;
        }
        return false;
    }

    /**
     * For {@code INSERT INTO t [(cols)] [SETTINGS …] VALUES …} and {@code … FORMAT name <data>}: where the statement
     * ends, the data's format and where the data starts (after {@code VALUES}; after a format name, past the first
     * line feed if only whitespace precedes it, else past the whitespace, as ClickHouse's parser does). Empty for any
     * other statement, for {@code INSERT … SELECT}, and when the text ends before the data does begin.
     */
    static Optional<InsertData> insertData(byte[] text, int length) {
        return new SqlScanner(text, length).insertData();
    }

    private Optional<InsertData> insertData() {
        Token token = next();
        if (!isWord(token, "INSERT")) {
            return Optional.empty();
        }
        token = next();
        if (isWord(token, "INTO")) {
            token = next();
        }
        if (isWord(token, "TABLE")) {
            token = next();
        }
        if (isWord(token, "FUNCTION")) {
            next();
            token = skipGroup(next());
        } else {
            token = skipName(token);
        }
        for (; token.kind() != Kind.END; token = next()) {
            if (depth != 0 || token.kind() != Kind.WORD) {
                continue;
            }
            String word = word(token).toUpperCase(Locale.ROOT);
            switch (word) {
                case "VALUES" -> {
                    return Optional.of(new InsertData(token.start(), "Values", token.end()));
                }
                case "FORMAT" -> {
                    Token name = next();
                    if (name.kind() != Kind.WORD || name.end() >= length) {
                        return Optional.empty();
                    }
                    return Optional.of(new InsertData(token.start(), word(name), dataAfterFormatName(name.end())));
                }
                case "SELECT", "WITH", "WATCH" -> {
                    return Optional.empty();
                }
                default -> {
                    // column list, SETTINGS clause, PARTITION BY...
                }
            }
        }
        return Optional.empty();
    }

    private int dataAfterFormatName(int from) {
        int at = from;
        while (at < length && isSpace(text[at])) {
            if (text[at] == '\n') {
                return at + 1;
            }
            at++;
        }
        return at;
    }

    /** Skips a table name ({@code t}, {@code db.t}, quoted); returns the token after it. */
    private Token skipName(Token token) {
        Token next = next();
        while (next.kind() == Kind.SYMBOL && text[next.start()] == '.') {
            next();
            next = next();
        }
        return token.kind() == Kind.END ? token : next;
    }

    /** Skips a parenthesised group starting at {@code open}; returns the token after it. */
    private Token skipGroup(Token open) {
        if (open.kind() != Kind.SYMBOL || text[open.start()] != '(') {
            return open;
        }
        int outer = depth - 1;
        Token token = next();
        while (token.kind() != Kind.END && depth > outer) {
            token = next();
        }
        return next();
    }

    private boolean isWord(Token token, String keyword) {
        return token.kind() == Kind.WORD && word(token).equalsIgnoreCase(keyword);
    }

    private String word(Token token) {
        return new String(text, token.start(), token.end() - token.start(), StandardCharsets.ISO_8859_1);
    }

    private enum Kind { WORD, QUOTED, SYMBOL, END }

    private record Token(Kind kind, int start, int end) {
    }

    /** The next significant token; whitespace and comments are skipped, parentheses update the depth. */
    private Token next() {
        skipSpaceAndComments();
        if (pos >= length) {
            return new Token(Kind.END, length, length);
        }
        int start = pos;
        byte c = text[pos];
        if (isWordStart(c)) {
            while (pos < length && isWordPart(text[pos])) {
                pos++;
            }
            return new Token(Kind.WORD, start, pos);
        }
        if (c == '\'' || c == '"' || c == '`') {
            skipQuoted(c);
            return new Token(Kind.QUOTED, start, pos);
        }
        if (c == '(' || c == '[') {
            depth++;
        } else if ((c == ')' || c == ']') && depth > 0) {
            depth--;
        }
        pos++;
        return new Token(Kind.SYMBOL, start, pos);
    }

    private void skipSpaceAndComments() {
        while (pos < length) {
            byte c = text[pos];
            if (isSpace(c)) {
                pos++;
            } else if (c == '-' && pos + 1 < length && text[pos + 1] == '-') {
                while (pos < length && text[pos] != '\n') {
                    pos++;
                }
            } else if (c == '/' && pos + 1 < length && text[pos + 1] == '*') {
                pos += 2;
                while (pos < length && !(text[pos] == '*' && pos + 1 < length && text[pos + 1] == '/')) {
                    pos++;
                }
                pos = Math.min(length, pos + 2);
            } else {
                return;
            }
        }
    }

    private void skipQuoted(byte quote) {
        pos++;
        while (pos < length) {
            byte c = text[pos];
            if (c == '\\') {
                pos += 2;
            } else if (c == quote && pos + 1 < length && text[pos + 1] == quote) {
                pos += 2;
            } else if (c == quote) {
                pos++;
                return;
            } else {
                pos++;
            }
        }
        pos = length;
    }

    private static boolean isSpace(byte c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == 0x0B;
    }

    private static boolean isWordStart(byte c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c < 0;
    }

    private static boolean isWordPart(byte c) {
        return isWordStart(c) || (c >= '0' && c <= '9');
    }
}
