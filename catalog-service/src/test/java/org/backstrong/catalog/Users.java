package org.backstrong.catalog;

import org.backstrong.testinfra.TestTokens;

/** Tokens of the demo realm's people, as tests need them. */
final class Users {

    static final String CLARA_ID = "11111111-1111-4111-8111-000000000001";
    static final String COLIN_ID = "11111111-1111-4111-8111-000000000002";
    static final String PAUL_ID = "22222222-2222-4222-8222-000000000001";
    static final String PIA_ID = "22222222-2222-4222-8222-000000000003";

    private Users() {}

    static String clara() {
        return TestTokens.clinician(CLARA_ID, "clinic-a");
    }

    static String colin() {
        return TestTokens.clinician(COLIN_ID, "clinic-b");
    }

    static String paul() {
        return TestTokens.patient(PAUL_ID, "clinic-a");
    }

    static String pia() {
        return TestTokens.patient(PIA_ID, "clinic-b");
    }

    static String anna() {
        return TestTokens.analyst("33333333-3333-4333-8333-000000000001");
    }

    static String adam() {
        return TestTokens.admin("44444444-4444-4444-8444-000000000001");
    }
}
