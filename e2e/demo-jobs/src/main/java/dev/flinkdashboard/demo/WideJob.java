package dev.flinkdashboard.demo;

import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.functions.FilterFunction;
import org.apache.flink.api.common.functions.MapFunction;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;

/**
 * A wide job graph with chaining disabled, so every operator is its own vertex:
 *
 * <pre>
 * source -> Stage 01 .. Stage 10 -+-> Stage 11 (filter: even) -> Stage 12 .. Stage 25 -+
 *                                 +-> Stage 26 (filter: odd)  -> Stage 27 .. Stage 40 -+-> union
 *                                                         -> Stage 41 -> Stage 42 -> sink
 * </pre>
 *
 * <p>1 source + 42 stages + 1 sink = {@value #VERTICES} vertices (the union is not a vertex).
 * Args: {@code --rate 5}, {@code --parallelism 1}.
 */
public final class WideJob {
    static final int VERTICES = 44;
    public static final String NAME = "Demo: wide pipeline (" + VERTICES + " vertices)";

    private WideJob() {}

    public static void main(String[] args) throws Exception {
        Args a = Args.parse(args);
        StreamExecutionEnvironment env = Demo.env(Demo.config());
        env.setParallelism(a.getInt("parallelism", 1));
        env.disableOperatorChaining();
        define(env, a);
        env.execute(NAME);
    }

    static void define(StreamExecutionEnvironment env, Args a) {
        DataStream<Long> trunk =
                env.fromSource(
                                Demo.sequence(a.getDouble("rate", 5)),
                                WatermarkStrategy.noWatermarks(),
                                "Wide source")
                        .uid("wide-source");
        for (int stage = 1; stage <= 10; stage++) {
            trunk = stage(trunk, stage);
        }

        DataStream<Long> even = trunk.filter(new Parity(0)).name(stageName(11)).uid(stageUid(11));
        for (int stage = 12; stage <= 25; stage++) {
            even = stage(even, stage);
        }
        DataStream<Long> odd = trunk.filter(new Parity(1)).name(stageName(26)).uid(stageUid(26));
        for (int stage = 27; stage <= 40; stage++) {
            odd = stage(odd, stage);
        }

        DataStream<Long> merged = even.union(odd);
        for (int stage = 41; stage <= 42; stage++) {
            merged = stage(merged, stage);
        }
        merged.sinkTo(new DiscardingSink<>()).name("Wide sink").uid("wide-sink");
    }

    static String stageName(int stage) {
        return String.format("Stage %02d", stage);
    }

    private static String stageUid(int stage) {
        return String.format("stage-%02d", stage);
    }

    private static DataStream<Long> stage(DataStream<Long> input, int stage) {
        return input.map(new PassThrough()).name(stageName(stage)).uid(stageUid(stage));
    }

    static final class PassThrough implements MapFunction<Long, Long> {
        @Override
        public Long map(Long value) {
            return value;
        }
    }

    static final class Parity implements FilterFunction<Long> {
        private final long remainder;

        Parity(long remainder) {
            this.remainder = remainder;
        }

        @Override
        public boolean filter(Long value) {
            return Math.floorMod(value, 2L) == remainder;
        }
    }
}
