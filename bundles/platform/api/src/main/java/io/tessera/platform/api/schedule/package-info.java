/** Recurring work, run once per due time across nodes. */
package io.tessera.platform.api.schedule;
