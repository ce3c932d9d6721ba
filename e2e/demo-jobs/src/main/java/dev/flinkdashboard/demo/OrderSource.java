package dev.flinkdashboard.demo;

import java.time.Duration;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.connector.source.util.ratelimit.RateLimiterStrategy;
import org.apache.flink.connector.datagen.source.DataGeneratorSource;
import org.apache.flink.connector.datagen.source.GeneratorFunction;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/** The generated order streams the demo jobs share (kept to APIs present in Flink 1.20 and 2.x). */
final class OrderSource {
    private OrderSource() {}

    /**
     * A bounded stream of {@code records} orders at {@code rate} records/s (all subtasks), without
     * watermarks: a sequence source and a "Build order" map (chained into the source vertex).
     */
    static DataStream<Order> bounded(
            StreamExecutionEnvironment env,
            double rate,
            long records,
            String sourceName,
            String sourceUid,
            String buildUid) {
        return env.fromSource(Demo.sequence(rate, records), WatermarkStrategy.noWatermarks(), sourceName)
                .uid(sourceUid)
                .map(index -> Order.generate(index, 0))
                .returns(Order.class)
                .name("Build order")
                .uid(buildUid);
    }

    /**
     * An unbounded source of orders at {@code rate} records/s (all subtasks), each stamped "now"
     * minus up to {@code maxLatenessMs} of random out-of-orderness.
     */
    static DataGeneratorSource<Order> eventTime(double rate, long maxLatenessMs) {
        GeneratorFunction<Long, Order> generator = index -> Order.generate(index, maxLatenessMs);
        return new DataGeneratorSource<>(
                generator, Long.MAX_VALUE, RateLimiterStrategy.perSecond(rate), TypeInformation.of(Order.class));
    }

    /** Event time from the order, with a bounded out-of-orderness of two seconds. */
    static WatermarkStrategy<Order> watermarks() {
        return WatermarkStrategy.<Order>forBoundedOutOfOrderness(Duration.ofSeconds(2))
                .withTimestampAssigner((order, recordTs) -> order.eventTime);
    }
}
