package dev.flinkdashboard.demo;

import static dev.flinkdashboard.demo.HostilePayloads.ATTRIBUTE_BREAKOUT;
import static dev.flinkdashboard.demo.HostilePayloads.DETAILS;
import static dev.flinkdashboard.demo.HostilePayloads.ENTITIES;
import static dev.flinkdashboard.demo.HostilePayloads.IFRAME;
import static dev.flinkdashboard.demo.HostilePayloads.IMG;
import static dev.flinkdashboard.demo.HostilePayloads.JS_TEMPLATE;
import static dev.flinkdashboard.demo.HostilePayloads.JS_LINK;
import static dev.flinkdashboard.demo.HostilePayloads.JS_URL;
import static dev.flinkdashboard.demo.HostilePayloads.LONG;
import static dev.flinkdashboard.demo.HostilePayloads.MATHML;
import static dev.flinkdashboard.demo.HostilePayloads.MULTILINE;
import static dev.flinkdashboard.demo.HostilePayloads.RTL_OVERRIDE;
import static dev.flinkdashboard.demo.HostilePayloads.SCRIPT;
import static dev.flinkdashboard.demo.HostilePayloads.SINGLE_QUOTE_BREAKOUT;
import static dev.flinkdashboard.demo.HostilePayloads.STYLE;
import static dev.flinkdashboard.demo.HostilePayloads.SVG;
import static dev.flinkdashboard.demo.HostilePayloads.UNICODE;

import java.time.Duration;
import org.apache.flink.api.common.accumulators.Accumulator;
import org.apache.flink.api.common.accumulators.IntCounter;
import org.apache.flink.api.common.accumulators.LongCounter;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.functions.FilterFunction;
import org.apache.flink.api.common.functions.MapFunction;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichMapFunction;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.Gauge;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts untrusted text everywhere the dashboard shows user-controlled strings: the job name,
 * vertex (operator) names, accumulator names and values, metric group and metric names, metric
 * values, user configuration (global job parameters) keys and values, exception messages,
 * TaskManager log lines and stdout. Unbounded, ~2 records/s.
 *
 * <p>Two disconnected pipelines, so two pipelined regions: the main one never fails; the second
 * one throws an exception whose message and cause carry every payload, first after {@code
 * --first-failure-after-seconds} (default 20), then every {@code --fail-every-seconds} (default
 * 300). Flink's region failover restarts only that second region (the job stays RUNNING and the
 * main pipeline, with its accumulators and metrics, keeps running), and each failure lands in
 * the job's exception history.
 *
 * <p>Args: {@code --rate 2}, {@code --log-every-seconds 10}, {@code --first-failure-after-seconds
 * 20}, {@code --fail-every-seconds 300} (0 never fails).
 */
public final class HostileNamesJob {
    public static final String NAME =
            "Demo: <img src=x onerror=alert('xss-job')> & <script>alert(\"xss-job\")</script> markup";

    private HostileNamesJob() {}

