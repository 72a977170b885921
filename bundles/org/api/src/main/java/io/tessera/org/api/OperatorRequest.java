package io.tessera.org.api;

import io.tessera.platform.api.Role;
import java.util.Set;

/** Creates or changes an operator. On change, null fields stay as they are. */
public class OperatorRequest {
    public String employeeNo;
    public String name;
    public String phone;
    public Set<Role> roles;
    public Set<Long> storeIds;
    public Boolean enabled;
}
