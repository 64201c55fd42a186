package io.jenkins.plugins.cargo.api;

import java.math.BigDecimal;

/** The credits a workspace has left: those of its subscription's period and those bought on top. */
public record CargoCredits(BigDecimal subscriptionAvailable, BigDecimal additionalAvailable) {
    public BigDecimal available() {
        return subscriptionAvailable.add(additionalAvailable);
    }
}
