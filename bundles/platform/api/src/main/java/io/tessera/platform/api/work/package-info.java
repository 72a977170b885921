/** The unit of work: key, transaction and retry once per use case; work apart in a transaction of its own. */
@Version("1.0.0")
package io.tessera.platform.api.work;

import org.osgi.annotation.versioning.Version;
