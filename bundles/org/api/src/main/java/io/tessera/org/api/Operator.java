package io.tessera.org.api;

import io.tessera.platform.api.Role;
import java.util.Set;

/** Store staff or a headquarters user. Logs in with the registered phone and an SMS code. */
public class Operator {
    public Long id;
    public String employeeNo;
    public String name;
    public String phone;
    public Set<Role> roles;
    public Set<Long> storeIds;
    public boolean enabled;
}