    public static void main(String[] args) throws Exception {
        Args a = Args.parse(args);
        Configuration conf = Demo.config();
        // Without checkpointing Flink would not restart at all: restart the failed region.
        conf.set(RestartStrategyOptions.RESTART_STRATEGY, "fixed-delay");
        conf.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_ATTEMPTS, Integer.MAX_VALUE);
        conf.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_DELAY, Duration.ofSeconds(2));
        StreamExecutionEnvironment env = Demo.env(conf);
        env.setParallelism(1);
        env.disableOperatorChaining();
        env.getConfig().setGlobalJobParameters(userConfig());
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

        long failEveryMs = a.getLong("fail-every-seconds", 300) * 1000L;
        if (failEveryMs > 0) {
            env.fromSource(Demo.sequence(1), WatermarkStrategy.noWatermarks(), IFRAME)
                    .uid("hostile-failure-source")
                    .map(new FailEveryNow(a.getLong("first-failure-after-seconds", 20) * 1000L, failEveryMs))
                    .name(JS_TEMPLATE)
                    .uid("hostile-failing-map")
                    .sinkTo(new DiscardingSink<>())
                    .name(SINGLE_QUOTE_BREAKOUT)
                    .uid("hostile-failure-sink");
        }
    }

    /**
     * The job's user configuration (shown by {@code GET /jobs/:jobid/config} as {@code
     * user-config}): {@code hostile.<name>} keys with each payload as the value, and some payloads
     * as keys.
     */
    static Configuration userConfig() {
        Configuration params = new Configuration();
        for (int i = 0; i < HostilePayloads.ALL.size(); i++) {
            params.setString("hostile." + HostilePayloads.NAMES.get(i), HostilePayloads.ALL.get(i));
        }
        params.setString(IMG, "a key that is markup");
        params.setString(SCRIPT, "another key that is markup");
        params.setString(LONG, "a 2,000-character key");
        return params;
    }

    /** The exception every failure throws: each payload in the message, and in its cause. */
    static RuntimeException hostileFailure(int attempt) {
        RuntimeException cause =
                new IllegalArgumentException("Hostile cause: " + String.join("\n", HostilePayloads.ALL));
        return new IllegalStateException(
                "Hostile failure (attempt " + attempt + "): " + String.join(" | ", HostilePayloads.ALL), cause);
    }

    /** Passes records through until its attempt has run long enough, then throws. */
    static final class FailEveryNow extends RichMapFunction<Long, Long> {
        private final long firstFailureAfterMs;
        private final long failEveryMs;
        private transient int attempt;
        private transient long failAt;

        FailEveryNow(long firstFailureAfterMs, long failEveryMs) {
            this.firstFailureAfterMs = firstFailureAfterMs;
            this.failEveryMs = failEveryMs;
        }

        @Override
        public void open(OpenContext openContext) throws Exception {
            attempt = getRuntimeContext().getTaskInfo().getAttemptNumber();
            failAt = System.currentTimeMillis() + (attempt == 0 ? firstFailureAfterMs : failEveryMs);
        }

        @Override
        public Long map(Long value) {
            if (System.currentTimeMillis() >= failAt) {
                throw hostileFailure(attempt);
            }
            return value;
        }
    }

    /** An accumulator holding one text value (the dashboard shows it as the value). */
    static final class TextAccumulator implements Accumulator<String, String> {
        private static final long serialVersionUID = 1L;
        private String value = "";

        @Override
        public void add(String v) {
            value = v;
        }

        @Override
        public String getLocalValue() {
            return value;
        }

        @Override
        public void resetLocal() {
            value = "";
        }

        @Override
        public void merge(Accumulator<String, String> other) {
            if (!other.getLocalValue().isEmpty()) {
                value = other.getLocalValue();
            }
        }

        @Override
        public TextAccumulator clone() {
            TextAccumulator copy = new TextAccumulator();
            copy.value = value;
            return copy;
        }
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
            // Accumulator values: one text accumulator per payload. The two payloads that already
            // name accumulators get a variant as value, so no table has two cells of equal text.
            for (int i = 0; i < HostilePayloads.ALL.size(); i++) {
                String payload = HostilePayloads.ALL.get(i);
                TextAccumulator text = new TextAccumulator();
                text.add(payload.equals(SVG) || payload.equals(JS_LINK) ? payload.replace(")", ", 'value')") : payload);
                getRuntimeContext().addAccumulator("text." + HostilePayloads.NAMES.get(i), text);
            }

            MetricGroup hostile = getRuntimeContext().getMetricGroup().addGroup("hostile");
            hostile.gauge(IMG, (Gauge<Long>) () -> records);
            hostile.gauge("lastPayload", (Gauge<String>) () -> lastPayload);
            recordsCounter = getRuntimeContext().getMetricGroup().addGroup(MATHML).counter(JS_URL);
            // Metric names: one gauge named after each payload.
            MetricGroup names = getRuntimeContext().getMetricGroup().addGroup("payloads");
            for (int i = 0; i < HostilePayloads.ALL.size(); i++) {
                final int index = i;
                names.gauge(HostilePayloads.ALL.get(i), (Gauge<Integer>) () -> index);
            }

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
