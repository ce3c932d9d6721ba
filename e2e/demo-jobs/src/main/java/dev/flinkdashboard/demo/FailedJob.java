package dev.flinkdashboard.demo;

import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * The flaky job's pipeline with no restart strategy: its parser throws once it has run for
 * {@code --fail-after-seconds} (the sandbox passes 8) and the job ends FAILED for good, so the History
 * Server has a failed job (with checkpoints and an exception) to show.
 *
 * <p>Args: {@code --fail-after-seconds 45}, {@code --rate 5}, {@code --parallelism 1},
 * {@code --checkpoint-interval-ms 2000}.
 */
public final class FailedJob {
    public static final String NAME = "Demo: job that fails for good";

    private FailedJob() {}

    public static void main(String[] args) throws Exception {
        Args a = Args.parse(args);
        Configuration conf = Demo.config();
        conf.set(RestartStrategyOptions.RESTART_STRATEGY, "none");
        StreamExecutionEnvironment env = Demo.env(conf);
        env.setParallelism(a.getInt("parallelism", 1));
        env.enableCheckpointing(a.getLong("checkpoint-interval-ms", 2_000));
        FlakyJob.define(env, a);
        env.execute(NAME);
    }
}
