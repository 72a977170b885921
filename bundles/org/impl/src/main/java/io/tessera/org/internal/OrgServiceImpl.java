package io.tessera.org.internal;

import io.tessera.platform.api.PlatformErrors;
import io.tessera.org.api.OrgErrors;
import io.tessera.org.api.BusinessFormat;
import io.tessera.org.api.Operator;
import io.tessera.org.api.OperatorRequest;
import io.tessera.org.api.OrgService;
import io.tessera.org.api.Store;
import io.tessera.org.api.StoreRequest;
import io.tessera.org.internal.jpa.FormatEntity;
import io.tessera.org.internal.jpa.OperatorEntity;
import io.tessera.org.internal.jpa.StoreEntity;
import io.tessera.platform.api.Caller;
import io.tessera.platform.api.CallerContext;
import io.tessera.platform.api.Checks;
import io.tessera.platform.api.Phones;
import io.tessera.platform.api.Role;
import io.tessera.platform.api.ShortCache;
import io.tessera.platform.api.Page;
import io.tessera.platform.api.TesseraException;
import io.tessera.platform.api.audit.AuditService;
import io.tessera.platform.api.auth.OperatorDirectory;
import io.tessera.platform.api.auth.TokenService;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import javax.persistence.EntityManager;
import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Formats, stores and operators; also tells the platform who is behind an operator token. */
@Component(service = {OrgService.class, OperatorDirectory.class, OrgServiceImpl.class})
public class OrgServiceImpl implements OrgService, OperatorDirectory {

    private static final String CODE_PATTERN = "[A-Za-z0-9_-]{1,32}";

    private final JpaTemplate jpa;

    private final AuditService audit;

    private final TokenService tokens;

    /**
     * The stores tills act at, kept 2 seconds (every payment names its store; fixed, unlike the callers' setting): a
     * store changed on this node (status, format) holds at once, on the other nodes of a cluster within those seconds.
     */
    private final ShortCache<Long, Store> acting = new ShortCache<>(Duration.ofSeconds(2), 10_000);

    @Activate
    public OrgServiceImpl(@Reference(target = "(osgi.unit.name=tessera-org)") JpaTemplate jpa,
            @Reference AuditService audit,
            @Reference TokenService tokens) {
        this.jpa = jpa;
        this.audit = audit;
        this.tokens = tokens;
    }

    // ---- formats

    @Override
    public BusinessFormat createFormat(BusinessFormat format) {
        CallerContext.current().requireAnyRole(Role.HQ_ADMIN);
        Checks.required("body", format);
        String code = Checks.text("code", format.code, 32).toUpperCase();
        if (!code.matches(CODE_PATTERN)) {
            throw OrgErrors.FORMAT_CODE_INVALID.at("code", "letters, digits, '_' or '-', at most 32");
        }
        String name = Checks.text("name", format.name, 100);
        return jpa.txExpr(TransactionType.Required, em -> {
            if (em.find(FormatEntity.class, code) != null) {
                throw OrgErrors.FORMAT_EXISTS.at("code", "format " + code + " exists");
            }
            FormatEntity e = new FormatEntity();
            e.code = code;
            e.name = name;
            em.persist(e);
            BusinessFormat dto = toDto(e);
            audit.record("format.create", "format", code, null, null, dto);
            return dto;
        });
    }

    @Override
    public List<BusinessFormat> listFormats() {
        CallerContext.current();
        return jpa.txExpr(TransactionType.Supports, em -> em
                .createQuery("SELECT f FROM FormatEntity f ORDER BY f.code", FormatEntity.class).getResultList()
                .stream().map(OrgServiceImpl::toDto).collect(Collectors.toList()));
    }

    // ---- stores

    @Override
    public Store createStore(StoreRequest r) {
        CallerContext.current().requireAnyRole(Role.HQ_ADMIN);
        Checks.required("body", r);
        String code = Checks.text("code", r.code, 32);
        if (!code.matches(CODE_PATTERN)) {
            throw OrgErrors.STORE_CODE_INVALID.at("code", "letters, digits, '_' or '-', at most 32");
        }
        String name = Checks.text("name", r.name, 100);
        String format = Checks.text("formatCode", r.formatCode, 32).toUpperCase();
        return jpa.txExpr(TransactionType.Required, em -> {
            requireFormat(em, format);
            if (storeByCode(em, code).isPresent()) {
                throw OrgErrors.STORE_EXISTS.at("code", "store " + code + " exists");
            }
            StoreEntity e = new StoreEntity();
            e.code = code;
            e.name = name;
            e.formatCode = format;
            e.status = (r.status == null ? Store.Status.OPEN : r.status).name();
            em.persist(e);
            em.flush();
            Store dto = toDto(e);
            audit.record("store.create", "store", String.valueOf(e.id), e.id, null, dto);
            return dto;
        });
    }

