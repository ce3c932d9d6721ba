package dev.flinkdashboard.demo;

import java.time.Duration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;
import org.apache.flink.streaming.api.windowing.assigners.TumblingEventTimeWindows;

/**
 * A high-parallelism streaming job for the scale benchmark (the sandbox's scale cluster):
 *
 * <pre>
 * Order generator (event time, watermarks) --keyBy(order id % keys)--> 10s revenue per key
 *     --forward--> Discard window totals
 * </pre>
 *
 * <p>Three vertices at the same parallelism, one all-to-all keyed exchange, event-time watermarks,
 * checkpoints, at a low record rate per subtask so that two cores carry it. Every subtask flushes
 * each record at once (buffer timeout 0): at this rate no batching is lost, and the TaskManager
 * saves an output-flusher thread per subtask.
 *
 * <p>Args: {@code --parallelism 512}, {@code --rate-per-subtask 0.2} (records/s),
 * {@code --keys 4096}, {@code --checkpoint-interval-ms 30000}, {@code --watermark-interval-ms 1000}.
 */
public final class ScaleJob {
    public static final String NAME_PREFIX = "Demo: parallelism ";

    private ScaleJob() {}

    public static void main(String[] args) throws Exception {
        Args a = Args.parse(args);
        int parallelism = a.getInt("parallelism", 512);
        StreamExecutionEnvironment env = Demo.env(Demo.config());
        env.setParallelism(parallelism);
        env.setMaxParallelism(Math.max(parallelism, 128) * 2);
        env.setBufferTimeout(0);
        env.enableCheckpointing(a.getLong("checkpoint-interval-ms", 30_000));
        env.getConfig().setAutoWatermarkInterval(a.getLong("watermark-interval-ms", 1000));
        final long keys = a.getLong("keys", 4096);

        env.fromSource(
                        OrderSource.eventTime(a.getDouble("rate-per-subtask", 0.2) * parallelism, 1500),
                        OrderSource.watermarks(),
                        "Order generator")
                .uid("scale-order-generator")
                .keyBy(order -> order.orderId % keys)
                .window(TumblingEventTimeWindows.of(Duration.ofSeconds(10)))
                .reduce(Order::sum)
                .name("10s revenue per key")
                .uid("scale-revenue-per-key-10s")
                .sinkTo(new DiscardingSink<>())
                .name("Discard window totals")
                .uid("scale-discard-window-totals")
                .disableChaining();
        env.execute(NAME_PREFIX + parallelism + " pipeline");
    }
}
