/** The chain's organisation: store formats, stores, operators and their roles, the store a caller may act in. */
@Version("1.0.0")
package io.tessera.org.api;

import org.osgi.annotation.versioning.Version;
