/** First-start seeding: the first admin, the default subscriber and the default configs. */
package dev.autowebhook.setup;
