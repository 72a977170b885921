/** Stored value: accounts, journal, ledgers, packages, the use cases and the participant API checkout joins. */
@Version("1.2.0")
package io.tessera.wallets.api;

import org.osgi.annotation.versioning.Version;
