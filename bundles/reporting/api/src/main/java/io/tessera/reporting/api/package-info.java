/** Reports and reconciliation over the reporting read model: what the back office shows and HQ finance checks. */
@Version("1.0.0")
package io.tessera.reporting.api;

import org.osgi.annotation.versioning.Version;
