package io.clearsky.core.config;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Removes credentials from text that may reach a log, an error or a response.
 */
public final class Secrets {

    /** {@code scheme://user:password@} in any URL. */
    private static final Pattern URL_PASSWORD = Pattern.compile("(?i)([a-z][a-z0-9+.-]*://[^/:@\\s]*:)[^@\\s]*@");

    /** {@code password=…} as in JDBC and libpq key-value strings. */
    private static final Pattern KEY_VALUE_PASSWORD = Pattern.compile("(?i)(password\\s*=\\s*)[^\\s&;]+");

    /** AWS access key ids and secret keys. */
    private static final Pattern AWS_KEY = Pattern.compile("\\b(AKIA|ASIA)[A-Z0-9]{16}\\b|(?i)(aws_secret_access_key\\s*[=:]\\s*)\\S+");

    public static final String MASK = "****";

    private Secrets() {
    }

    /** The first line of an error message, redacted: what may be shown of an exception. */
    public static String redactedFirstLine(String message) {
        return (message == null) ? null : redact(message.lines().findFirst().orElse(message));
    }

    /** The text with passwords and keys replaced by {@value #MASK}; null stays null. */
    public static String redact(String text) {
        if (text == null) {
            return null;
        }
        String redacted = URL_PASSWORD.matcher(text).replaceAll("$1" + MASK + "@");
        redacted = KEY_VALUE_PASSWORD.matcher(redacted).replaceAll("$1" + MASK);
        return AWS_KEY.matcher(redacted).replaceAll((match) -> Matcher.quoteReplacement(
                (match.group(2) != null) ? match.group(2) + MASK : MASK));
    }
}
