package org.backstrong.catalog.security;

/** Realm roles of the backstrong realm, as named in tokens. */
public final class Roles {

    public static final String CLINICIAN = "clinician";
    public static final String PATIENT = "patient";
    public static final String ANALYST = "analyst";
    public static final String ADMIN = "admin";

    private Roles() {}
}
