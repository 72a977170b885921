/** The transactional event outbox: publish in the business transaction, consume after commit. */
@Version("1.1.0")
package io.tessera.platform.api.events;

import org.osgi.annotation.versioning.Version;
