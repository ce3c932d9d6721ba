package dev.flinkdashboard.demo;

import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.functions.MapFunction;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.runtime.state.FunctionInitializationContext;
import org.apache.flink.runtime.state.FunctionSnapshotContext;
import org.apache.flink.streaming.api.checkpoint.CheckpointedFunction;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checkpoints every 5 s with a 2 s timeout; the "Slow snapshot" operator sleeps past the timeout
 * while snapshotting every 3rd checkpoint (id % 3 == 0), so those expire while the ones in
 * between complete. Checkpoint failures are tolerated, so the job stays RUNNING.
 *
 * <p>Args: {@code --rate 5}, {@code --checkpoint-interval-ms 5000},
 * {@code --checkpoint-timeout-ms 2000}, {@code --snapshot-sleep-ms} (default timeout + 1500),
 * {@code --fail-every 3}, {@code --parallelism 1}.
 */
public final class FailingCheckpointsJob {
    public static final String NAME = "Demo: checkpoints that sometimes fail";

    private FailingCheckpointsJob() {}

    public static void main(String[] args) throws Exception {
        Args a = Args.parse(args);
        StreamExecutionEnvironment env = Demo.env(Demo.config());
        env.setParallelism(a.getInt("parallelism", 1));
        long timeoutMs = a.getLong("checkpoint-timeout-ms", 2000);
        env.enableCheckpointing(a.getLong("checkpoint-interval-ms", 5000));
        env.getCheckpointConfig().setCheckpointTimeout(timeoutMs);
        env.getCheckpointConfig().setTolerableCheckpointFailureNumber(Integer.MAX_VALUE);
        define(env, a, timeoutMs);
        env.execute(NAME);
    }

    static void define(StreamExecutionEnvironment env, Args a, long timeoutMs) {
        env.fromSource(
                        Demo.sequence(a.getDouble("rate", 5)),
                        WatermarkStrategy.noWatermarks(),
                        "Steady source")
                .uid("steady-source")
                .map(
                        new SlowSnapshot(
                                a.getLong("snapshot-sleep-ms", timeoutMs + 1500),
                                a.getLong("fail-every", 3)))
                .name("Slow snapshot")
                .uid("slow-snapshot")
                .disableChaining()
                .sinkTo(new DiscardingSink<>())
                .name("Discard counted records")
                .uid("discard-counted-records");
    }

    /** Counts records in operator state and stalls the snapshot of every n-th checkpoint. */
    static final class SlowSnapshot implements MapFunction<Long, Long>, CheckpointedFunction {
        private static final Logger LOG = LoggerFactory.getLogger(SlowSnapshot.class);

        private final long sleepMs;
        private final long failEvery;
        private transient ListState<Long> countState;
        private transient long count;

        SlowSnapshot(long sleepMs, long failEvery) {
            this.sleepMs = sleepMs;
            this.failEvery = failEvery;
        }

        @Override
        public Long map(Long value) {
            count++;
            return count;
        }

        @Override
        public void snapshotState(FunctionSnapshotContext context) throws Exception {
            long id = context.getCheckpointId();
            if (failEvery > 0 && id % failEvery == 0) {
                LOG.info("Checkpoint {}: stalling the snapshot for {} ms (past the timeout)", id, sleepMs);
                Thread.sleep(sleepMs);
            }
            countState.update(java.util.Collections.singletonList(count));
        }

        @Override
        public void initializeState(FunctionInitializationContext context) throws Exception {
            countState =
                    context.getOperatorStateStore()
                            .getListState(new ListStateDescriptor<>("record-count", Long.class));
            count = 0;
            for (Long restored : countState.get()) {
                count += restored;
            }
        }
    }
}
