/** The transactional event outbox: publish in the business transaction, consume after commit. */
package io.tessera.platform.api.events;
