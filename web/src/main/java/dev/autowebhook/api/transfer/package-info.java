/**
 * REST adapter of configuration transfer: the export document (subscribers, templates and configs
 * by name, without secrets) and its import at {@code /api/v1/admin/config-export|config-import}.
 */
package dev.autowebhook.api.transfer;
