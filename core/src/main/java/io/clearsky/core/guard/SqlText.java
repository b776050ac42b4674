package io.clearsky.core.guard;

import java.util.Locale;
import java.util.Optional;

/**
 * What the raw text says before any parser forgives it. One pass with the quoting rules DuckDB and
 * Trino share ('' inside strings, "" inside identifiers, no backslash escapes, comments that do not
 * nest) finds what a parser might hide: a second statement after a semicolon or a comment, control and
 * invisible characters, look-alikes of ASCII letters, unterminated quotes and comments. Where this
 * scanner and an engine could disagree, the scanner sees more code than the engine, never less.
 */
final class SqlText {

    private final String code;

    private final String codeWithoutLiterals;

    private final GuardVerdict.Reason problem;

    private SqlText(String code, String codeWithoutLiterals, GuardVerdict.Reason problem) {
        this.code = code;
        this.codeWithoutLiterals = codeWithoutLiterals;
        this.problem = problem;
    }

    /** The first problem found in the raw text, if any. */
    Optional<GuardVerdict.Reason> problem() {
        return Optional.ofNullable(this.problem);
    }

    /** The text without comments, for keyword checks. */
    String code() {
        return this.code;
    }

    /** The text without comments and with string literals emptied, for name checks. */
    String codeWithoutLiterals() {
        return this.codeWithoutLiterals;
    }

    /** The first keyword of the statement, upper-cased, skipping opening parentheses. */
    String firstKeyword() {
        int i = 0;
        while (i < this.code.length() && (Character.isWhitespace(this.code.charAt(i)) || this.code.charAt(i) == '(')) {
            i++;
        }
        int start = i;
        while (i < this.code.length() && (Character.isLetter(this.code.charAt(i)) || this.code.charAt(i) == '_')) {
            i++;
        }
        return this.code.substring(start, i).toUpperCase(Locale.ROOT);
    }

    static SqlText scan(String sql) {
        StringBuilder code = new StringBuilder(sql.length());
        StringBuilder bare = new StringBuilder(sql.length());
        boolean statementEnded = false;
        int i = 0;
        while (i < sql.length()) {
            char c = sql.charAt(i);
            GuardVerdict.Reason characterProblem = checkCharacter(sql, i);
            if (characterProblem != null) {
                return failed(characterProblem);
            }
            if (c == '-' && next(sql, i) == '-') {
                int end = sql.indexOf('\n', i);
                end = (end < 0) ? sql.length() : end;
                GuardVerdict.Reason inComment = checkCharacters(sql, i + 2, end);
                if (inComment != null) {
                    return failed(inComment);
                }
                i = end;
                code.append(' ');
                bare.append(' ');
                continue;
            }
            if (c == '/' && next(sql, i) == '*') {
                int end = sql.indexOf("*/", i + 2);
                if (end < 0) {
                    return failed(reason("UNTERMINATED_COMMENT", "A /* comment is never closed"));
                }
                GuardVerdict.Reason inComment = checkCharacters(sql, i + 2, end);
                if (inComment != null) {
                    return failed(inComment);
                }
                if (sql.indexOf("/*", i + 2) >= 0 && sql.indexOf("/*", i + 2) < end) {
                    return failed(reason("NESTED_COMMENT", "A /* comment contains another /*; engines disagree on where it ends"));
                }
                i = end + 2;
                code.append(' ');
                bare.append(' ');
                continue;
            }
            if (c == '\'' || c == '"' || c == '`') {
                int end = closingQuote(sql, i, c);
                if (end < 0) {
                    return failed(reason("UNBALANCED_QUOTES", "The quote " + c + " at position " + i + " is never closed"));
                }
                GuardVerdict.Reason inQuotes = checkCharacters(sql, i + 1, end);
                if (inQuotes != null) {
                    return failed(inQuotes);
                }
                code.append(sql, i, end + 1);
                bare.append((c == '\'') ? "''" : sql.substring(i, end + 1));
                i = end + 1;
                continue;
            }
            if (statementEnded && !Character.isWhitespace(c) && c != ';') {
                return failed(reason("MULTIPLE_STATEMENTS", "Exactly one statement is allowed; more SQL follows the semicolon at the end of the first"));
            }
            if (c == ';') {
                if (statementEnded) {
                    return failed(reason("MULTIPLE_STATEMENTS", "Exactly one statement is allowed; found an empty statement between semicolons"));
                }
                statementEnded = true;
                i++;
                continue;
            }
            if (c == '$') {
                return failed(reason("UNSUPPORTED_SYNTAX", "Dollar-quoted strings and $ parameters are not allowed; use '...' strings"));
            }
            if (c > 127) {
                return failed(reason("LOOKALIKE_CHARACTERS", String.format(Locale.ROOT,
                        "Character U+%04X (%s) at position %d is outside quotes; write keywords and names in ASCII",
                        (int) c, Character.getName(c), i)));
            }
            code.append(c);
            bare.append(c);
            i++;
        }
        return new SqlText(code.toString(), bare.toString(), null);
    }

    /** Index of the quote closing the one at {@code start}; a doubled quote is an escaped one. */
    private static int closingQuote(String sql, int start, char quote) {
        int i = start + 1;
        while (i < sql.length()) {
            if (sql.charAt(i) == quote) {
                if (next(sql, i) == quote) {
                    i += 2;
                    continue;
                }
                return i;
            }
            i++;
        }
        return -1;
    }

    private static GuardVerdict.Reason checkCharacters(String sql, int from, int to) {
        for (int i = from; i < to; i++) {
            GuardVerdict.Reason problem = checkCharacter(sql, i);
            if (problem != null) {
                return problem;
            }
        }
        return null;
    }

    /** Control characters are refused everywhere, and so are invisible ones (zero-width, bidi overrides). */
    private static GuardVerdict.Reason checkCharacter(String sql, int i) {
        char c = sql.charAt(i);
        if (c == 0) {
            return reason("CONTROL_CHARACTERS", "The SQL contains a NUL byte at position " + i);
        }
        if (Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t') {
            return reason("CONTROL_CHARACTERS", String.format(Locale.ROOT, "The SQL contains control character U+%04X at position %d", (int) c, i));
        }
        if (Character.getType(c) == Character.FORMAT || c == '\u2028' || c == '\u2029') {
            return reason("INVISIBLE_CHARACTERS", String.format(Locale.ROOT,
                    "The SQL contains invisible character U+%04X (%s) at position %d", (int) c, Character.getName(c), i));
        }
        return null;
    }

    private static char next(String sql, int i) {
        return (i + 1 < sql.length()) ? sql.charAt(i + 1) : 0;
    }

    private static SqlText failed(GuardVerdict.Reason problem) {
        return new SqlText("", "", problem);
    }

    private static GuardVerdict.Reason reason(String code, String message) {
        return new GuardVerdict.Reason(code, message);
    }
}
