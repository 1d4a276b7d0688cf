package org.backstrong.testinfra;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.hl7.fhir.convertors.loaders.loaderR5.NullLoaderKnowledgeProviderR5;
import org.hl7.fhir.convertors.loaders.loaderR5.R4ToR5Loader;
import org.hl7.fhir.r5.context.SimpleWorkerContext;
import org.hl7.fhir.r5.elementmodel.Manager;
import org.hl7.fhir.r5.utils.validation.ValidatorSession;
import org.hl7.fhir.r5.utils.validation.constants.ReferenceValidationPolicy;
import org.hl7.fhir.utilities.validation.ValidationMessage;
import org.hl7.fhir.validation.ValidatorSettings;
import org.hl7.fhir.validation.instance.InstanceValidator;
import org.hl7.fhir.validation.instance.advisor.BasePolicyAdvisorForFullValidation;

/**
 * HL7's own validator (org.hl7.fhir.validation) against the base FHIR R4 definitions that
 * hapi-fhir-validation-resources-r4 carries, fully offline: no terminology server, so a SNOMED CT
 * or LOINC code it cannot look up is at most a warning. Loading takes half a minute: once per class.
 * planner's FHIR tests use it, and the packaged tier on the running stack's export.
 */
public final class FhirValidator {

    /** The R4 definitions in that jar: types, resources, profiles, extensions, value sets and code systems. */
    private static final List<String> DEFINITIONS = List.of(
            "profile/profiles-types.xml",
            "profile/profiles-resources.xml",
            "profile/profiles-others.xml",
            "extension/extension-definitions.xml",
            "valueset/valuesets.xml",
            "valueset/v3-codesystems.xml",
            "valueset/v2-tables.xml");

    private static final Set<String> TYPES = Set.of(
            "StructureDefinition",
            "ValueSet",
            "CodeSystem",
            "SearchParameter",
            "OperationDefinition",
            "CapabilityStatement",
            "ConceptMap",
            "NamingSystem");

    private final InstanceValidator validator;

    private FhirValidator(InstanceValidator validator) {
        this.validator = validator;
    }

    /** The worker context says FHIR 4.0.1: definitions loaded from files carry no package version. */
    private static final class R4Context extends SimpleWorkerContext {
        R4Context(SimpleWorkerContext loaded) throws IOException {
            super(loaded);
            this.version = "4.0.1";
        }
    }

    public static FhirValidator load() {
        try {
            R4ToR5Loader loader = new R4ToR5Loader(TYPES, new NullLoaderKnowledgeProviderR5(), "4.0.1");
            SimpleWorkerContext loaded = new SimpleWorkerContext.SimpleWorkerContextBuilder()
                    .withAllowLoadingDuplicates(true)
                    .fromNothing();
            // The empty context has a few code systems of its own, which R4's definitions repeat.
            loaded.setAllowLoadingDuplicates(true);
            for (String file : DEFINITIONS) {
                try (InputStream in =
                        FhirValidator.class.getClassLoader().getResourceAsStream("org/hl7/fhir/r4/model/" + file)) {
                    loaded.loadFromFile(in, file, loader);
                }
            }
            SimpleWorkerContext context = new R4Context(loaded);
            context.setCanRunWithoutTerminology(true);
            context.setNoTerminologyServer(true);
            InstanceValidator validator =
                    new InstanceValidator(context, null, null, new ValidatorSession(), new ValidatorSettings());
            // References outside the resource are not looked up (a bundle's own are resolved inside it).
            validator.setPolicyAdvisor(
                    new BasePolicyAdvisorForFullValidation(ReferenceValidationPolicy.IGNORE, Set.of()));
            return new FhirValidator(validator);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every message about one resource (or bundle) written as FHIR JSON. */
    public synchronized List<ValidationMessage> validate(String json) {
        List<ValidationMessage> messages = new ArrayList<>();
        validator.validate(
                null,
                messages,
                new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)),
                Manager.FhirFormat.JSON);
        return messages;
    }

    public static List<ValidationMessage> errors(List<ValidationMessage> messages) {
        return messages.stream()
                .filter(message -> message.getLevel() == ValidationMessage.IssueSeverity.ERROR
                        || message.getLevel() == ValidationMessage.IssueSeverity.FATAL)
                .toList();
    }

    public static long warnings(List<ValidationMessage> messages) {
        return messages.stream()
                .filter(message -> message.getLevel() == ValidationMessage.IssueSeverity.WARNING)
                .count();
    }

    /** Each warning's message once, with how often it came, most frequent first. */
    public static String distinctWarnings(List<ValidationMessage> messages) {
        java.util.Map<String, Long> counts = messages.stream()
                .filter(message -> message.getLevel() == ValidationMessage.IssueSeverity.WARNING)
                .collect(java.util.stream.Collectors.groupingBy(
                        message -> message.getMessage().replaceAll("'[^']*'", "'…'"),
                        java.util.stream.Collectors.counting()));
        StringBuilder text = new StringBuilder();
        counts.entrySet().stream()
                .sorted(java.util.Map.Entry.<String, Long>comparingByValue().reversed())
                .forEach(count -> text.append(count.getValue())
                        .append(" × ")
                        .append(count.getKey())
                        .append('\n'));
        return text.toString();
    }

    public static String describe(List<ValidationMessage> messages) {
        StringBuilder text = new StringBuilder();
        messages.forEach(message -> text.append(message.getLevel())
                .append(' ')
                .append(message.getLocation())
                .append(": ")
                .append(message.getMessage())
                .append('\n'));
        return text.toString();
    }
}
