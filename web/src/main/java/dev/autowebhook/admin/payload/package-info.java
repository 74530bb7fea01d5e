/**
 * Admin pages of payload templates: the list, and the editor with a live preview that renders the
 * unsaved body against a real record through the same boundary as the REST preview.
 */
package dev.autowebhook.admin.payload;
