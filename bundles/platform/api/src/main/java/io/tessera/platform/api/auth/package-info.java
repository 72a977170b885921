/** Operator tokens and integrator clients. */
@Version("1.1.0")
package io.tessera.platform.api.auth;

import org.osgi.annotation.versioning.Version;
