package io.tessera.points.api;

import javax.xml.bind.annotation.XmlType;

/** A member among those who earned the most points in a period. */
@XmlType(name = "pointsTopEarner")
public class TopEarner {
    public long memberId;
    public String memberName;
    public long earned;
    public long spent;
}
