package io.tessera.wallets.api;

import java.util.List;

/** Recharge packages, managed by headquarters. */
public interface RechargePackageService {

    List<RechargePackage> list();

    RechargePackage create(RechargePackage p);

    RechargePackage update(long id, RechargePackage p);
}
