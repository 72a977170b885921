/** Marketing: activities with a window, budget, per-member limit and stores; their rewards (coupons, points); referrals. */
@Version("1.0.0")
package io.tessera.marketing.api;

import org.osgi.annotation.versioning.Version;
