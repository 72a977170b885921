/**
 * What checkout asks of the domains that take money off an order (coupons, points): they register a
 * {@link io.tessera.payments.api.spi.DiscountCollaborator} service and checkout picks it up when their
 * feature is installed, works without it when not.
 */
@Version("1.3.0")
package io.tessera.payments.api.spi;

import org.osgi.annotation.versioning.Version;