    @Override
    public Store updateStore(long id, StoreRequest r) {
        CallerContext.current().requireAnyRole(Role.HQ_ADMIN);
        Checks.required("body", r);
        Store updated = jpa.txExpr(TransactionType.Required, em -> {
            StoreEntity e = em.find(StoreEntity.class, id);
            if (e == null) {
                throw storeNotFound(id);
            }
            Store before = toDto(e);
            if (r.code != null && !r.code.trim().equals(e.code)) {
                throw OrgErrors.STORE_CODE_IMMUTABLE.at("code", "a store keeps its code");
            }
            if (r.name != null) {
                e.name = Checks.text("name", r.name, 100);
            }
            if (r.formatCode != null) {
                e.formatCode = requireFormat(em, r.formatCode.trim().toUpperCase()).code;
            }
            if (r.status != null) {
                e.status = r.status.name();
            }
            Store after = toDto(e);
            audit.record("store.update", "store", String.valueOf(id), id, before, after);
            return after;
        });
        acting.forgetAll();
        return updated;
    }

    @Override
    public Store getStore(long id) {
        Caller caller = CallerContext.current();
        if (!caller.canAccessStore(id)) {
            throw storeNotFound(id);
        }
        return findStore(id).orElseThrow(() -> storeNotFound(id));
    }

    @Override
    public List<Store> listStores(String formatCode) {
        Caller caller = CallerContext.current();
        return jpa.txExpr(TransactionType.Supports, em -> em
                .createQuery("SELECT s FROM StoreEntity s ORDER BY s.code", StoreEntity.class).getResultList().stream()
                .filter(s -> formatCode == null || formatCode.isBlank() || s.formatCode.equalsIgnoreCase(formatCode.trim()))
                .filter(s -> caller.canAccessStore(s.id))
                .map(OrgServiceImpl::toDto).collect(Collectors.toList()));
    }

    @Override
    public Store actingStore(Long storeId) {
        long id = Checks.required("storeId", storeId);
        CallerContext.current().requireStore(id);
        Store store = acting.get(id, this::findStore).map(OrgServiceImpl::copy)
                .orElseThrow(() -> OrgErrors.STORE_NOT_FOUND.at("storeId", "no store " + id));
        if (store.status != Store.Status.OPEN) {
            throw OrgErrors.STORE_CLOSED.at("storeId", "store " + store.code + " is closed");
        }
        return store;
    }

    @Override
    public Optional<Store> findStore(long id) {
        return jpa.txExpr(TransactionType.Supports, em -> Optional.ofNullable(em.find(StoreEntity.class, id)).map(OrgServiceImpl::toDto));
    }

    @Override
    public Optional<Store> findStoreByCode(String code) {
        return jpa.txExpr(TransactionType.Supports, em -> storeByCode(em, code).map(OrgServiceImpl::toDto));
    }

    // ---- operators

    @Override
    public Operator createOperator(OperatorRequest r) {
        CallerContext.current().requireAnyRole(Role.HQ_ADMIN);
        Checks.required("body", r);
        String employeeNo = Checks.text("employeeNo", r.employeeNo, 32);
        String name = Checks.text("name", r.name, 50);
        String phone = Phones.require("phone", r.phone);
        Set<Role> roles = requireRoles(r.roles);
        return jpa.txExpr(TransactionType.Required, em -> {
            Set<Long> stores = requireStores(em, roles, r.storeIds);
            if (!em.createQuery("SELECT o.id FROM OperatorEntity o WHERE o.employeeNo = :e", Long.class)
                    .setParameter("e", employeeNo).getResultList().isEmpty()) {
                throw OrgErrors.OPERATOR_EMPLOYEE_NO_EXISTS.at("employeeNo", "employee no " + employeeNo + " is taken");
            }
            if (operatorByPhone(em, phone).isPresent()) {
                throw OrgErrors.OPERATOR_PHONE_EXISTS.at("phone", "another operator has this phone");
            }
            OperatorEntity e = new OperatorEntity();
            e.employeeNo = employeeNo;
            e.name = name;
            e.phone = phone;
            e.enabled = r.enabled == null || r.enabled;
            e.roles = roles.stream().map(Role::name).collect(Collectors.toSet());
            e.storeIds = stores;
            em.persist(e);
            em.flush();
            Operator dto = toDto(e);
            audit.record("operator.create", "operator", String.valueOf(e.id), null, null, masked(dto));
            return dto;
        });
    }

