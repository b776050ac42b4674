package io.clearsky.worker.generation.offline;

import static org.assertj.core.api.Assertions.assertThat;

import io.clearsky.core.catalog.DuckDbCatalog;
import io.clearsky.core.catalog.TableInfo;
import io.clearsky.core.lake.DuckDbLake;
import io.clearsky.core.semantic.ModelDerivation;
import io.clearsky.core.semantic.SemanticModel;
import io.clearsky.worker.generation.Generation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Lists of named attributes over a model derived from a small school catalog built here. */
class ListingReadingTest {

    private static DuckDbLake lake;

    private static List<TableInfo> tables;

    private static SemanticModel derived;

    private final ModelReader reader = new ModelReader(Clock.systemUTC());

    @BeforeAll
    static void buildTheSchool() throws Exception {
        Path folder = Files.createTempDirectory("listing");
        Files.writeString(folder.resolve("schema.sql"), """
                CREATE TABLE school (school_id INTEGER PRIMARY KEY, name VARCHAR, town VARCHAR);
                CREATE TABLE teacher (teacher_id INTEGER PRIMARY KEY, name VARCHAR, hometown VARCHAR, age INTEGER,
                    school_id INTEGER REFERENCES school (school_id));
                INSERT INTO school VALUES (1, 'North', 'Bolton'), (2, 'South', 'Wigan');
                INSERT INTO teacher VALUES (1, 'Ann', 'Turton', 35, 1), (2, 'Bob', 'Hyde', 52, 2), (3, 'Cy', 'Turton', 44, 2);
                """);
        lake = DuckDbLake.load(folder);
        tables = new DuckDbCatalog(lake).tables("main");
        derived = ModelDerivation.derive("main", tables);
    }

    @AfterAll
    static void close() throws Exception {
        lake.close();
    }

    @Test
    void namedAttributesAreListedForEachRowOfTheEntity() {
        assertThat(sql("What are the names and ages of all teachers?"))
                .isEqualTo("SELECT \"teacher\".\"name\" AS \"name\", \"teacher\".\"age\" AS \"age\" FROM \"teacher\"");
    }

    @Test
    void anAttributeGivenAValueFiltersTheRowsAndIsNotListed() {
        assertThat(sql("Show the names of teachers whose hometown is Turton"))
                .isEqualTo("SELECT \"teacher\".\"name\" AS \"name\" FROM \"teacher\" WHERE \"teacher\".\"hometown\" = 'Turton'");
    }

    @Test
    void aComparedNumberFiltersTheRowsAndIsNotListed() {
        assertThat(sql("names of teachers with age over 40"))
                .isEqualTo("SELECT \"teacher\".\"name\" AS \"name\" FROM \"teacher\" WHERE \"teacher\".\"age\" > 40");
    }

    @Test
    void aValueOfAManyToOnePartnerFiltersThroughItsKey() {
        assertThat(sql("names of teachers in Wigan")).contains("JOIN \"school\" ON")
                .contains("WHERE \"school\".\"town\" = 'Wigan'").startsWith("SELECT \"teacher\".\"name\"");
    }

    @Test
    void anAttributeTwoMentionedEntitiesHaveIsAskedAbout() {
        assertThat(this.reader.read("names of teachers of the school in Wigan", derived, tables, 100))
                .isInstanceOfSatisfying(Generation.Clarification.class, (asked) -> assertThat(asked.choices())
                        .containsExactlyInAnyOrder("name of school", "name of teacher"));
    }

    @Test
    void aSingleColumnKeyIsTheEntitysId() {
        assertThat(sql("List the ids of teachers whose hometown is Hyde"))
                .isEqualTo("SELECT \"teacher\".\"teacher_id\" AS \"id\" FROM \"teacher\" WHERE \"teacher\".\"hometown\" = 'Hyde'");
    }

    @Test
    void severalValuesOfOneAttributeInAListingAreDeclined() {
        assertThat(this.reader.read("names of teachers with hometown Turton and Hyde", derived, tables, 100))
                .isInstanceOf(Generation.CannotAnswer.class);
    }

    private String sql(String question) {
        Generation answer = this.reader.read(question, derived, tables, 100);
        assertThat(answer).as(question + " → " + answer).isInstanceOf(Generation.Sql.class);
        return ((Generation.Sql) answer).sql();
    }
}
