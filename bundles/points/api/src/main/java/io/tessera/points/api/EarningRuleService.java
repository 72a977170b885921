package io.tessera.points.api;

import io.tessera.platform.api.Page;
import io.tessera.platform.api.audit.AuditEntry;
import java.util.List;

/** Earning rules (headquarters): every change audited; an earning records the rule and version it used. */
public interface EarningRuleService {

    EarningRule create(Requests.RuleRequest request);

    EarningRule update(long id, Requests.RuleRequest request);

    EarningRule get(long id);

    Page<EarningRule> list(RuleKind kind, RuleStatus status, int page, int size);

    EarningRule activate(long id);

    EarningRule stop(long id);

    List<AuditEntry> audit(long id);

    /** What an order paid so would earn now, with the outcome and explanation; nothing is written. */
    Earning simulate(Requests.Simulation request);
}