    @Override
    public Operator updateOperator(long id, OperatorRequest r) {
        CallerContext.current().requireAnyRole(Role.HQ_ADMIN);
        Checks.required("body", r);
        Operator result = jpa.txExpr(TransactionType.Required, em -> {
            OperatorEntity e = em.find(OperatorEntity.class, id);
            if (e == null) {
                throw operatorNotFound(id);
            }
            Operator before = toDto(e);
            if (r.employeeNo != null && !r.employeeNo.trim().equals(e.employeeNo)) {
                throw OrgErrors.EMPLOYEE_NO_IMMUTABLE.at("employeeNo", "an operator keeps the employee no");
            }
            if (r.name != null) {
                e.name = Checks.text("name", r.name, 50);
            }
            if (r.phone != null) {
                String phone = Phones.require("phone", r.phone);
                Optional<OperatorEntity> other = operatorByPhone(em, phone);
                if (other.isPresent() && other.get().id != id) {
                    throw OrgErrors.OPERATOR_PHONE_EXISTS.at("phone", "another operator has this phone");
                }
                e.phone = phone;
            }
            Set<Role> roles = r.roles != null ? requireRoles(r.roles) : toRoles(e.roles);
            if (r.roles != null) {
                e.roles = roles.stream().map(Role::name).collect(Collectors.toSet());
            }
            if (r.storeIds != null || r.roles != null) {
                e.storeIds = requireStores(em, roles, r.storeIds != null ? r.storeIds : e.storeIds);
            }
            if (r.enabled != null) {
                e.enabled = r.enabled;
            }
            Operator after = toDto(e);
            audit.record("operator.update", "operator", String.valueOf(id), null, masked(before), masked(after));
            return after;
        });
        if (!result.enabled) {
            tokens.revokeAll(id);
        } else {
            tokens.callerChanged(id);
        }
        return result;
    }

    @Override
    public Operator getOperator(long id) {
        Caller caller = CallerContext.current();
        Operator o = jpa.txExpr(TransactionType.Supports, em -> Optional.ofNullable(em.find(OperatorEntity.class, id))
                .map(OrgServiceImpl::toDto).orElseThrow(() -> operatorNotFound(id)));
        if (!visible(caller, o)) {
            throw operatorNotFound(id);
        }
        return o;
    }

    @Override
    public Page<Operator> listOperators(Long storeId, int page, int size) {
        Caller caller = CallerContext.current();
        caller.requireAnyRole(Role.HQ_ADMIN, Role.FINANCE, Role.STORE_MANAGER);
        if (storeId != null) {
            caller.requireStore(storeId);
        }
        int offset = Page.offset(page, size);
        // A chain has hundreds of operators, not millions: who may see whom is decided on the rows.
        List<Operator> all = jpa.txExpr(TransactionType.Supports, em -> em
                .createQuery("SELECT o FROM OperatorEntity o ORDER BY o.employeeNo", OperatorEntity.class).getResultList()
                .stream().map(OrgServiceImpl::toDto)
                .filter(o -> storeId == null || o.storeIds.contains(storeId))
                .filter(o -> visible(caller, o))
                .collect(Collectors.toList()));
        return new Page<>(all.subList(Math.min(offset, all.size()), Math.min(offset + size, all.size())), page, size, all.size());
    }

    // ---- OperatorDirectory

    @Override
    public Optional<Caller> callerFor(long operatorId) {
        return jpa.txExpr(TransactionType.Supports, em -> Optional.ofNullable(em.find(OperatorEntity.class, operatorId))
                .filter(e -> e.enabled)
                .map(e -> new Caller(Caller.Kind.OPERATOR, e.id, e.name, e.employeeNo, toRoles(e.roles), e.storeIds)));
    }

