/** Long work as jobs with progress and a result file. */
@Version("1.1.0")
package io.tessera.platform.api.jobs;

import org.osgi.annotation.versioning.Version;
