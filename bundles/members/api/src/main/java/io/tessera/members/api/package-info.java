/** Members: registration, lookup, levels and experience, returned cards, wallet activity. */
@Version("1.3.0")
package io.tessera.members.api;

import org.osgi.annotation.versioning.Version;
