/** The Users and API tokens page (admins only): accounts with their role, sync-client tokens. */
package dev.autowebhook.admin.security;
