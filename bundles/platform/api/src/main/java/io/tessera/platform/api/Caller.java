package io.tessera.platform.api;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;
import java.util.TreeSet;

/**
 * Who is calling: an operator (store staff or headquarters), an integrator client, or the
 * platform itself (console commands, internal jobs). Every data-scope decision asks this object.
 */
public final class Caller {

    public enum Kind { OPERATOR, INTEGRATOR, SYSTEM }

    private final Kind kind;
    private final long id;
    private final String name;
    private final String employeeNo;
    private final Set<Role> roles;
    private final Set<Long> storeIds;

    public Caller(Kind kind, long id, String name, String employeeNo, Set<Role> roles, Set<Long> storeIds) {
        this.kind = kind;
        this.id = id;
        this.name = name;
        this.employeeNo = employeeNo;
        this.roles = roles.isEmpty() ? Collections.emptySet() : Collections.unmodifiableSet(EnumSet.copyOf(roles));
        this.storeIds = Collections.unmodifiableSet(new TreeSet<>(storeIds));
    }

    /** The platform acting for an admin at the Karaf console: sees every store. */
    public static Caller system(String name) {
        return new Caller(Kind.SYSTEM, 0L, name, null, EnumSet.of(Role.HQ_ADMIN), Set.of());
    }

    public Kind getKind() {
        return kind;
    }

    public long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public String getEmployeeNo() {
        return employeeNo;
    }

    public Set<Role> getRoles() {
        return roles;
    }

    /** The stores this caller works for; meaningless when {@link #seesAllStores()}. */
    public Set<Long> getStoreIds() {
        return storeIds;
    }

    public boolean hasRole(Role role) {
        return roles.contains(role);
    }

    public boolean seesAllStores() {
        return roles.stream().anyMatch(Role::isHeadquarters);
    }

    public boolean canAccessStore(long storeId) {
        return seesAllStores() || storeIds.contains(storeId);
    }

    /** Throws 403 unless this caller may act on the store's data. */
    public void requireStore(long storeId) {
        if (!canAccessStore(storeId)) {
            throw TesseraException.forbidden("no access to store " + storeId);
        }
    }

    /** Throws 403 unless this caller holds at least one of the roles. */
    public void requireAnyRole(Role... anyOf) {
        for (Role r : anyOf) {
            if (roles.contains(r)) {
                return;
            }
        }
        throw TesseraException.forbidden("this operation needs one of the roles " + java.util.Arrays.toString(anyOf));
    }

    /**
     * Who this caller is, uniquely: kind, id and name (integrator clients have no numeric id, their
     * name is their client id). Used wherever something belongs to a caller (idempotency keys, jobs).
     */
    public String identity() {
        return kind + ":" + id + ":" + name;
    }

    /** A short label for audit rows and logs: never a phone number or secret. */
    public String label() {
        return kind.name().toLowerCase() + ":" + (employeeNo != null ? employeeNo : name);
    }

    @Override
    public String toString() {
        return label();
    }
}
