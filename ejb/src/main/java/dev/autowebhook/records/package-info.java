/**
 * The tracked business records and their generic CRUD: one reflective mapper gives the JSON form
 * used by the REST API, by webhook payloads and by the field diff of updates.
 */
package dev.autowebhook.records;