    /** For login: the enabled operator with this phone. */
    Optional<Operator> enabledOperatorByPhone(String phone) {
        return jpa.txExpr(TransactionType.Supports, em -> operatorByPhone(em, phone).filter(e -> e.enabled).map(OrgServiceImpl::toDto));
    }

    // ---- helpers

    private static boolean visible(Caller caller, Operator o) {
        return caller.seesAllStores() || caller.getId() == o.id && caller.getKind() == Caller.Kind.OPERATOR
                || o.storeIds.stream().anyMatch(caller::canAccessStore) && !o.roles.stream().anyMatch(Role::isHeadquarters);
    }

    private static Set<Role> requireRoles(Set<Role> roles) {
        if (roles == null || roles.isEmpty()) {
            throw TesseraException.required("roles");
        }
        return EnumSet.copyOf(roles);
    }

    private static Set<Long> requireStores(EntityManager em, Set<Role> roles, Set<Long> storeIds) {
        boolean hq = roles.stream().anyMatch(Role::isHeadquarters);
        Set<Long> stores = storeIds == null ? new TreeSet<>() : new TreeSet<>(storeIds);
        if (!hq && stores.isEmpty()) {
            throw PlatformErrors.STORES_REQUIRED.at("storeIds", "a store-level operator works for at least one store");
        }
        for (Long s : stores) {
            if (s == null || em.find(StoreEntity.class, s) == null) {
                throw OrgErrors.STORE_NOT_FOUND.at("storeIds", "no store " + s);
            }
        }
        return stores;
    }

    private static FormatEntity requireFormat(EntityManager em, String code) {
        FormatEntity f = em.find(FormatEntity.class, code);
        if (f == null) {
            throw OrgErrors.FORMAT_NOT_FOUND.at("formatCode", "no store format " + code);
        }
        return f;
    }

    private static Optional<StoreEntity> storeByCode(EntityManager em, String code) {
        return em.createQuery("SELECT s FROM StoreEntity s WHERE s.code = :c", StoreEntity.class)
                .setParameter("c", code == null ? "" : code.trim()).getResultList().stream().findFirst();
    }

    private static Optional<OperatorEntity> operatorByPhone(EntityManager em, String phone) {
        return em.createQuery("SELECT o FROM OperatorEntity o WHERE o.phone = :p", OperatorEntity.class)
                .setParameter("p", phone).getResultList().stream().findFirst();
    }

    private static Set<Role> toRoles(Set<String> names) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        names.forEach(n -> roles.add(Role.valueOf(n)));
        return roles;
    }

    private static TesseraException storeNotFound(long id) {
        return OrgErrors.STORE_NOT_FOUND.error("no store " + id);
    }

    private static TesseraException operatorNotFound(long id) {
        return OrgErrors.OPERATOR_NOT_FOUND.error("no operator " + id);
    }

    static BusinessFormat toDto(FormatEntity e) {
        BusinessFormat f = new BusinessFormat();
        f.code = e.code;
        f.name = e.name;
        return f;
    }

    private static Store copy(Store s) {
        Store c = new Store();
        c.id = s.id;
        c.code = s.code;
        c.name = s.name;
        c.formatCode = s.formatCode;
        c.status = s.status;
        return c;
    }

    static Store toDto(StoreEntity e) {
        Store s = new Store();
        s.id = e.id;
        s.code = e.code;
        s.name = e.name;
        s.formatCode = e.formatCode;
        s.status = Store.Status.valueOf(e.status);
        return s;
    }

    static Operator toDto(OperatorEntity e) {
        Operator o = new Operator();
        o.id = e.id;
        o.employeeNo = e.employeeNo;
        o.name = e.name;
        o.phone = e.phone;
        o.roles = toRoles(e.roles);
        o.storeIds = new TreeSet<>(e.storeIds);
        o.enabled = e.enabled;
        return o;
    }

    /** The audit trail keeps phones masked. */
    private static Operator masked(Operator o) {
        Operator m = new Operator();
        m.id = o.id;
        m.employeeNo = o.employeeNo;
        m.name = o.name;
        m.phone = Phones.mask(o.phone);
        m.roles = o.roles;
        m.storeIds = o.storeIds;
        m.enabled = o.enabled;
        return m;
    }
}
