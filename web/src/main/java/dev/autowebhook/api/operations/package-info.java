/** REST API of the batch jobs: list, start (202 with the execution to poll), status, restart, stop. */
package dev.autowebhook.api.operations;
