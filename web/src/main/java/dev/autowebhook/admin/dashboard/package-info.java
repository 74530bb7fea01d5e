/** The dashboard page: delivery counts, throughput and latency charts, subscriber health. */
package dev.autowebhook.admin.dashboard;
