package io.jenkins.plugins.cargo.simulator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;

/**
 * Writes the workspace-level documents in the shape of Cargo's types (cargo-api.md 12.6 and 12.7),
 * every key in the type's order: {@code Tool}, {@code Workspace} and {@code EnrichedSubscription}.
 * Nested values a client has no use for are the smallest the type allows: null where it may be null,
 * an empty list or object where it may not.
 */
final class WorkspaceJson {

    /** The length of a period when a test gives no resetAt. */
    static final Duration DEFAULT_PERIOD = Duration.ofDays(30);

    private final SimAccount account;

    WorkspaceJson(SimAccount account) {
        this.account = account;
    }

    ObjectNode tool(SimulatorSettings.Tool tool) {
        ObjectNode json = JsonCodec.object();
        json.put("uuid", tool.uuid());
        ObjectNode icon = json.putObject("icon");
        icon.put("kind", "emoji");
        icon.put("emojiSlug", "hammer_and_wrench");
        json.put("workspaceUuid", account.workspaceUuid());
        json.put("workflowUuid", tool.workflowUuid());
        json.put("userUuid", account.userUuid());
        json.put("name", tool.name());
        json.putNull("folderUuid");
        json.putObject("creditsCost").put("kind", "minMax");
        json.put("description", tool.description());
        json.put("isReadOnly", false);
        json.putArray("triggers");
        json.putNull("publicForm");
        json.put("createdAt", RunJson.timestamp(tool.createdAt()));
        json.put("updatedAt", RunJson.timestamp(tool.updatedAt()));
        json.putNull("deletedAt");
        return json;
    }

    ObjectNode workspace(SimulatorSettings.Workspace workspace) {
        ObjectNode json = JsonCodec.object();
        json.put("uuid", account.workspaceUuid());
        json.put("name", workspace.name());
        json.putArray("allowedEmailDomains");
        json.putArray("syncs");
        json.put("temporalNamespace", "workspace-" + account.workspaceUuid());
        json.putNull("temporalTaskQueuePrefix");
        json.put("maxConcurrentRuns", workspace.maxConcurrentRuns());
        json.putNull("openAiVectorStoreId");
        json.put("createdAt", RunJson.timestamp(account.createdAt()));
        json.put("updatedAt", RunJson.timestamp(workspace.updatedAt()));
        json.putNull("logoUrl");
        json.putNull("metadata");
        json.putNull("chromeExtensionMasterAgentUuid");
        json.putNull("chromeExtensionAvailableAgentUuids");
        json.putNull("defaultRoleUuid");
        json.putNull("allowedLoginProviders");
        json.putNull("ssoIdentifier");
        json.putObject("quotaBuckets");
        return json;
    }

    ObjectNode subscription(SimulatorSettings.Subscription setting) {
        SimSubscription subscription = setting.subscription();
        Instant resetAt = subscription.resetAt() != null
                ? subscription.resetAt()
                : account.createdAt().plus(DEFAULT_PERIOD);
        ObjectNode json = JsonCodec.object();
        json.put("uuid", account.subscriptionUuid());
        json.put("workspaceUuid", account.workspaceUuid());
        json.put("provider", "orb");
        json.put("customerOrbId", "orb-customer-" + account.workspaceUuid());
        json.put("customerStripeId", "cus_simulated");
        json.put("subscriptionStatus", "active");
        json.putNull("subscriptionStripeId");
        json.put("subscriptionAvailableCreditsCount", subscription.subscriptionAvailableCreditsCount());
        json.put("subscriptionCreditsUsedCount", subscription.subscriptionCreditsUsedCount());
        json.put("additionalAvailableCreditsCount", subscription.additionalAvailableCreditsCount());
        ObjectNode overage = json.putArray("creditsOverageBehaviors").addObject();
        overage.put("unit", "billing.credits");
        overage.put("action", "deny");
        json.putArray("creditsConsumptionBehaviors");
        json.put("createdAt", RunJson.timestamp(account.createdAt()));
        json.put("updatedAt", RunJson.timestamp(setting.updatedAt()));
        json.put("plan", subscription.plan());
        json.put("cadence", subscription.cadence());
        json.put("fixedPrice", 0);
        json.put("conversionRate", 1);
        json.put("startAt", RunJson.timestamp(resetAt.minus(DEFAULT_PERIOD)));
        json.put("resetAt", RunJson.timestamp(resetAt));
        json.putNull("endAt");
        json.put("hasPendingChange", false);
        json.put("hasCredits", subscription.hasCredits());
        json.putNull("futureChange");
        json.putNull("topup");
        return json;
    }
}
