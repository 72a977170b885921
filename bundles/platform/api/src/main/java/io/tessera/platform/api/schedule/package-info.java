/** Recurring work, run once per due time across nodes. */
@Version("1.0.0")
package io.tessera.platform.api.schedule;

import org.osgi.annotation.versioning.Version;
