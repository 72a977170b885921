package io.tessera.wallets.internal;

import io.tessera.wallets.api.WalletErrors;
import io.tessera.platform.api.PlatformErrors;
import io.tessera.platform.api.CallerContext;
import io.tessera.platform.api.Checks;
import io.tessera.platform.api.Money;
import io.tessera.platform.api.Role;
import io.tessera.platform.api.audit.AuditService;
import io.tessera.wallets.api.RechargePackage;
import io.tessera.wallets.api.RechargePackageService;
import io.tessera.wallets.internal.jpa.PackageEntity;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

@Component(service = RechargePackageService.class)
public class RechargePackageServiceImpl implements RechargePackageService {

    private final JpaTemplate jpa;

    private final AuditService audit;

    @Activate
    public RechargePackageServiceImpl(@Reference(target = "(osgi.unit.name=tessera-wallets)") JpaTemplate jpa,
            @Reference AuditService audit) {
        this.jpa = jpa;
        this.audit = audit;
    }

    @Override
    public List<RechargePackage> list() {
        CallerContext.current();
        return jpa.txExpr(TransactionType.Supports, em -> em
                .createQuery("SELECT p FROM PackageEntity p ORDER BY p.payAmount, p.id", PackageEntity.class).getResultList()
                .stream().map(RechargePackageServiceImpl::dto).collect(Collectors.toList()));
    }

    @Override
    public RechargePackage create(RechargePackage p) {
        CallerContext.current().requireAnyRole(Role.HQ_ADMIN);
        Checks.required("body", p);
        PackageEntity e = new PackageEntity();
        apply(e, p, true);
        return jpa.txExpr(TransactionType.Required, em -> {
            em.persist(e);
            em.flush();
            RechargePackage dto = dto(e);
            audit.record("package.create", "recharge-package", String.valueOf(e.id), null, null, dto);
            return dto;
        });
    }

    @Override
    public RechargePackage update(long id, RechargePackage p) {
        CallerContext.current().requireAnyRole(Role.HQ_ADMIN);
        Checks.required("body", p);
        return jpa.txExpr(TransactionType.Required, em -> {
            PackageEntity e = em.find(PackageEntity.class, id);
            if (e == null) {
                throw WalletErrors.PACKAGE_NOT_FOUND.error("no recharge package " + id);
            }
            RechargePackage before = dto(e);
            apply(e, p, false);
            RechargePackage after = dto(e);
            audit.record("package.update", "recharge-package", String.valueOf(id), null, before, after);
            return after;
        });
    }

    private static void apply(PackageEntity e, RechargePackage p, boolean creating) {
        if (creating || p.name != null) {
            e.name = Checks.text("name", p.name, 50);
        }
        if (creating || p.payAmount != null) {
            if (Checks.required("payAmount", p.payAmount).compareTo(Money.ZERO) <= 0) {
                throw PlatformErrors.AMOUNT_INVALID.at("payAmount", "payAmount must be more than 0");
            }
            e.payAmount = p.payAmount.toBigDecimal();
        }
        if (creating || p.bonusAmount != null) {
            if (Checks.required("bonusAmount", p.bonusAmount).isNegative()) {
                throw PlatformErrors.AMOUNT_INVALID.at("bonusAmount", "bonusAmount must not be negative");
            }
            e.bonusAmount = p.bonusAmount.toBigDecimal();
        }
        if (creating || p.validFrom != null) {
            e.validFrom = Checks.required("validFrom", p.validFrom);
        }
        if (creating || p.validTo != null) {
            e.validTo = Checks.required("validTo", p.validTo);
        }
        if (e.validTo.isBefore(e.validFrom)) {
            throw PlatformErrors.DATE_RANGE_INVALID.at("validTo", "validTo must not be before validFrom");
        }
        if (creating || p.enabled != null) {
            e.enabled = p.enabled == null || p.enabled;
        }
    }

    private static RechargePackage dto(PackageEntity e) {
        RechargePackage p = new RechargePackage();
        p.id = e.id;
        p.name = e.name;
        p.payAmount = Money.of(e.payAmount);
        p.bonusAmount = Money.of(e.bonusAmount);
        p.validFrom = e.validFrom;
        p.validTo = e.validTo;
        p.enabled = e.enabled;
        return p;
    }
}
