/** Admin page of the built-in webhook receiver: the requests it got, their signature check. */
package dev.autowebhook.admin.inbox;
