package dev.autowebhook.api.security;

/**
 * A token to issue: the user it acts for, a label, and optionally when it stops working (an
 * ISO-8601 date-time with offset, parsed by the resource so that a bad one is named in the 400).
 */
public record TokenIn(String username, String name, String expiresAt) {}
