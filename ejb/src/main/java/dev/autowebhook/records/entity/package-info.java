/**
 * The tracked business records of the demo domain (SPEC §3): the 13 Odoo-like models such as
 * sales orders, invoices and partners, each a JPA entity marked {@code @Tracked} with its model
 * key, plus the lines owned by orders and invoices. Totals are {@link
 * dev.autowebhook.records.entity.Computed} and recomputed by the record itself.
 */
package dev.autowebhook.records.entity;
