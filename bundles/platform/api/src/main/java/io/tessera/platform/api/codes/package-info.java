/** SMS verification codes and the outbox of messages to phones. */
@Version("1.0.0")
package io.tessera.platform.api.codes;

import org.osgi.annotation.versioning.Version;
