package org.backstrong.planner.web;

import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Validator;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.quarkus.logging.Log;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

import org.backstrong.planner.catalog.CatalogBrowser;
import org.backstrong.planner.catalog.CatalogSummary;
import org.backstrong.planner.domain.BandColours;
import org.backstrong.planner.domain.Template;
import org.backstrong.planner.domain.TemplateItem;
import org.backstrong.planner.security.Caller;
import org.backstrong.planner.security.Roles;
import org.backstrong.planner.service.InvalidInputException;
import org.backstrong.planner.service.NotFoundException;
import org.backstrong.planner.service.PrescriptionBody;
import org.backstrong.planner.service.TemplateInput;
import org.backstrong.planner.service.TemplateLibrary;

/**
 * The template builder (/app/templates): the clinic's templates and the built-in ones, and a plain
 * form to make a new one from catalog exercises, checked by the same rules as the API.
 */
@Path("/app/templates")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Roles.CLINICIAN)
public class TemplatePages {

    /** Exercise rows of a new form; "Add exercise" adds more, up to what the API takes. */
    static final int FIRST_ROWS = 3;

    static final int MAX_ROWS = 30;
    private static final Pattern ROW_ACTION = Pattern.compile("^(remove|up):(\\d{1,2})$");
    private static final Pattern ITEM_FIELD = Pattern.compile("^items\\[(\\d+)\\]\\.(?:prescription\\.)?(.+)$");
    private static final Pattern ROW_FIELD = Pattern.compile("^rows\\[(\\d+)\\]\\.(.+)$");
    private static final Map<String, String> TOP_LABELS = Map.of(
            "name",
            "Name",
            "goal",
            "Goal",
            "weeks",
            "Weeks",
            "sessionsPerWeek",
            "Sessions per week",
            "items",
            "Exercises");

    private final TemplateLibrary library;
    private final CatalogBrowser catalog;
    private final Validator validator;
    private final Caller caller;
    private final CsrfTokens csrf;

    public TemplatePages(
            TemplateLibrary library, CatalogBrowser catalog, Validator validator, Caller caller, CsrfTokens csrf) {
        this.library = library;
        this.catalog = catalog;
        this.validator = validator;
        this.caller = caller;
        this.csrf = csrf;
    }

    /** The form's fields as typed: exercise rows come as repeated fields, one value per row. */
    public static class Form {
        @FormParam("name")
        public String name;

        @FormParam("goal")
        public String goal;

        @FormParam("weeks")
        public String weeks;

        @FormParam("sessionsPerWeek")
        public String sessionsPerWeek;

        @FormParam("exerciseId")
        public List<String> exerciseId;

        @FormParam("block")
        public List<String> block;

        @FormParam("position")
        public List<String> position;

        @FormParam("sets")
        public List<String> sets;

        @FormParam("repsMin")
        public List<String> repsMin;

        @FormParam("repsMax")
        public List<String> repsMax;

        @FormParam("secondsMin")
        public List<String> secondsMin;

        @FormParam("secondsMax")
        public List<String> secondsMax;

        @FormParam("loadKind")
        public List<String> loadKind;

        @FormParam("loadKg")
        public List<String> loadKg;

        @FormParam("band")
        public List<String> band;

        @FormParam("restSeconds")
        public List<String> restSeconds;
        /** The submit button pressed: save (also when absent), add, remove:{row} or up:{row}. */
        @FormParam("action")
        public String action;

        /** How many rows the form sent: every row sends its exercise field, chosen or not. */
        int rowCount() {
            return Math.max(1, Math.min(MAX_ROWS, exerciseId == null ? 0 : exerciseId.size()));
        }

        Row row(int index) {
            return new Row(
                    index,
                    at(exerciseId, index),
                    orDefault(at(block, index), "main"),
                    orDefault(at(position, index), String.valueOf(index + 1)),
                    at(sets, index),
                    at(repsMin, index),
                    at(repsMax, index),
                    at(secondsMin, index),
                    at(secondsMax, index),
                    orDefault(at(loadKind, index), "bodyweight"),
                    at(loadKg, index),
                    at(band, index),
                    at(restSeconds, index));
        }

