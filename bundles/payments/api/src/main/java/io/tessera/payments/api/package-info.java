/** Orders and checkout: pricing, tenders, refunds, the channels' SPI and the discount collaborators' SPI. */
@Version("1.1.0")
package io.tessera.payments.api;

import org.osgi.annotation.versioning.Version;
