package io.jenkins.plugins.cargo.simulator;

import java.time.Instant;
import java.util.Objects;

/**
 * What {@code GET /v1/billing/subscriptions} says about the workspace's credits and plan: the parts of
 * Cargo's {@code EnrichedSubscription} a client reads (cargo-api.md 12.7). The simulator fills in the
 * rest. Runs do not draw on these credits: the numbers stay as set.
 *
 * @param plan {@code self-serve} or {@code enterprise} in Cargo's type; any string is served
 * @param cadence such as {@code monthly} or {@code annual}; any string is served
 * @param subscriptionAvailableCreditsCount the plan's credits still available
 * @param subscriptionCreditsUsedCount the plan's credits used in this period
 * @param additionalAvailableCreditsCount credits bought on top of the plan, still available
 * @param resetAt when the period ends and credits reset; null means 30 days after the simulator started
 */
public record SimSubscription(
        String plan,
        String cadence,
        double subscriptionAvailableCreditsCount,
        double subscriptionCreditsUsedCount,
        double additionalAvailableCreditsCount,
        Instant resetAt) {

    public SimSubscription {
        Objects.requireNonNull(plan, "plan");
        Objects.requireNonNull(cadence, "cadence");
    }

    /** A monthly self-serve subscription with these credits. */
    public static SimSubscription credits(
            double subscriptionAvailable, double subscriptionUsed, double additionalAvailable) {
        return new SimSubscription(
                "self-serve", "monthly", subscriptionAvailable, subscriptionUsed, additionalAvailable, null);
    }

    public SimSubscription withPlan(String plan) {
        return new SimSubscription(plan, cadence, subscriptionAvailableCreditsCount, subscriptionCreditsUsedCount,
                additionalAvailableCreditsCount, resetAt);
    }

    public SimSubscription withCadence(String cadence) {
        return new SimSubscription(plan, cadence, subscriptionAvailableCreditsCount, subscriptionCreditsUsedCount,
                additionalAvailableCreditsCount, resetAt);
    }

    public SimSubscription withResetAt(Instant resetAt) {
        return new SimSubscription(plan, cadence, subscriptionAvailableCreditsCount, subscriptionCreditsUsedCount,
                additionalAvailableCreditsCount, resetAt);
    }

    /** Served as {@code hasCredits}: whether any plan or additional credits are left. */
    public boolean hasCredits() {
        return subscriptionAvailableCreditsCount + additionalAvailableCreditsCount > 0;
    }
}
