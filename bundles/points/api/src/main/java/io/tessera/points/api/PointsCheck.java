package io.tessera.points.api;

import java.util.List;
import javax.xml.bind.annotation.XmlType;

/**
 * The points books checked against themselves: every account's balances against its journal and its lots, every
 * lot's remaining against its moves, every account's journal sequence without gaps. {@code violations} is empty
 * when the books agree (at most 100 listed).
 */
@XmlType(name = "pointsCheck")
public class PointsCheck {
    public long accounts;
    public long lots;
    public long entries;
    /** Points the chain owes its members: available + pending over all accounts (debts subtracted). */
    public long outstanding;
    public List<String> violations;
}
