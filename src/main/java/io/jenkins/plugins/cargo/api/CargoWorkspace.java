package io.jenkins.plugins.cargo.api;

/** The workspace an API token belongs to, and how many runs it may have going at once. */
public record CargoWorkspace(String uuid, String name, int maxConcurrentRuns) {}
