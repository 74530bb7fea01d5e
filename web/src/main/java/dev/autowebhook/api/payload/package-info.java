/**
 * Admin API of payload templates: CRUD at {@code /api/v1/admin/templates} and a preview that
 * renders a template, saved or not, against a real record.
 */
package dev.autowebhook.api.payload;
