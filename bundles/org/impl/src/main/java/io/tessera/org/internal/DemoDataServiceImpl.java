package io.tessera.org.internal;

import io.tessera.platform.api.Phones;
import io.tessera.org.api.BusinessFormat;
import io.tessera.org.api.DemoDataService;
import io.tessera.org.api.OperatorRequest;
import io.tessera.org.api.OrgService;
import io.tessera.org.api.Store;
import io.tessera.org.api.StoreRequest;
import io.tessera.platform.api.Caller;
import io.tessera.platform.api.CallerContext;
import io.tessera.platform.api.Role;
import io.tessera.platform.api.TesseraException;
import java.util.EnumSet;
import java.util.Set;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The demo chain: three formats, four stores (103 蓝色港湾健康中心 among them) and one operator per
 * role. Loaded by {@code org:demo-load}, or at start when {@code etc/io.tessera.demo.cfg} says
 * {@code load = true}; never on a real install by default.
 */
@Component(service = DemoDataService.class, configurationPid = "io.tessera.demo")
@Designate(ocd = DemoDataServiceImpl.Config.class)
public class DemoDataServiceImpl implements DemoDataService {

    @ObjectClassDefinition(name = "Tessera demo data")
    public @interface Config {
        @AttributeDefinition(description = "Load the demo chain when the org feature starts (idempotent)")
        boolean load() default false;
    }

    private static final Logger LOG = LoggerFactory.getLogger(DemoDataServiceImpl.class);

    private final OrgService org;

    @Activate
    public DemoDataServiceImpl(@Reference OrgService org,
            Config config) {
        this.org = org;
        configure(config);
    }

    @Modified
    void configure(Config config) {
        if (config.load()) {
            LOG.info("Demo data: {}", load());
        }
    }

    @Override
    public synchronized String load() {
        return CallerContext.callAs(Caller.system("demo-data"), () -> {
            int created = 0;
            created += format("PHARMACY", "药房");
            created += format("HEALTH_CENTER", "健康中心");
            created += format("CLINIC", "诊所");
            long s101 = store("101", "国大药房朝阳门店", "PHARMACY");
            long s102 = store("102", "国大药房望京店", "PHARMACY");
            long s103 = store("103", "蓝色港湾健康中心", "HEALTH_CENTER");
            store("201", "国大诊所亚运村店", "CLINIC");
            created += operator("E10301", "王小明", "13800000001", EnumSet.of(Role.CLERK), Set.of(s103));
            created += operator("E10302", "李店长", "13800000002", EnumSet.of(Role.STORE_MANAGER), Set.of(s103));
            created += operator("E10101", "张收银", "13800000003", EnumSet.of(Role.CLERK), Set.of(s101));
            created += operator("E10201", "赵店长", "13800000006", EnumSet.of(Role.STORE_MANAGER), Set.of(s101, s102));
            created += operator("H00001", "周财务", "13800000004", EnumSet.of(Role.FINANCE), Set.of());
            created += operator("H00002", "陈管理员", "13800000005", EnumSet.of(Role.HQ_ADMIN), Set.of());
            // Said on the console and in the log: phones masked like everywhere else (the README lists them).
            return "demo chain ready (" + created + " formats/operators created; stores 101, 102, 103, 201); "
                    + "operators E10301, E10302, E10101, E10201, H00001, H00002 log in with phones "
                    + Phones.mask("13800000001") + " to " + Phones.mask("13800000006");
        });
    }

    private int format(String code, String name) {
        if (org.listFormats().stream().anyMatch(f -> f.code.equals(code))) {
            return 0;
        }
        BusinessFormat f = new BusinessFormat();
        f.code = code;
        f.name = name;
        org.createFormat(f);
        return 1;
    }

    private long store(String code, String name, String format) {
        return org.findStoreByCode(code).map(s -> s.id).orElseGet(() -> {
            StoreRequest r = new StoreRequest();
            r.code = code;
            r.name = name;
            r.formatCode = format;
            r.status = Store.Status.OPEN;
            return org.createStore(r).id;
        });
    }

    private int operator(String employeeNo, String name, String phone, Set<Role> roles, Set<Long> stores) {
        OperatorRequest r = new OperatorRequest();
        r.employeeNo = employeeNo;
        r.name = name;
        r.phone = phone;
        r.roles = roles;
        r.storeIds = stores;
        try {
            org.createOperator(r);
            return 1;
        } catch (TesseraException e) {
            if (e.getStatus() == 409) {
                return 0;
            }
            throw e;
        }
    }
}
