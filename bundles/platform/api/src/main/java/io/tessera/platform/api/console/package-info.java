/** The base of every Karaf console command. */
@Version("1.0.0")
package io.tessera.platform.api.console;

import org.osgi.annotation.versioning.Version;
