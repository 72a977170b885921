/** The audit trail: who changed what, in the caller's transaction. */
@Version("1.1.0")
package io.tessera.platform.api.audit;

import org.osgi.annotation.versioning.Version;
