/** What every domain builds on: money, callers, errors and their catalogues, paging, database errors. */
@Version("1.1.0")
package io.tessera.platform.api;

import org.osgi.annotation.versioning.Version;
