/**
 * Who receives what: subscribers (endpoints with credentials and signing secrets, encrypted at
 * rest) and the per-model webhook configs that route captured changes to them.
 */
package dev.autowebhook.subscription;
