package dev.autowebhook.api.payload;

/**
 * What to preview: a saved template ({@code template_id}) or an unsaved {@code body}, rendered
 * for record {@code record_id} of {@code model} (default: the template's model) as an
 * {@code event} (default update) sent to the subscriber named {@code subscriber}.
 */
public record PreviewIn(
    Long templateId, String body, String model, Long recordId, String event,
    String subscriber) {}
