package io.tessera.itests;

import org.junit.runner.RunWith;
import org.junit.runners.Suite;
import org.junit.runners.Suite.SuiteClasses;

/**
 * The classes whose subject is a contract rather than the storage — the served OpenAPI document, strict input, the
 * README's console commands — in one Tessera (reactor strategy {@code PerSuite}, as {@link DomainsSuiteIT}). On Derby
 * only (the PostgreSQL profile leaves this suite out). The OpenAPI self-test comes last: it calls every operation,
 * logging out among them, and the demo operators' tokens are shared by the classes of a suite (a new code for the
 * same phone within a minute is refused).
 */
@RunWith(Suite.class)
@SuiteClasses({StrictInputIT.class, ConsoleDocsIT.class, OpenApiSelfTestIT.class})
public class ContractsSuiteIT {
}
