/** Legacy stored-value cards: imports of the old CRM's cards, card queries, migration into members' wallets, the void list. */
@Version("1.0.0")
package io.tessera.cards.api;

import org.osgi.annotation.versioning.Version;
