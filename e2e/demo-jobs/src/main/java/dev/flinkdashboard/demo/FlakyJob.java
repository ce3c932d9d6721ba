package dev.flinkdashboard.demo;

import java.time.Duration;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichMapFunction;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;

/**
 * A job whose "Flaky parser" throws once each attempt has run for {@code --fail-after-seconds}
 * (default 45), with a fixed-delay restart strategy (practically unlimited attempts, 5 s delay),
 * so it keeps restarting and its exception history fills up.
 *
 * <p>Args: {@code --fail-after-seconds 45}, {@code --rate 5}, {@code --restart-delay-seconds 5},
 * {@code --parallelism 1}, {@code --checkpoint-interval-ms 10000}.
 */
public final class FlakyJob {
    public static final String NAME = "Demo: flaky job";

    private FlakyJob() {}

    public static void main(String[] args) throws Exception {
        Args a = Args.parse(args);
        Configuration conf = Demo.config();
        conf.set(RestartStrategyOptions.RESTART_STRATEGY, "fixed-delay");
        conf.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_ATTEMPTS, Integer.MAX_VALUE);
        conf.set(
                RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_DELAY,
                Duration.ofSeconds(a.getLong("restart-delay-seconds", 5)));
        StreamExecutionEnvironment env = Demo.env(conf);
        env.setParallelism(a.getInt("parallelism", 1));
        env.enableCheckpointing(a.getLong("checkpoint-interval-ms", 10_000));
        define(env, a);
        env.execute(NAME);
    }

    static void define(StreamExecutionEnvironment env, Args a) {
        env.fromSource(
                        Demo.sequence(a.getDouble("rate", 5)),
                        WatermarkStrategy.noWatermarks(),
                        "Raw record source")
                .uid("raw-record-source")
                .map(new FlakyParser(a.getLong("fail-after-seconds", 45) * 1000L))
                .name("Flaky parser")
                .uid("flaky-parser")
                .disableChaining()
                .sinkTo(new DiscardingSink<>())
                .name("Discard parsed records")
                .uid("discard-parsed-records");
    }

    /** Parses fine until the current attempt has been running for {@code failAfterMs}. */
    static final class FlakyParser extends RichMapFunction<Long, String> {
        private final long failAfterMs;
        private transient long startedAt;

        FlakyParser(long failAfterMs) {
            this.failAfterMs = failAfterMs;
        }

        @Override
        public void open(OpenContext openContext) throws Exception {
            startedAt = System.currentTimeMillis();
        }

        @Override
        public String map(Long record) {
            if (System.currentTimeMillis() - startedAt >= failAfterMs) {
                throw new IllegalStateException(
                        "Simulated failure: flaky parser hit a corrupt record #" + record);
            }
            return "parsed-" + record;
        }
    }
}
