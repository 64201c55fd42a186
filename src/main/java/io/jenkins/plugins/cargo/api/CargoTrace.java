package io.jenkins.plugins.cargo.api;

import java.math.BigDecimal;

/**
 * Cargo's trace of a run: the run and every child run it started, summed up.
 *
 * @param status {@code pending}, {@code error}, {@code degraded} (a node failed and its fallback ran, so
 *     the run could still succeed) or {@code success}
 * @param creditsUsed the credits of the run and its child runs together
 */
public record CargoTrace(String uuid, String status, int spansCount, int failedSpansCount, BigDecimal creditsUsed) {
    public boolean isDegraded() {
        return "degraded".equals(status);
    }
}
