/** Points: accounts made of lots, earning rules, expiry, take-back on refunds, the journal and its statistics; the use cases. */
@Version("1.2.0")
package io.tessera.points.api;

import org.osgi.annotation.versioning.Version;
