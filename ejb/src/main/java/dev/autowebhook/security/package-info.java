/** Security: application users with hashed passwords, exposed to Jakarta Security as an identity store. */
package dev.autowebhook.security;
