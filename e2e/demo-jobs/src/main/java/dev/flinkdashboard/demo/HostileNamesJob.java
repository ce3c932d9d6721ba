package dev.flinkdashboard.demo;

import static dev.flinkdashboard.demo.HostilePayloads.ATTRIBUTE_BREAKOUT;
import static dev.flinkdashboard.demo.HostilePayloads.DETAILS;
import static dev.flinkdashboard.demo.HostilePayloads.ENTITIES;
import static dev.flinkdashboard.demo.HostilePayloads.IMG;
import static dev.flinkdashboard.demo.HostilePayloads.JS_LINK;
import static dev.flinkdashboard.demo.HostilePayloads.JS_URL;
import static dev.flinkdashboard.demo.HostilePayloads.LONG;
import static dev.flinkdashboard.demo.HostilePayloads.MATHML;
import static dev.flinkdashboard.demo.HostilePayloads.MULTILINE;
import static dev.flinkdashboard.demo.HostilePayloads.RTL_OVERRIDE;
import static dev.flinkdashboard.demo.HostilePayloads.SCRIPT;
import static dev.flinkdashboard.demo.HostilePayloads.STYLE;
import static dev.flinkdashboard.demo.HostilePayloads.SVG;
import static dev.flinkdashboard.demo.HostilePayloads.UNICODE;

import org.apache.flink.api.common.accumulators.IntCounter;
import org.apache.flink.api.common.accumulators.LongCounter;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.functions.FilterFunction;
import org.apache.flink.api.common.functions.MapFunction;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichMapFunction;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.Gauge;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts untrusted text everywhere the dashboard shows user-controlled strings: the job name,
 * vertex (operator) names, accumulator names, metric group and metric names, metric values,
 * TaskManager log lines and stdout. Unbounded, ~2 records/s, never fails.
 *
 * <p>Args: {@code --rate 2}, {@code --log-every-seconds 10}.
 */
public final class HostileNamesJob {
    public static final String NAME =
            "Demo: <img src=x onerror=alert('xss-job')> & <script>alert(\"xss-job\")</script> markup";

    private HostileNamesJob() {}

    public static void main(String[] args) throws Exception {
        Args a = Args.parse(args);
        StreamExecutionEnvironment env = Demo.env(Demo.config());
        env.setParallelism(1);
        env.disableOperatorChaining();
        define(env, a);
        env.execute(NAME);
    }

    static void define(StreamExecutionEnvironment env, Args a) {
        env.fromSource(
                        Demo.sequence(a.getDouble("rate", 2)),
                        WatermarkStrategy.noWatermarks(),
                        SCRIPT)
                .uid("hostile-source")
                .map(new Instrumented(a.getLong("log-every-seconds", 10) * 1000L))
                .name(IMG)
                .uid("hostile-instrumented")
                .filter(new KeepAll())
                .name(RTL_OVERRIDE)
                .uid("hostile-rtl")
                .map(new Identity())
                .name(MULTILINE)
                .uid("hostile-multiline")
                .map(new Identity())
                .name(ATTRIBUTE_BREAKOUT)
                .uid("hostile-attribute")
                .map(new Identity())
                .name(LONG)
                .uid("hostile-long")
                .map(new Identity())
                .name(ENTITIES)
                .uid("hostile-entities")
                .sinkTo(new DiscardingSink<>())
                .name(DETAILS)
                .uid("hostile-sink");
    }

    /**
     * Turns sequence numbers into hostile records and registers hostile accumulators and metrics;
     * logs and prints hostile text every {@code logEveryMs}.
     */
    static final class Instrumented extends RichMapFunction<Long, String> {
        private static final Logger LOG = LoggerFactory.getLogger(HostileNamesJob.class);

        private final long logEveryMs;
        private transient IntCounter recordsAccumulator;
        private transient LongCounter payloadCharsAccumulator;
        private transient Counter recordsCounter;
        private transient long records;
        private transient String lastPayload;
        private transient long lastLogAt;

        Instrumented(long logEveryMs) {
            this.logEveryMs = logEveryMs;
        }

        @Override
        public void open(OpenContext openContext) throws Exception {
            recordsAccumulator = new IntCounter();
            payloadCharsAccumulator = new LongCounter();
            getRuntimeContext().addAccumulator(SVG, recordsAccumulator);
            getRuntimeContext().addAccumulator(JS_LINK, payloadCharsAccumulator);

            MetricGroup hostile = getRuntimeContext().getMetricGroup().addGroup("hostile");
            hostile.gauge(IMG, (Gauge<Long>) () -> records);
            hostile.gauge("lastPayload", (Gauge<String>) () -> lastPayload);
            recordsCounter = getRuntimeContext().getMetricGroup().addGroup(MATHML).counter(JS_URL);

            lastPayload = "";
            lastLogAt = System.currentTimeMillis();
            LOG.info("Opened hostile operator; long payload follows: {}", LONG);
        }

        @Override
        public String map(Long index) {
            String payload =
                    HostilePayloads.ALL.get((int) Math.floorMod(index, (long) HostilePayloads.ALL.size()));
            records++;
            lastPayload = payload;
            recordsAccumulator.add(1);
            payloadCharsAccumulator.add(payload.length());
            recordsCounter.inc();

            long now = System.currentTimeMillis();
            if (now - lastLogAt >= logEveryMs) {
                lastLogAt = now;
                LOG.info(
                        "Hostile record #{}: {} | {} | {} | {} | {} | {}",
                        records, SCRIPT, IMG, MULTILINE, RTL_OVERRIDE, STYLE, UNICODE);
                System.out.println("Hostile stdout #" + records + ": " + SCRIPT + " " + ENTITIES + " " + payload);
            }
            return payload;
        }
    }

    static final class KeepAll implements FilterFunction<String> {
        @Override
        public boolean filter(String value) {
            return true;
        }
    }

    static final class Identity implements MapFunction<String, String> {
        @Override
        public String map(String value) {
            return value;
        }
    }
}
