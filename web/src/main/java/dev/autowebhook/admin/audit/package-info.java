/** Admin page of the audit log: who changed what and when, searched and paged in the database. */
package dev.autowebhook.admin.audit;
