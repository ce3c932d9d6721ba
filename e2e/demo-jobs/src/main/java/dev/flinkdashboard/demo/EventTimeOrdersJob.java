package dev.flinkdashboard.demo;

import java.time.Duration;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.connector.datagen.source.DataGeneratorSource;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;
import org.apache.flink.streaming.api.windowing.assigners.TumblingEventTimeWindows;
import org.apache.flink.util.Collector;

/**
 * Event-time pipeline: generated orders with bounded out-of-orderness, a keyed running count
 * in {@link ValueState}, and 10-second tumbling event-time windows summing amounts per customer.
 *
 * <p>Args: {@code --rate 20} (records/s, all subtasks), {@code --parallelism 2},
 * {@code --max-lateness-ms 1500}, {@code --checkpoint-interval-ms 5000}.
 */
public final class EventTimeOrdersJob {
    public static final String NAME = "Demo: event-time orders";

    private EventTimeOrdersJob() {}

    public static void main(String[] args) throws Exception {
        Args a = Args.parse(args);
        StreamExecutionEnvironment env = Demo.env(Demo.config());
        env.setParallelism(a.getInt("parallelism", 2));
        env.enableCheckpointing(a.getLong("checkpoint-interval-ms", 5000));
        define(env, a);
        env.execute(NAME);
    }

    static void define(StreamExecutionEnvironment env, Args a) {
        final long maxLatenessMs = a.getLong("max-lateness-ms", 1500);
        DataGeneratorSource<Order> source = OrderSource.eventTime(a.getDouble("rate", 20), maxLatenessMs);
        WatermarkStrategy<Order> watermarks = OrderSource.watermarks();

        DataStream<Order> orders =
                env.fromSource(source, watermarks, "Order generator").uid("order-generator");

        orders.keyBy(order -> order.customer)
                .process(new RunningCountPerCustomer())
                .name("Running count per customer")
                .uid("running-count-per-customer")
                .sinkTo(new DiscardingSink<>())
                .name("Discard running counts")
                .uid("discard-running-counts");

        orders.keyBy(order -> order.customer)
                .window(TumblingEventTimeWindows.of(Duration.ofSeconds(10)))
                .reduce(Order::sum)
                .name("10s revenue per customer")
                .uid("revenue-per-customer-10s")
                .sinkTo(new DiscardingSink<>())
                .name("Discard window totals")
                .uid("discard-window-totals");
    }

    /** Keeps a running order count per customer in keyed {@link ValueState}. */
    static final class RunningCountPerCustomer extends KeyedProcessFunction<String, Order, String> {
        private transient ValueState<Long> count;

        @Override
        public void open(OpenContext openContext) throws Exception {
            count = getRuntimeContext().getState(new ValueStateDescriptor<>("order-count", Long.class));
        }

        @Override
        public void processElement(Order order, Context ctx, Collector<String> out) throws Exception {
            Long current = count.value();
            long next = current == null ? 1 : current + 1;
            count.update(next);
            out.collect(ctx.getCurrentKey() + " orders=" + next);
        }
    }
}
