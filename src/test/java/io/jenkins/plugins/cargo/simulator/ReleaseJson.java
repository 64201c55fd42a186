package io.jenkins.plugins.cargo.simulator;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Writes releases in the shape of Cargo's {@code Release} and {@code ReleaseFormField} types
 * (cargo-api.md 12.6): every key of {@code Release} in the type's order, and of a form field its
 * required keys, the optional ones that are set, and the keys of its kind.
 */
final class ReleaseJson {

    private final SimAccount account;

    ReleaseJson(SimAccount account) {
        this.account = account;
    }

    ObjectNode release(ReleaseStore.StoredRelease stored) {
        SimRelease release = stored.release();
        ObjectNode json = JsonCodec.object();
        json.put("uuid", release.uuid());
        json.putNull("parentUuid");
        json.put("workspaceUuid", account.workspaceUuid());
        json.put("userUuid", account.userUuid());
        json.put("workflowUuid", stored.workflowUuid());
        json.put("description", release.description());
        json.put("version", release.version());
        json.put("status", stored.status());
        json.putNull("templateSlug");
        // The node graph is the workflow's business; a client reads the form, not the nodes.
        json.putArray("nodes");
        if (release.formFields() == null) {
            json.putNull("formFields");
        } else {
            ArrayNode fields = json.putArray("formFields");
            release.formFields().forEach(field -> fields.add(formField(field)));
        }
        json.putArray("testRecords");
        json.put("deployedAt", RunJson.timestamp(stored.deployedAt()));
        json.put("createdAt", RunJson.timestamp(stored.createdAt()));
        json.put("updatedAt", RunJson.timestamp(stored.updatedAt()));
        json.putNull("deletedAt");
        return json;
    }

    static ObjectNode formField(FormField field) {
        ObjectNode json = JsonCodec.object();
        json.put("name", field.name());
        if (field.description() != null) {
            json.put("description", field.description());
        }
        if (field.placeholder() != null) {
            json.put("placeholder", field.placeholder());
        }
        if (field.isRequired() != null) {
            json.put("isRequired", field.isRequired());
        }
        json.put("slug", field.slug());
        json.put("kind", field.kind());
        if (field.enumValues() != null) {
            ArrayNode values = json.putArray("enum");
            field.enumValues().forEach(values::add);
        }
        if (field.fields() != null) {
            ArrayNode items = json.putArray("fields");
            field.fields().forEach(item -> items.add(formField(item)));
        }
        return json;
    }
}
