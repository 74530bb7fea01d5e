/**
 * Security: application users with hashed passwords, exposed to Jakarta Security as an identity
 * store, and the API tokens (hashed) that sync clients authenticate with.
 */
package dev.autowebhook.security;