        private static String at(List<String> values, int index) {
            return values == null || index >= values.size()
                    ? ""
                    : values.get(index).trim();
        }

        private static String orDefault(String value, String fallback) {
            return value.isEmpty() ? fallback : value;
        }
    }

    /** One exercise row of the form, as typed (so a refused form shows it again). */
    public record Row(
            int index,
            String exerciseId,
            String block,
            String position,
            String sets,
            String repsMin,
            String repsMax,
            String secondsMin,
            String secondsMax,
            String loadKind,
            String loadKg,
            String band,
            String restSeconds) {

        public int number() {
            return index + 1;
        }

        /** The form's name of one of this row's fields, as its messages are kept. */
        public String field(String name) {
            return "rows[" + index + "]." + name;
        }

        public String errorId(String name) {
            return FieldErrors.idOf(field(name));
        }

        /** The same row at another place in the form; the order follows its place. */
        Row at(int newIndex) {
            return new Row(
                    newIndex,
                    exerciseId,
                    block,
                    String.valueOf(newIndex + 1),
                    sets,
                    repsMin,
                    repsMax,
                    secondsMin,
                    secondsMax,
                    loadKind,
                    loadKg,
                    band,
                    restSeconds);
        }

        static Row empty(int index) {
            return new Row(index, "", "main", String.valueOf(index + 1), "", "", "", "", "", "bodyweight", "", "", "");
        }

        boolean blank() {
            return exerciseId.isEmpty();
        }
    }

    /**
     * The form as shown: what was typed, and what was wrong with it. {@code doseKinds} holds the catalog's
     * dose kind of each exercise offered, so a row asks for reps or for seconds as its exercise is measured.
     */
    public record Builder(
            String name,
            String goal,
            String weeks,
            String sessionsPerWeek,
            List<Row> rows,
            FieldErrors errors,
            Map<String, String> doseKinds) {

        Builder(String name, String goal, String weeks, String sessionsPerWeek, List<Row> rows, FieldErrors errors) {
            this(name, goal, weeks, sessionsPerWeek, rows, errors, Map.of());
        }

        Builder withDoseKinds(Map<String, String> kinds) {
            return new Builder(name, goal, weeks, sessionsPerWeek, rows, errors, kinds);
        }

        /** Whether the row asks for reps: its exercise is counted in reps, or no exercise is chosen yet. */
        public boolean reps(Row row) {
            String kind = doseKinds.get(row.exerciseId());
            return kind == null || "reps".equals(kind);
        }

        /** Whether the row asks for seconds: its exercise is held or timed, or no exercise is chosen yet. */
        public boolean seconds(Row row) {
            String kind = doseKinds.get(row.exerciseId());
            return kind == null || !"reps".equals(kind);
        }

        public boolean canAdd() {
            return rows.size() < MAX_ROWS;
        }

        public boolean invalid(Row row, String name) {
            return errors.has(row.field(name));
        }

        public String error(Row row, String name) {
            return errors.get(row.field(name));
        }
    }

    /** A template as listed and shown, each item's dose in words. */
    public record TemplateLine(
            UUID id, String name, String goal, int weeks, int sessionsPerWeek, boolean builtIn, List<ItemLine> items) {}

    public record ItemLine(
            int position,
            String block,
            String exerciseId,
            String exerciseName,
            String dose,
            String load,
            String rest) {}

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(PageFrame frame, List<TemplateLine> templates);

        static native TemplateInstance template(PageFrame frame, TemplateLine template, boolean created);

