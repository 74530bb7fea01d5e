/** REST adapters of the pull feed and Smart Sync (sync clients authenticate with API tokens). */
package dev.autowebhook.api.feed;
