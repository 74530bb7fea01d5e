/**
 * Payload templates: Handlebars text that reshapes the webhook body of a model's events, checked
 * on save (syntax, and that a sample renders to JSON), previewable against a real record, and
 * rendered in a sandbox that only sees the event's JSON values.
 */
package dev.autowebhook.payload;
