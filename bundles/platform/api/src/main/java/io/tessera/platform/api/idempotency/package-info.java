/** Idempotency keys: a retry returns the first answer. */
@Version("1.0.0")
package io.tessera.platform.api.idempotency;

import org.osgi.annotation.versioning.Version;