        static native TemplateInstance builder(
                PageFrame frame,
                Builder form,
                List<CatalogSummary> exercises,
                boolean catalogUnavailable,
                List<String> bands);
    }

    @GET
    public TemplateInstance list() {
        List<TemplateLine> templates =
                library.list(caller.clinic()).stream().map(TemplatePages::line).toList();
        return Templates.list(frame("Plan templates"), templates);
    }

    @GET
    @Path("/new")
    public TemplateInstance blank() {
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < FIRST_ROWS; i++) {
            rows.add(Row.empty(i));
        }
        return builder(new Builder("", "", "4", "3", rows, FieldErrors.none()));
    }

    @GET
    @Path("/{id}")
    public TemplateInstance template(@PathParam("id") String id, @QueryParam("created") String created) {
        UUID templateId;
        try {
            templateId = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new NotFoundException("Template " + id);
        }
        Template template = library.get(templateId, caller.clinic());
        return Templates.template(frame(template.name), line(template), created != null);
    }

    /** Creates the template; a refused form comes back with each message next to its field, and nothing is stored. */
    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response create(@BeanParam Form form) {
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < form.rowCount(); i++) {
            rows.add(form.row(i));
        }
        String action = form.action == null ? "save" : form.action.trim();
        if (!"save".equals(action)) {
            // Add, remove or move a row: the same form again with its rows changed, nothing saved.
            return Response.ok(builder(new Builder(
                            nullToEmpty(form.name),
                            nullToEmpty(form.goal),
                            nullToEmpty(form.weeks),
                            nullToEmpty(form.sessionsPerWeek),
                            rearranged(rows, action),
                            FieldErrors.none())))
                    .type(MediaType.TEXT_HTML_TYPE)
                    .build();
        }
        FieldErrors errors = FieldErrors.none();
        Integer weeks = FormValues.whole(form.weeks, "weeks", errors);
        Integer sessionsPerWeek = FormValues.whole(form.sessionsPerWeek, "sessionsPerWeek", errors);
        // Items in the order the clinician numbered them; rows with the same number keep the form's order.
        List<Row> chosen = rows.stream()
                .filter(row -> !row.blank())
                .sorted(Comparator.comparingInt((Row row) -> orderOf(row)))
                .toList();
        List<TemplateInput.Item> items = new ArrayList<>();
        for (Row row : chosen) {
            FormValues.whole(row.position(), row.field("position"), errors);
            items.add(new TemplateInput.Item(
                    row.block(),
                    FormValues.text(row.exerciseId(), row.field("exerciseId"), errors),
                    new PrescriptionBody(
                            null,
                            FormValues.whole(row.sets(), row.field("sets"), errors),
                            null,
                            FormValues.whole(row.repsMin(), row.field("repsMin"), errors),
                            FormValues.whole(row.repsMax(), row.field("repsMax"), errors),
                            FormValues.whole(row.secondsMin(), row.field("secondsMin"), errors),
                            FormValues.whole(row.secondsMax(), row.field("secondsMax"), errors),
                            null,
                            null,
                            row.loadKind(),
                            FormValues.decimal(row.loadKg(), row.field("loadKg"), errors),
                            FormValues.text(row.band(), row.field("band"), errors),
                            FormValues.whole(row.restSeconds(), row.field("restSeconds"), errors),
                            null,
                            null,
                            null)));
        }
        TemplateInput input = new TemplateInput(
                FormValues.text(form.name, "name", errors),
                FormValues.text(form.goal, "goal", errors),
                weeks,
                sessionsPerWeek,
                items);
        if (errors.isEmpty()) {
            errors.addAll(validator.validate(input), field -> formField(field, chosen));
        }
        if (errors.isEmpty()) {
            try {
                Template created = library.create(caller.clinic(), caller.subject(), input);
                return Response.seeOther(URI.create("/app/templates/" + created.id + "?created=1"))
                        .build();
            } catch (InvalidInputException e) {
                errors.add(e, field -> formField(field, chosen));
            }
        }
        Log.infof(
                "Template form refused for clinic %s: %s",
                caller.clinic(), errors.all().get(0).field());
        return Response.status(Response.Status.BAD_REQUEST)
                .type(MediaType.TEXT_HTML_TYPE)
                .entity(builder(new Builder(
                        nullToEmpty(form.name),
                        nullToEmpty(form.goal),
                        nullToEmpty(form.weeks),
                        nullToEmpty(form.sessionsPerWeek),
                        rows,
                        plainWords(errors))))
                .build();
    }

    private TemplateInstance builder(Builder form) {
        List<CatalogSummary> exercises = List.of();
        boolean unavailable = false;
        try {
            exercises = catalog.search(null, null, null, null, null, 0, 200).items().stream()
                    .filter(CatalogSummary::published)
                    .toList();
        } catch (RuntimeException e) {
            Log.warnf("Catalog unavailable for the template builder: %s", e.getMessage());
            unavailable = true;
        }
        Map<String, String> kinds = new HashMap<>();
        exercises.stream()
                .filter(exercise -> exercise.dose() != null && exercise.dose().kind() != null)
                .forEach(exercise ->
                        kinds.put(exercise.id(), exercise.dose().kind().toLowerCase(Locale.ROOT)));
        return Templates.builder(
                frame("New plan template"),
                form.withDoseKinds(kinds),
                exercises,
                unavailable,
                BandColours.LIGHTEST_FIRST);
    }

    /** The rows after "Add exercise", "Remove" or "Move up"; numbered again in their new order. */
    static List<Row> rearranged(List<Row> rows, String action) {
        List<Row> changed = new ArrayList<>(rows);
        Matcher matcher = ROW_ACTION.matcher(action);
        if ("add".equals(action)) {
            if (changed.size() < MAX_ROWS) {
                changed.add(Row.empty(changed.size()));
            }
        } else if (matcher.matches()) {
            int row = Integer.parseInt(matcher.group(2));
            if ("remove".equals(matcher.group(1)) && row < changed.size()) {
                changed.remove(row);
            } else if ("up".equals(matcher.group(1)) && row > 0 && row < changed.size()) {
                changed.add(row - 1, changed.remove(row));
            }
        }
        if (changed.isEmpty()) {
            changed.add(Row.empty(0));
        }
        List<Row> numbered = new ArrayList<>();
        for (int i = 0; i < changed.size(); i++) {
            numbered.add(changed.get(i).at(i));
        }
        return numbered;
    }

    /** The API's field names ("items[1].prescription.repsMax") as the form's ("rows[4].repsMax"). */
    static String formField(String field, List<Row> chosen) {
        Matcher matcher = ITEM_FIELD.matcher(field);
        if (matcher.matches()) {
            int item = Integer.parseInt(matcher.group(1));
            if (item < chosen.size()) {
                return chosen.get(item).field(matcher.group(2));
            }
        }
        return field.startsWith("items") ? "items" : field;
    }

    /**
     * The messages as a clinician reads them: "Exercise 4: Highest reps must be at least the lowest (12)",
     * not "rows[3].repsMax: must not be less than repsMin (12)". The fields keep the form's names.
     */
    static FieldErrors plainWords(FieldErrors errors) {
        FieldErrors plain = FieldErrors.none();
        for (FieldErrors.Message message : errors.all()) {
            Matcher row = ROW_FIELD.matcher(message.field());
            if (row.matches()) {
                String name = row.group(2);
                String label = switch (name) {
                    case "exerciseId" -> "The exercise";
                    case "position" -> "Order";
                    case "block" -> "Block";
                    default -> PlainWords.LABELS.getOrDefault(name, name);
                };
                plain.add(
                        message.field(),
                        "Exercise " + (Integer.parseInt(row.group(1)) + 1) + ": "
                                + PlainWords.of(label, name, message.text()));
            } else {
                String label = TOP_LABELS.getOrDefault(message.field(), message.field());
                plain.add(
                        message.field(),
                        "items".equals(message.field()) && message.text().startsWith("size must be")
                                ? "Choose at least one exercise (up to 30)"
                                : PlainWords.of(label, message.field(), message.text()));
            }
        }
        return plain;
    }

    private static int orderOf(Row row) {
        try {
            return Integer.parseInt(row.position());
        } catch (NumberFormatException e) {
            return Integer.MAX_VALUE;
        }
    }

    private PageFrame frame(String title) {
        return PageFrame.of(caller, csrf, title, "templates");
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }

    static TemplateLine line(Template template) {
        return new TemplateLine(
                template.id,
                template.name,
                template.goal,
                template.weeks,
                template.sessionsPerWeek,
                template.clinicId == null,
                template.items.stream().map(TemplatePages::itemLine).toList());
    }

    private static ItemLine itemLine(TemplateItem item) {
        return new ItemLine(
                item.position,
                item.block.label(),
                item.exerciseId,
                item.exerciseName,
                PlanInWords.dose(item.prescription),
                PlanInWords.load(item.prescription),
                PlanInWords.rest(item.prescription));
    }
}
