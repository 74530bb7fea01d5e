/** The built-in webhook receiver ("inbox") that the default subscriber points at out of the box. */
package dev.autowebhook.inbox;
