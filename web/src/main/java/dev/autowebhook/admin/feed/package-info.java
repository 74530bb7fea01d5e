/** Admin page of Smart Sync: every device's sync state, its statistics, reset and deactivation. */
package dev.autowebhook.admin.feed;
