package dev.flinkdashboard.demo;

import org.apache.flink.api.common.RuntimeExecutionMode;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.ExecutionOptions;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;

/**
 * A bounded job in BATCH runtime mode, so Flink 2.x runs it on the adaptive batch scheduler: a
 * slow source (~75 s at the defaults), a keyed sum behind a blocking exchange and a sink. While
 * the source runs, the job graph is still being built (the stream graph and the pending operators
 * are in {@code /jobs/:id}); the downstream vertices appear when the source finishes.
 *
 * <p>Args: {@code --records 300}, {@code --rate 4}.
 */
public final class AdaptiveBatchJob {
    public static final String NAME = "Demo: adaptive batch job";

    private AdaptiveBatchJob() {}

    public static void main(String[] args) throws Exception {
        Args a = Args.parse(args);
        Configuration conf = Demo.config();
        conf.set(ExecutionOptions.RUNTIME_MODE, RuntimeExecutionMode.BATCH);
        StreamExecutionEnvironment env = Demo.env(conf);
        env.setParallelism(1);
        OrderSource.bounded(
                        env,
                        a.getDouble("rate", 4),
                        a.getLong("records", 300),
                        "Slow bounded orders",
                        "slow-bounded-orders",
                        "batch-build-order")
                .keyBy(order -> order.customer)
                .reduce(Order::sum)
                .name("Sum amount per customer")
                .uid("batch-sum-amount-per-customer")
                .sinkTo(new DiscardingSink<>())
                .name("Discard totals")
                .uid("batch-discard-totals");
        env.execute(NAME);
    }
}
