package org.backstrong.planner.fhir;

/** The code systems, canonical URLs and codes the FHIR export uses (planner-service/README.md lists them). */
public final class FhirCodes {

    /** Where Backstrong's own code systems and canonical resources live. */
    public static final String BASE = "https://backstrong.example/fhir";

    /** Catalog exercise ids. */
    public static final String EXERCISE_SYSTEM = BASE + "/CodeSystem/exercise";
    /** What a logged set records beyond LOINC's codes: reps, load, band, reps in reserve, RPE, side. */
    public static final String OBSERVATION_SYSTEM = BASE + "/CodeSystem/observation";
    /** A pain flag's severity: STOP or WATCH. */
    public static final String PAIN_FLAG_SYSTEM = BASE + "/CodeSystem/pain-flag";
    /** The rule of the progression engine or the pain-flag rules behind an automatic change. */
    public static final String RULE_SYSTEM = BASE + "/CodeSystem/rule";
    /** A clinic's id (the clinic_id claim). */
    public static final String CLINIC_SYSTEM = BASE + "/NamingSystem/clinic";
    /** A progress-service decision's id. */
    public static final String DECISION_SYSTEM = BASE + "/NamingSystem/progress-decision";

    public static final String ACTIVITY_DEFINITION_URL = BASE + "/ActivityDefinition/";
    public static final String PLAN_DEFINITION_URL = BASE + "/PlanDefinition/";

    public static final String SNOMED = "http://snomed.info/sct";
    public static final String EXERCISE_THERAPY = "229065009";
    public static final String PHYSICAL_THERAPY_PROCEDURE = "91251008";
    public static final String LEFT = "7771000";
    public static final String RIGHT = "24028007";

    public static final String LOINC = "http://loinc.org";
    public static final String EXERCISE_ACTIVITY = "73985-4";
    public static final String EXERCISE_DURATION = "55411-3";
    public static final String PAIN_SEVERITY = "72514-3";

    public static final String UCUM = "http://unitsofmeasure.org";
    public static final String OBSERVATION_CATEGORY = "http://terminology.hl7.org/CodeSystem/observation-category";
    public static final String FLAG_CATEGORY = "http://terminology.hl7.org/CodeSystem/flag-category";
    public static final String DATA_OPERATION = "http://terminology.hl7.org/CodeSystem/v3-DataOperation";
    public static final String PARTICIPANT_TYPE = "http://terminology.hl7.org/CodeSystem/provenance-participant-type";
    public static final String PLAN_DEFINITION_TYPE = "http://terminology.hl7.org/CodeSystem/plan-definition-type";
    public static final String RESTFUL_SECURITY = "http://terminology.hl7.org/CodeSystem/restful-security-service";

    /** Codes of {@link #OBSERVATION_SYSTEM}. */
    public static final String SESSION = "exercise-session";

    public static final String SET = "exercise-set";
    public static final String SET_NUMBER = "set-number";
    public static final String SIDE = "side";
    public static final String REPS = "reps";
    public static final String LOAD = "load";
    public static final String BAND = "band";
    public static final String REPS_IN_RESERVE = "reps-in-reserve";
    public static final String RPE = "rpe";
    public static final String BEYOND_NORMAL_FATIGUE = "beyond-normal-fatigue";

    /** Codes of {@link #OBSERVATION_SYSTEM} for outcome scores LOINC has no code we are sure of. */
    public static final String PSFS_SCORE = "psfs-score";

    public static final String RMDQ_SCORE = "rmdq-score";
    public static final String ODI_SCORE = "odi-score";
    public static final String SURVEY = "survey";

    /** The media type of every answer under /fhir. */
    public static final String MEDIA_TYPE = "application/fhir+json";

    private FhirCodes() {}
}
