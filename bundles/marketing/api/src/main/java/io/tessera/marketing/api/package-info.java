/** Marketing: activities with a window, budget, per-member limit and stores; their rewards (coupons, points, recharge bonuses); referrals, sends, recharge promotions. */
@Version("1.1.0")
package io.tessera.marketing.api;

import org.osgi.annotation.versioning.Version;
