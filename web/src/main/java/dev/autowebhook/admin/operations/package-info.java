/** The Jobs page: run the cleanup jobs now, start a replay, watch executions, restart or stop them. */
package dev.autowebhook.admin.operations;
