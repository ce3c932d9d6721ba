package dev.flinkdashboard.demo;

import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;

/**
 * A bounded job: ~200 generated orders, a map and a per-customer sum; it FINISHES after a few
 * seconds.
 *
 * <p>Args: {@code --records 200}, {@code --rate 100}, {@code --parallelism 1}.
 */
public final class BoundedJob {
    public static final String NAME = "Demo: bounded batch of orders";

    private BoundedJob() {}

    public static void main(String[] args) throws Exception {
        Args a = Args.parse(args);
        StreamExecutionEnvironment env = Demo.env(Demo.config());
        env.setParallelism(a.getInt("parallelism", 1));
        define(env, a);
        env.execute(NAME);
    }

    static void define(StreamExecutionEnvironment env, Args a) {
        OrderSource.bounded(
                        env,
                        a.getDouble("rate", 100),
                        a.getLong("records", 200),
                        "Bounded order batch",
                        "bounded-order-batch",
                        "build-order")
                .keyBy(order -> order.customer)
                .reduce(Order::sum)
                .name("Sum amount per customer")
                .uid("sum-amount-per-customer")
                .sinkTo(new DiscardingSink<>())
                .name("Discard totals")
                .uid("discard-totals");
    }
}
