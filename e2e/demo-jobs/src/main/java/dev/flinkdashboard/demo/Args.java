package dev.flinkdashboard.demo;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;

/**
 * A tiny program-argument parser shared by the demo jobs.
 *
 * <p>Accepts {@code --key value}, {@code --key=value} and a bare {@code --flag} (read as
 * {@code "true"}). Flink's own ParameterTool moved packages between 1.x and 2.x, so the jobs use
 * this instead to compile against both lines.
 */
final class Args {
    private final Map<String, String> values;

    private Args(Map<String, String> values) {
        this.values = Collections.unmodifiableMap(values);
    }

    static Args parse(String[] args) {
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("--") || arg.length() == 2) {
                throw new IllegalArgumentException("Unexpected program argument: " + arg);
            }
            String key = arg.substring(2);
            int eq = key.indexOf('=');
            if (eq >= 0) {
                values.put(key.substring(0, eq), key.substring(eq + 1));
            } else if (i + 1 < args.length && !args[i + 1].startsWith("--")) {
                values.put(key, args[++i]);
            } else {
                values.put(key, "true");
            }
        }
        return new Args(values);
    }

    String get(String key, String defaultValue) {
        return values.getOrDefault(key, defaultValue);
    }

    int getInt(String key, int defaultValue) {
        String v = values.get(key);
        return v == null ? defaultValue : Integer.parseInt(v.trim());
    }

    long getLong(String key, long defaultValue) {
        String v = values.get(key);
        return v == null ? defaultValue : Long.parseLong(v.trim());
    }

    double getDouble(String key, double defaultValue) {
        String v = values.get(key);
        return v == null ? defaultValue : Double.parseDouble(v.trim());
    }
}
