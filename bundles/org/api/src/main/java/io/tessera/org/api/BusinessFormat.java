package io.tessera.org.api;

/** A store format (业态), e.g. PHARMACY 药房, HEALTH_CENTER 健康中心, CLINIC 诊所. */
public class BusinessFormat {
    /** Upper-case letters, digits and '_', unique. */
    public String code;
    public String name;
}
