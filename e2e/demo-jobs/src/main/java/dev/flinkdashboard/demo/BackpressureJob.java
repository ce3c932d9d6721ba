package dev.flinkdashboard.demo;

import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.functions.MapFunction;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;

/**
 * A fast source feeding a deliberately slow, sleeping map in its own vertex, so the source is
 * backpressured and the "Slow enrichment" vertex is busy, while the CPU stays mostly idle.
 *
 * <p>Args: {@code --rate 2000} (records/s offered), {@code --sleep-ms 5} (per record),
 * {@code --payload-bytes 1024}, {@code --parallelism 1}, {@code --checkpoint-interval-ms 10000}.
 * The ~1 KB payload keeps the number of records buffered between the vertices small, so aligned
 * checkpoint barriers still get through in a few seconds despite the backpressure.
 */
public final class BackpressureJob {
    public static final String NAME = "Demo: backpressured pipeline";

    private BackpressureJob() {}

    public static void main(String[] args) throws Exception {
        Args a = Args.parse(args);
        StreamExecutionEnvironment env = Demo.env(Demo.config());
        env.setParallelism(a.getInt("parallelism", 1));
        env.enableCheckpointing(a.getLong("checkpoint-interval-ms", 10_000));
        define(env, a);
        env.execute(NAME);
    }

    static void define(StreamExecutionEnvironment env, Args a) {
        final int payloadBytes = a.getInt("payload-bytes", 1024);
        final long sleepMs = a.getLong("sleep-ms", 5);

        env.fromSource(
                        Demo.sequence(a.getDouble("rate", 2000)),
                        WatermarkStrategy.noWatermarks(),
                        "Fast event source")
                .uid("fast-event-source")
                .map(new PadRecord(payloadBytes))
                .name("Build payload")
                .uid("build-payload")
                .map(new SlowEnrichment(sleepMs))
                .name("Slow enrichment")
                .uid("slow-enrichment")
                .disableChaining()
                .sinkTo(new DiscardingSink<>())
                .name("Discard enriched events")
                .uid("discard-enriched-events");
    }

    /** Turns a sequence number into a padded record (chained into the source vertex). */
    static final class PadRecord implements MapFunction<Long, String> {
        private final int payloadBytes;

        PadRecord(int payloadBytes) {
            this.payloadBytes = payloadBytes;
        }

        @Override
        public String map(Long value) {
            StringBuilder sb = new StringBuilder(payloadBytes + 24);
            sb.append("event-").append(value).append(':');
            while (sb.length() < payloadBytes) {
                sb.append('x');
            }
            return sb.toString();
        }
    }

    /** Sleeps (does not spin) for every record. */
    static final class SlowEnrichment implements MapFunction<String, String> {
        private final long sleepMs;

        SlowEnrichment(long sleepMs) {
            this.sleepMs = sleepMs;
        }

        @Override
        public String map(String value) throws Exception {
            Thread.sleep(sleepMs);
            return value.length() > 40 ? value.substring(0, 40) : value;
        }
    }
}
