package io.tessera.itests;

import org.junit.runner.RunWith;
import org.junit.runners.Suite;
import org.junit.runners.Suite.SuiteClasses;

/**
 * The domain classes that need nothing but the common configuration, run one after the other in one Tessera (their
 * reactor strategy is {@code PerSuite}): each would otherwise pay about 22 s to boot the distribution and load the
 * demo chain. Each class makes its own members (the demo operators' tokens are shared); what one leaves behind that
 * changes another's figures sets the order: WalletRulesIT and OrdersIT each add a level from 0 points with 10 % off
 * (every member made after it pays less), so they come last; WalletRulesIT also changes the wallets' configuration
 * (and sets it back) and restarts their bundle. Run on Derby and on PostgreSQL. A class alone runs as before:
 * {@code -Dit.test=WalletsIT}.
 */
@RunWith(Suite.class)
@SuiteClasses({FoundationIT.class, CardsIT.class, CouponsIT.class, MarketingIT.class, WalletsIT.class, WalletRulesIT.class,
    OrdersIT.class})
public class DomainsSuiteIT {
}
