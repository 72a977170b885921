package io.tessera.marketing.api.spi;

/**
 * A member card channel (会员卡包): where a member's card — its name, the member's level, stored-value balance and
 * points — is shown outside Tessera (WeChat card package, Alipay card package, or any receiver of the signed
 * webhook). Registered as a DS service with the property {@link #NAME} (e.g. "webhook"); a card names its channel.
 * Marketing pushes a card after each change through the outbox (consumer "marketing.card-push"): a push that throws
 * is retried by the outbox (1 s, 2 s, 4 s ... until it ends FAILED and is sent again by hand), so a push may arrive
 * more than once and late pushes may follow newer ones: receivers keep the highest {@code version}.
 */
public interface CardChannel {

    /** The service property naming the channel. */
    String NAME = "tessera.card.channel";

    /** Shows the card as it is now; throws when the channel did not take it (it is pushed again). */
    void push(CardPush push);
}
