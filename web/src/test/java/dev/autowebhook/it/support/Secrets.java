package dev.autowebhook.it.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every secret the integration tests hand to the application or get back from it, appended to
 * {@code <it.work.dir>/secrets.txt} so that {@code LogSecretsIT}, run after all other ITs, can
 * prove none of them reached a server log. Recorded by the support classes, not by each test:
 * {@link AppServer} records the admin password (and master keys, JMS password) it starts with;
 * {@link Api} records the Basic and Bearer credentials it sends and, from JSON bodies, every
 * {@code password}, {@code auth_token}, {@code api_key}, {@code basic_password} sent and every
 * {@code signing_secret} and {@code token} answered. Values shorter than {@link #MIN_LENGTH} are
 * ignored: a word that short would be found in logs by chance.
 *
 * <p>Static state (documented singleton): the set already written, so each secret is one line.
 */
public final class Secrets {

    public static final String FILE_NAME = "secrets.txt";
    public static final int MIN_LENGTH = 8;

    /** Possessive: a plain alternation recursed once per character and overflowed the stack on long values. */
    private static final Pattern JSON_SECRET = Pattern.compile(
            "\"(password|auth_token|api_key|basic_password|signing_secret|token)\"\\s*:\\s*\"((?:[^\"\\\\]++|\\\\.)*+)\"");
    private static final Set<String> WRITTEN = ConcurrentHashMap.newKeySet();

    private Secrets() {}

    /** Where the secrets are recorded. */
    public static Path file() {
        return Postgres.workDir().resolve(FILE_NAME);
    }

    /** Records one secret (null, short or already recorded: nothing happens). */
    public static void record(String secret) {
        if (secret == null || secret.length() < MIN_LENGTH || secret.contains("\n")
                || !WRITTEN.add(secret)) {
            return;
        }
        synchronized (Secrets.class) {
            try {
                Files.createDirectories(file().getParent());
                Files.writeString(file(), secret + "\n", StandardCharsets.UTF_8,
                        StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot record a test secret in " + file(), e);
            }
        }
    }

    /** Records an {@code Authorization} header's credentials (for Basic: the password too). */
    static void recordAuthorization(String header) {
        if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            record(header.substring(7).trim());
        } else if (header != null && header.regionMatches(true, 0, "Basic ", 0, 6)) {
            String encoded = header.substring(6).trim();
            try {
                String decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
                int colon = decoded.indexOf(':');
                if (colon >= 0 && decoded.length() - colon - 1 >= MIN_LENGTH) {
                    record(decoded.substring(colon + 1));
                    record(encoded);
                }
            } catch (IllegalArgumentException e) {
                // deliberately malformed credentials: nothing secret in them
            }
        }
    }

    /** Records the secret-named string fields of a JSON text (cheap when there are none). */
    static void recordJson(String json) {
        if (json == null || (!json.contains("password") && !json.contains("token")
                && !json.contains("api_key") && !json.contains("signing_secret"))) {
            return;
        }
        Matcher m = JSON_SECRET.matcher(json);
        while (m.find()) {
            record(unescape(m.group(2)));
        }
    }

    /** The recorded secrets (empty when none were). */
    public static List<String> recorded() {
        try {
            return Files.exists(file()) ? Files.readAllLines(file(), StandardCharsets.UTF_8).stream()
                    .filter(s -> !s.isEmpty()).distinct().toList() : new ArrayList<>();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String unescape(String s) {
        if (s.indexOf('\\') < 0) {
            return s;
        }
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) {
                char n = s.charAt(++i);
                switch (n) {
                    case 'n' -> b.append('\n');
                    case 't' -> b.append('\t');
                    case 'r' -> b.append('\r');
                    case 'b' -> b.append('\b');
                    case 'f' -> b.append('\f');
                    case 'u' -> {
                        if (i + 4 < s.length()) {
                            b.append((char) Integer.parseInt(s.substring(i + 1, i + 5), 16));
                            i += 4;
                        }
                    }
                    default -> b.append(n);
                }
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }
}
