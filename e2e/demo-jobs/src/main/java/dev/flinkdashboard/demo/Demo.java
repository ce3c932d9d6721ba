package dev.flinkdashboard.demo;

import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.connector.source.util.ratelimit.RateLimiterStrategy;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.datagen.source.DataGeneratorSource;
import org.apache.flink.connector.datagen.source.GeneratorFunction;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/** Helpers shared by the demo jobs (kept to APIs present in both Flink 1.20 and 2.x). */
final class Demo {
    /**
     * Cluster options that may be given as JVM system properties when a job runs locally in a
     * MiniCluster (e.g. {@code -Drest.bind-address=127.0.0.1 -Djobmanager.bind-host=127.0.0.1}
     * keeps its REST and BLOB servers on loopback). Nothing is set unless the property is.
     */
    private static final String[] LOCAL_PASSTHROUGH = {
        "rest.bind-address",
        "rest.address",
        "rest.port",
        "rest.bind-port",
        "jobmanager.bind-host",
        "taskmanager.bind-host",
        "taskmanager.host"
    };

    private Demo() {}

    /** A fresh configuration, plus loopback-only REST options when given as system properties. */
    static Configuration config() {
        Configuration conf = new Configuration();
        for (String key : LOCAL_PASSTHROUGH) {
            String value = System.getProperty(key);
            if (value != null) {
                conf.setString(key, value);
            }
        }
        return conf;
    }

    static StreamExecutionEnvironment env(Configuration conf) {
        return StreamExecutionEnvironment.getExecutionEnvironment(conf);
    }

    /** An unbounded rate-limited source emitting 0, 1, 2, ... (the rate is for all subtasks). */
    static DataGeneratorSource<Long> sequence(double recordsPerSecond) {
        return sequence(recordsPerSecond, Long.MAX_VALUE);
    }

    static DataGeneratorSource<Long> sequence(double recordsPerSecond, long count) {
        GeneratorFunction<Long, Long> identity = index -> index;
        return new DataGeneratorSource<>(
                identity, count, RateLimiterStrategy.perSecond(recordsPerSecond), Types.LONG);
    }

    static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
