/**
 * The admin web UI (Jakarta Faces + PrimeFaces): one {@code <Page>Backing} per page under
 * {@code webapp/admin/}, each calling the same boundary services as the REST API, so every action
 * is validated and audited once. {@link dev.autowebhook.admin.AdminActions} refuses edits to
 * viewers and turns business errors into messages next to the fields.
 */
package dev.autowebhook.admin;
