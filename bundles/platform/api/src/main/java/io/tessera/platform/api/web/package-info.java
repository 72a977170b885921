/** What the REST and SOAP faces share: endpoint properties, query parameters, request rules. */
@Version("1.0.0")
package io.tessera.platform.api.web;

import org.osgi.annotation.versioning.Version;
