/**
 * The SOAP fault every Tessera operation declares: its detail, {@code <error xmlns="urn:tessera:error">}
 * with the stable code, the message, the field at fault and the HTTP-like status.
 */
@XmlSchema(namespace = "urn:tessera:error", elementFormDefault = XmlNsForm.QUALIFIED)
@Version("1.0.0")
package io.tessera.platform.api.soap;

import javax.xml.bind.annotation.XmlNsForm;
import javax.xml.bind.annotation.XmlSchema;
import org.osgi.annotation.versioning.Version;
