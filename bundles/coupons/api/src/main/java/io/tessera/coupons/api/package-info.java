/** Coupons: templates, issuing (claim, send, gift, points exchange), records and statistics; the use cases and the participant API. */
@Version("1.3.0")
package io.tessera.coupons.api;

import org.osgi.annotation.versioning.Version;
