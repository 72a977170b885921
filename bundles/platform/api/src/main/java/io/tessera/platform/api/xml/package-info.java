/** JAXB adapters of the SOAP faces (money, dates). */
@Version("1.0.0")
package io.tessera.platform.api.xml;

import org.osgi.annotation.versioning.Version;
