package io.clearsky.worker.generation.prompt;

/**
 * Reads one string member out of JSON that is still arriving, so a streamed explanation can be shown
 * before the whole tool input is there.
 */
public final class PartialJson {

    private PartialJson() {
    }

    /** The decoded value of {@code "field": "…"} as far as it has arrived; null when it has not started. */
    public static String stringSoFar(CharSequence json, String field) {
        String text = json.toString();
        int key = text.indexOf('"' + field + '"');
        if (key < 0) {
            return null;
        }
        int i = key + field.length() + 2;
        while (i < text.length() && (Character.isWhitespace(text.charAt(i)) || text.charAt(i) == ':')) {
            i++;
        }
        if (i >= text.length() || text.charAt(i) != '"') {
            return null;
        }
        StringBuilder value = new StringBuilder();
        for (i++; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                break;
            }
            if (c != '\\') {
                value.append(c);
                continue;
            }
            if (i + 1 >= text.length()) {
                break;
            }
            char escaped = text.charAt(++i);
            switch (escaped) {
                case 'n' -> value.append('\n');
                case 't' -> value.append('\t');
                case 'r' -> value.append('\r');
                case 'b', 'f' -> value.append(' ');
                case 'u' -> {
                    if (i + 4 >= text.length()) {
                        return value.toString();
                    }
                    value.append((char) Integer.parseInt(text.substring(i + 1, i + 5), 16));
                    i += 4;
                }
                default -> value.append(escaped);
            }
        }
        return value.toString();
    }
}
