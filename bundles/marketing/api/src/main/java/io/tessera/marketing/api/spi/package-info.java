/** Member card channels (WeChat / Alipay card packages, a signed webhook): what marketing pushes a member's card to. */
@Version("1.0.0")
package io.tessera.marketing.api.spi;

import org.osgi.annotation.versioning.Version;
