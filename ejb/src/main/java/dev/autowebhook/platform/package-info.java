/**
 * Cross-cutting pieces only: the data source and schema migration, and the business exception
 * hierarchy that the web module maps to problem responses.
 */
package dev.autowebhook.platform;
