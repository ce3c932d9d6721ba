package dev.flinkdashboard.demo;

import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;

/**
 * A trivial, slow, unbounded stream (1 record/s) that the sandbox cancels after it has run.
 *
 * <p>Args: {@code --rate 1}, {@code --parallelism 1}.
 */
public final class CancelMeJob {
    public static final String NAME = "Demo: job canceled by the sandbox";

    private CancelMeJob() {}

    public static void main(String[] args) throws Exception {
        Args a = Args.parse(args);
        StreamExecutionEnvironment env = Demo.env(Demo.config());
        env.setParallelism(a.getInt("parallelism", 1));
        define(env, a);
        env.execute(NAME);
    }

    static void define(StreamExecutionEnvironment env, Args a) {
        env.fromSource(
                        Demo.sequence(a.getDouble("rate", 1)),
                        WatermarkStrategy.noWatermarks(),
                        "Heartbeat source")
                .uid("heartbeat-source")
                .map(tick -> "heartbeat-" + tick)
                .name("Format heartbeat")
                .uid("format-heartbeat")
                .sinkTo(new DiscardingSink<>())
                .name("Discard heartbeats")
                .uid("discard-heartbeats");
    }
}
