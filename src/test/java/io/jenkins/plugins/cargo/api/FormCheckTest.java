package io.jenkins.plugins.cargo.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class FormCheckTest {
    private static FormField field(String slug, String kind, boolean required) {
        return new FormField(slug.substring(0, 1).toUpperCase() + slug.substring(1), slug, null, required, kind, List.of(),
                List.of());
    }

    private static final List<FormField> FORM = List.of(
            field("domain", "string", true),
            field("employees", "number", false),
            field("active", "boolean", false),
            field("anything", "any", false),
            field("since", "date", false),
            new FormField("Tier", "tier", null, false, "enum", List.of("gold", "silver"), List.of()),
            new FormField("Contacts", "contacts", null, false, "array", List.of(),
                    List.of(field("name", "string", true), field("email", "string", false))));

    private static List<String> problems(String json) {
        return FormCheck.problems(JsonData.parse(json), FORM);
    }

    @Test
    void dataThatMatchesEveryKindHasNoProblems() {
        assertEquals(List.of(), problems("{\"domain\":\"acme.com\",\"employees\":12.5,\"active\":true,"
                + "\"anything\":[1,{\"x\":null}],\"since\":\"2026-01-01\",\"tier\":\"gold\","
                + "\"contacts\":[{\"name\":\"Ada\",\"email\":\"ada@acme.com\"},{\"name\":\"Bob\"}]}"));
    }

    @Test
    void keysTheFormDoesNotNameAreAllowedAndOptionalFieldsMayBeLeftOut() {
        assertEquals(List.of(), problems("{\"domain\":\"acme.com\",\"source\":\"jenkins\"}"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "{}                                                   | data.domain is missing: \"Domain\" is required, a string.",
        "{\"domain\":42}                                      | data.domain should be a string, but is a number.",
        "{\"domain\":null}                                    | data.domain should be a string, but is null.",
        "{\"domain\":\"a\",\"employees\":\"12\"}              | data.employees should be a number, but is a string.",
        "{\"domain\":\"a\",\"active\":\"yes\"}                | data.active should be true or false, but is a string.",
        "{\"domain\":\"a\",\"since\":20260101}                | data.since should be a date as a string, but is a number.",
        "{\"domain\":\"a\",\"tier\":\"bronze\"}               | data.tier should be one of gold, silver, but is another string.",
        "{\"domain\":\"a\",\"tier\":1}                        | data.tier should be one of gold, silver, but is a number.",
        "{\"domain\":\"a\",\"contacts\":{}}                   | data.contacts should be a list of objects, but is an object.",
        "{\"domain\":\"a\",\"contacts\":[\"Ada\"]}            | data.contacts[0] should be an object with the keys name, email, but is a string.",
        "{\"domain\":\"a\",\"contacts\":[{\"name\":\"A\"},{}]} | data.contacts[1].name is missing: \"Name\" is required, a string.",
        "{\"domain\":\"a\",\"contacts\":[{\"name\":7}]}       | data.contacts[0].name should be a string, but is a number."
    })
    void eachProblemNamesItsPathAndTheKindExpected(String json, String problem) {
        assertEquals(List.of(problem), problems(json));
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        List<String> problems = problems("{\"employees\":\"many\",\"tier\":\"bronze\",\"contacts\":[{}]}");
        assertEquals(4, problems.size(), String.join("\n", problems));
    }

    @Test
    void dataThatIsNotAnObjectIsOneProblem() {
        assertEquals(List.of("data is not an object: the form expects an object with the keys domain, employees, active,"
                + " anything, since, tier, contacts."), problems("[1,2]"));
    }

    @Test
    void theValuesThemselvesAreNeverQuoted() {
        String secret = "Globex-confidential";
        List<String> problems = FormCheck.problems(
                JsonData.of(Map.of("domain", 1, "employees", secret, "tier", secret)), FORM);
        assertFalse(String.join("\n", problems).contains(secret), String.join("\n", problems));
        assertTrue(problems.size() >= 3);
    }

    @Test
    void aKindCargoAddsLaterIsNotChecked() {
        List<FormField> form = List.of(field("when", "datetime", true));
        assertEquals(List.of(), FormCheck.problems(JsonData.parse("{\"when\":{\"at\":1}}"), form));
        assertEquals(1, FormCheck.problems(JsonData.parse("{}"), form).size(), "but a required one must be there");
    }
}
