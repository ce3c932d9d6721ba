package dev.flinkdashboard.demo;

import java.util.SplittableRandom;

/** A generated order (a Flink POJO: public fields and a public no-argument constructor). */
public class Order {
    public static final int CUSTOMERS = 20;

    public long orderId;
    public String customer;
    public double amount;
    public long eventTime;

    public Order() {}

    public Order(long orderId, String customer, double amount, long eventTime) {
        this.orderId = orderId;
        this.customer = customer;
        this.amount = amount;
        this.eventTime = eventTime;
    }

    /**
     * A deterministic-looking order for a sequence number, stamped "now" minus up to
     * {@code maxLatenessMs} of random out-of-orderness.
     */
    static Order generate(long index, long maxLatenessMs) {
        SplittableRandom random = new SplittableRandom(index * 0x9E3779B97F4A7C15L);
        String customer = String.format("customer-%02d", random.nextInt(CUSTOMERS) + 1);
        double amount = Math.round((5 + random.nextDouble() * 195) * 100) / 100.0;
        long lateness = maxLatenessMs <= 0 ? 0 : random.nextLong(maxLatenessMs + 1);
        return new Order(index, customer, amount, System.currentTimeMillis() - lateness);
    }

    /** Two orders of one key as one (the demo jobs' reduce): amounts added, the later id and event time. */
    static Order sum(Order left, Order right) {
        return new Order(
                Math.max(left.orderId, right.orderId),
                left.customer,
                left.amount + right.amount,
                Math.max(left.eventTime, right.eventTime));
    }

    @Override
    public String toString() {
        return "Order{id=" + orderId + ", customer=" + customer + ", amount=" + amount
                + ", eventTime=" + eventTime + "}";
    }
}
