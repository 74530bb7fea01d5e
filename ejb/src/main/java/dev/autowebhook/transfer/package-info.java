/**
 * Configuration transfer: subscribers, payload templates and webhook configs exported as one
 * document that names them instead of using database ids (secrets left out), and imported again,
 * here or into another installation, all or nothing.
 */
package dev.autowebhook.transfer;
